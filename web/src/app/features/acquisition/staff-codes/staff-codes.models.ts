import type {
  StaffCodeKind,
  StaffCodeView,
  UpdateStaffCodeRequest,
  staffCodeAddPageSchema,
  staffCodePageSchema,
  staffCodeTrendSchema,
} from '@contracts/staff-codes.contract';
import type { z } from 'zod';

/** 员工活码 as the api answers (lib/contracts/staff-codes.contract.ts). */
export type { StaffCodeKind } from '@contracts/staff-codes.contract';
export type StaffCodeCreateKind = 'batch' | StaffCodeKind;

export type StaffCode = StaffCodeView;
export type StaffCodePage = z.infer<typeof staffCodePageSchema>;

export interface StaffCodeFilters {
  userid?: string;
  kind: 'all' | StaffCodeKind;
  status: 'all' | 'normal' | 'abnormal';
  keyword?: string;
}

/** What 新建 and 编辑 send besides the kind. */
export type StaffCodeFields = UpdateStaffCodeRequest;

export type StaffCodeTrend = z.infer<typeof staffCodeTrendSchema>;
export type StaffCodeAddPage = z.infer<typeof staffCodeAddPageSchema>;
export type StaffCodeAdd = StaffCodeAddPage['items'][number];

export const SCENE_MAX = 30;
export const WELCOME_MAX = 100;
export const MEMBERS_MAX = 100;

import type {
  CustomerGroupPortrait,
  CustomerGroupRow,
  customerGroupPageSchema,
} from '@contracts/customer-groups.contract';
import type { z } from 'zod';

/** 客户群 as the api serves it (lib/contracts/customer-groups.contract.ts). */
export type {
  CustomerGroupPortrait,
  CustomerGroupRow,
  MessageTrend,
} from '@contracts/customer-groups.contract';
export type GroupTagRef = CustomerGroupRow['groupTags'][number];
export type StaffRef = CustomerGroupRow['owner'];
export type ExternalMember = CustomerGroupPortrait['externalMembers'][number];
export type CustomerGroupPage = z.infer<typeof customerGroupPageSchema>;

export interface CustomerGroupFilters {
  keyword?: string;
  ownerUserid?: string[];
  groupTagId?: string[];
  lastMessageFrom?: string;
  lastMessageTo?: string;
  createdFrom?: string;
  createdTo?: string;
}

/** An unnamed group (R-3.2.1-08). */
export const UNNAMED_GROUP = '未命名群聊';

/** 入群方式 (R-3.2.2-09). */
export const JOIN_SCENES: Record<number, string> = {
  1: '由成员邀请入群（直接邀请入群）',
  2: '由成员邀请入群（通过邀请链接入群）',
  3: '通过扫描群二维码入群',
};

import type {
  departmentSchema,
  departmentTreeResponseSchema,
  seatsSchema,
  staffPageSchema,
  writeBackMarkSchema,
} from '@contracts/org.contract';
import type {
  orgEditabilitySchema,
  roleOptionsSchema,
  staffDetailSchema,
  writeBackEntrySchema,
} from '@contracts/org-edit.contract';
import type { z } from 'zod';

/** 组织架构 as the api serves it (lib/contracts/org.contract.ts, org-edit.contract.ts). */

/** A WeCom department, flat; the root department has parentId 0. Larger `order` = earlier among siblings. */
export type Department = z.infer<typeof departmentSchema>;

/** A local edit on its way to WeCom (pending), or the last one WeCom refused (failed, with the reason). */
export type WriteBackMark = z.infer<typeof writeBackMarkSchema>;

/** GET /api/org/departments */
export type DepartmentList = z.infer<typeof departmentTreeResponseSchema>;

/** GET /api/org/staff */
export type StaffPage = z.infer<typeof staffPageSchema>;
export type StaffMember = StaffPage['items'][number];

/** The fields of the 新建员工 / 编辑 dialog (R-7.1.3-01). */
export interface StaffFields {
  name: string;
  alias: string;
  userid: string;
  gender: '1' | '2' | '';
  mobile: string;
  telephone: string;
  email: string;
  address: string;
  departmentIds: number[];
  position: string;
  roleId: string;
}

/** GET /api/org/staff/:userid */
export type StaffDetail = z.infer<typeof staffDetailSchema>;

export type RoleOption = z.infer<typeof roleOptionsSchema>[number];

/** GET /api/org/editability: off when the contacts secret is read-only (I-95). */
export type OrgEditability = z.infer<typeof orgEditabilitySchema>;

export interface StaffQuery {
  page: number;
  pageSize: number;
  keyword: string;
  /** null = the whole corp. */
  departmentId: number | null;
  /** Only the staff holding this role (权限管理's 员工数 link); null = any role. */
  roleId: string | null;
}

/** GET /api/org/seats */
export type Seats = z.infer<typeof seatsSchema>;

/** GET /api/org/write-backs: one org edit on its way to WeCom, written, or refused. */
export type WriteBack = z.infer<typeof writeBackEntrySchema>;

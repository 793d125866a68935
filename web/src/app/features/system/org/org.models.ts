/** A WeCom department, flat; the root department has parentId 0. Larger `order` = earlier among siblings. */
export interface Department {
  id: number;
  name: string;
  parentId: number;
  order: number;
}

/** GET /api/org/departments */
export interface DepartmentList {
  corpName: string;
  items: Department[];
}

export interface StaffMember {
  userid: string;
  name: string;
  avatar: string;
  mobile: string;
  email: string;
  position: string;
  departments: { id: number; name: string }[];
  systemEnabled: boolean;
  /** The one 权限管理 role (I-100). */
  role: { id: string; name: string } | null;
}

export interface StaffQuery {
  page: number;
  pageSize: number;
  keyword: string;
  /** null = the whole corp. */
  departmentId: number | null;
  /** Only the staff holding this role (权限管理's 员工数 link); null = any role. */
  roleId: string | null;
}

/** GET /api/org/staff */
export interface StaffPage {
  items: StaffMember[];
  total: number;
  page: number;
  pageSize: number;
}

export type SyncRunStatus = 'running' | 'completed' | 'failed';

export interface LastSync {
  finishedAt: string;
  count: number;
  status: SyncRunStatus;
}

/** GET /api/org/sync */
export interface SyncState {
  lastSync: LastSync | null;
  manualSyncsToday: number;
  nextManualSyncAt: string | null;
}

/** POST /api/org/sync 202 */
export interface SyncStarted {
  message: string;
  workflowId: string;
}

/** GET /api/org/seats */
export interface Seats {
  used: number;
  total: number;
  effectiveAt: string;
  expiresAt: string;
}

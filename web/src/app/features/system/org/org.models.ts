/** A WeCom department, flat; the root department has parentId 0. Larger `order` = earlier among siblings. */
export interface Department {
  id: number;
  name: string;
  parentId: number;
  order: number;
  writeBack?: WriteBackMark;
}

/** A local edit on its way to WeCom (pending), or the last one WeCom refused (failed, with the reason). */
export interface WriteBackMark {
  status: 'pending' | 'failed';
  op: 'create' | 'update' | 'delete';
  message?: string;
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
  writeBack?: WriteBackMark;
}

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
export interface StaffDetail extends Omit<StaffFields, 'gender' | 'roleId'> {
  gender: string;
  roleId: string | null;
  systemEnabled: boolean;
  writeBack?: WriteBackMark;
}

export interface RoleOption {
  id: string;
  name: string;
}

/** GET /api/org/editability: off when the contacts secret is read-only (I-95). */
export interface OrgEditability {
  editable: boolean;
  message: string | null;
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

/** GET /api/org/seats */
export interface Seats {
  used: number;
  total: number;
  effectiveAt: string;
  expiresAt: string;
}

/** GET /api/org/write-backs: one org edit on its way to WeCom, written, or refused. */
export interface WriteBack {
  id: string;
  kind: 'department' | 'staff';
  op: 'create' | 'update' | 'delete';
  targetId: string;
  targetName: string;
  status: 'pending' | 'applied' | 'failed';
  attempts: number;
  errcode?: number;
  message?: string;
  createdAt: string;
  appliedAt?: string;
}

import { DataScope } from '../../../core/auth/auth.models';

/** GET /api/roles item */
export interface Role {
  id: string;
  name: string;
  builtIn: 'super_admin' | 'admin' | 'staff' | null;
  functionPermissions: string[];
  dataScope: DataScope;
  customDepartmentIds: number[];
  customUserids: string[];
  staffCount: number;
  createdByName: string;
  createdAt: string;
}

export interface RolePage {
  items: Role[];
  total: number;
  page: number;
  pageSize: number;
}

/** POST /api/roles and PUT /api/roles/:id body */
export interface RoleInput {
  name: string;
  functionPermissions: string[];
  dataScope: DataScope;
  customDepartmentIds: number[];
  customUserids: string[];
}

/** A node of GET /api/roles/permission-tree: module → menu → button. */
export interface PermissionNode {
  key: string;
  title: string;
  children?: PermissionNode[];
}

import type { rolePageSchema } from '@contracts/role.contract';
import type { z } from 'zod';

export type { RoleInput, RoleView as Role } from '@contracts/role.contract';

/** GET /api/roles */
export type RolePage = z.infer<typeof rolePageSchema>;

/**
 * Any level of GET /api/roles/permission-tree (module → menu → button), so that the tree can be walked by one
 * recursive function; the contract's three levels are assignable to it.
 */
export interface PermissionNode {
  key: string;
  title: string;
  children?: PermissionNode[];
}

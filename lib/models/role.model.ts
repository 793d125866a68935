import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';
import { cleanJson } from '../db/to-json';
import { DATA_SCOPES } from '../contracts/role.contract';

export type DataScope = (typeof DATA_SCOPES)[number];

/**
 * 权限管理 roles. Every staff member has exactly one (I-100). Built-in roles (`builtIn` set)
 * are created with the tenant; they can be edited but not deleted (I-102).
 */
const roleSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    name: { type: String, required: true },
    builtIn: { type: String, enum: ['super_admin', 'admin', 'staff'] },
    /** Keys of the 功能权限 tree (menus, buttons and actions). */
    functionPermissions: { type: [String], default: [] },
    /**
     * Built-in roles: every key the built-in definition has offered this role so far, so a key added to the
     * definition later is told from one an admin removed (lib/access/built-in-roles.ts upgradeBuiltInRoles).
     */
    offeredKeys: { type: [String], default: undefined },
    dataScope: { type: String, enum: DATA_SCOPES, required: true, default: 'department' },
    /** For 自定义: the departments (with their sub-departments) and staff whose data is visible. */
    customDepartmentIds: { type: [Number], default: [] },
    customUserids: { type: [String], default: [] },
    /** userid of the staff member who created it; absent for built-in roles. */
    createdBy: { type: String },
  },
  { timestamps: true, toJSON: cleanJson },
);
roleSchema.plugin(tenantScopePlugin);
roleSchema.index({ tenantId: 1, name: 1 }, { unique: true });
roleSchema.index({ tenantId: 1, builtIn: 1 });
roleSchema.index({ tenantId: 1, createdAt: 1 });

export type Role = InferSchemaType<typeof roleSchema>;
export const RoleModel = model('Role', roleSchema, 'roles');

import { pageOf, paginationQuerySchema, z } from './common.contract';

/** 数据权限 (R-7.2.2-03): whose customers, groups, messages and statistics a role sees, through their staff. */
export const DATA_SCOPES = ['self', 'department', 'all', 'custom'] as const;

export const ROLE_NAME_MAX = 30;

export const roleParamsSchema = z.object({
  roleId: z.string().regex(/^[0-9a-f]{24}$/, '角色不存在'),
});

export const roleListQuerySchema = paginationQuerySchema;

/** 新建角色 / 编辑角色 (R-7.2.2-01): name, 功能权限 keys and 数据权限. */
export const roleInputSchema = z
  .object({
    name: z
      .string({ error: '请输入角色名称' })
      .trim()
      .min(1, '请输入角色名称')
      .max(ROLE_NAME_MAX, `角色名称最多${ROLE_NAME_MAX}个字`),
    functionPermissions: z.array(z.string().max(100)).max(500).default([]),
    dataScope: z.enum(DATA_SCOPES, { error: '请选择数据权限' }).default('department'),
    customDepartmentIds: z.array(z.number().int().positive()).max(1000).default([]),
    customUserids: z.array(z.string().min(1).max(64)).max(1000).default([]),
  })
  .refine(
    (role) =>
      role.dataScope !== 'custom' || role.customDepartmentIds.length > 0 || role.customUserids.length > 0,
    { message: '自定义数据权限请至少选择一个部门或员工', path: ['customDepartmentIds'] },
  )
  .openapi('RoleInput');

export const roleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    builtIn: z.enum(['super_admin', 'admin', 'staff']).nullable(),
    functionPermissions: z.array(z.string()),
    dataScope: z.enum(DATA_SCOPES),
    customDepartmentIds: z.array(z.number().int()),
    customUserids: z.array(z.string()),
    /** 员工数: staff holding the role (staff who left WeCom not counted). */
    staffCount: z.number().int(),
    /** 创建人: the creator's name; "管理员" for built-in roles and the super admin (R-0-03). */
    createdByName: z.string(),
    createdAt: z.string(),
  })
  .openapi('Role');

export const rolePageSchema = pageOf(roleSchema).openapi('RolePage');

/** The 功能权限 tree has three levels: module → menu (a page) → action (a button). */
const permissionActionSchema = z.object({ key: z.string(), title: z.string() });
const permissionMenuSchema = permissionActionSchema.extend({
  children: z.array(permissionActionSchema).optional(),
});
const permissionModuleSchema = permissionActionSchema.extend({ children: z.array(permissionMenuSchema) });

export const permissionTreeSchema = z
  .object({ items: z.array(permissionModuleSchema) })
  .openapi('PermissionTree');

export const staffRoleRequestSchema = z
  .object({ roleId: z.string({ error: '请选择角色' }).regex(/^[0-9a-f]{24}$/, '请选择角色') })
  .openapi('StaffRoleRequest');

export const staffPasswordRequestSchema = z
  .object({
    password: z
      .string({ error: '请输入密码' })
      .min(8, '密码至少8位')
      .max(64, '密码最多64位')
      .regex(/^(?=.*[A-Za-z])(?=.*\d)/, '密码须同时包含字母和数字'),
  })
  .openapi('StaffPasswordRequest');

export type RoleInput = z.infer<typeof roleInputSchema>;
export type RoleView = z.infer<typeof roleSchema>;

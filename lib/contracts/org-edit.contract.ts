import { DEPARTMENT_NAME_FORBIDDEN, DEPARTMENT_NAME_MAX } from '../org/department-rules';
import { pageOf, paginationQuerySchema, z } from './common.contract';
import { writeBackMarkSchema } from './org.contract';

/** 组织架构 editing (R-7.1.1-02..10, R-7.1.3, I-95..I-100): the requests, with the manual's rules and words. */

export const ORG_CHANGE_KINDS = ['department', 'staff'] as const;
export const ORG_CHANGE_OPS = ['create', 'update', 'delete'] as const;
export const ORG_CHANGE_STATUSES = ['pending', 'applied', 'failed'] as const;

const characters = (text: string) => [...text].length;
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

export const departmentNameSchema = z
  .string({ error: '请输入部门名称' })
  .trim()
  .min(1, '请输入部门名称')
  .refine((name) => characters(name) <= DEPARTMENT_NAME_MAX, `部门名称不能超过${DEPARTMENT_NAME_MAX}个字符`)
  .refine((name) => !DEPARTMENT_NAME_FORBIDDEN.test(name), '部门名称不能包含 \\ : ? " < > | 等字符');

export const departmentParamsSchema = z.object({
  deptId: z.coerce.number({ error: '部门不存在' }).int('部门不存在').positive('部门不存在'),
});

export const departmentCreateSchema = z
  .object({
    parentId: z.number({ error: '请选择上级部门' }).int().positive('请选择上级部门'),
    name: departmentNameSchema,
  })
  .openapi('DepartmentCreate');

export const departmentRenameSchema = z.object({ name: departmentNameSchema }).openapi('DepartmentRename');

/** Drag and drop: the new parent (the same one to reorder) and the 0-based place among its children. */
export const departmentMoveSchema = z
  .object({
    parentId: z.number({ error: '请选择上级部门' }).int().positive('请选择上级部门'),
    index: z.number({ error: '请选择位置' }).int().min(0, '请选择位置'),
  })
  .openapi('DepartmentMove');

export const writeBackStateViewSchema = writeBackMarkSchema;

export const departmentEditedSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    parentId: z.number().int(),
    order: z.number(),
    writeBack: writeBackStateViewSchema.optional(),
  })
  .openapi('DepartmentEdited');

const USERID_PATTERN = /^[0-9A-Za-z][0-9A-Za-z_\-@.]{0,63}$/;

const staffFieldsSchema = z.object({
  name: z
    .string({ error: '请输入姓名' })
    .trim()
    .min(1, '请输入姓名')
    .refine((name) => characters(name) <= 64, '姓名为1–64个字符'),
  alias: z
    .string()
    .trim()
    .refine((alias) => characters(alias) <= 64, '别名不能超过64个字符')
    .default(''),
  gender: z.enum(['1', '2'], { error: '请选择性别' }).optional(),
  mobile: z
    .string({ error: '请输入手机号' })
    .trim()
    .min(1, '请输入手机号')
    .regex(/^1\d{10}$/, '请输入正确的手机号'),
  telephone: z
    .string()
    .trim()
    .regex(/^[0-9+-]{0,32}$/, '座机号码只能包含数字、+ 和 -，最多32位')
    .default(''),
  email: z
    .string()
    .trim()
    .refine(
      (email) => email === '' || (utf8Bytes(email) >= 6 && utf8Bytes(email) <= 64),
      '邮箱长度为6–64个字节',
    )
    .refine((email) => email === '' || z.email().safeParse(email).success, '邮箱格式不正确')
    .default(''),
  address: z
    .string()
    .trim()
    .refine((address) => characters(address) <= 128, '地址不能超过128个字符')
    .default(''),
  departmentIds: z
    .array(z.number().int().positive(), { error: '请选择部门' })
    .min(1, '请选择部门')
    .max(100, '最多选择100个部门')
    .refine((ids) => new Set(ids).size === ids.length, '部门不能重复'),
  position: z
    .string()
    .trim()
    .refine((position) => characters(position) <= 128, '职务不能超过128个字符')
    .default(''),
  roleId: z.string({ error: '请选择角色' }).min(1, '请选择角色'),
});

export const staffCreateSchema = staffFieldsSchema
  .extend({
    userid: z
      .string({ error: '请输入帐号' })
      .trim()
      .min(1, '请输入帐号')
      .regex(USERID_PATTERN, '帐号为1–64位字母、数字或 _-@.，以字母或数字开头'),
  })
  .openapi('StaffCreate');

/** 编辑 reuses the dialog with 帐号 read-only: everything but userid, each field optional. */
export const staffUpdateSchema = z
  .object({
    name: staffFieldsSchema.shape.name.optional(),
    alias: z
      .string()
      .trim()
      .refine((alias) => characters(alias) <= 64, '别名不能超过64个字符')
      .optional(),
    gender: staffFieldsSchema.shape.gender,
    mobile: staffFieldsSchema.shape.mobile.optional(),
    telephone: z
      .string()
      .trim()
      .regex(/^[0-9+-]{0,32}$/, '座机号码只能包含数字、+ 和 -，最多32位')
      .optional(),
    email: staffFieldsSchema.shape.email.removeDefault().optional(),
    address: z
      .string()
      .trim()
      .refine((a) => characters(a) <= 128, '地址不能超过128个字符')
      .optional(),
    departmentIds: staffFieldsSchema.shape.departmentIds.optional(),
    position: z
      .string()
      .trim()
      .refine((p) => characters(p) <= 128, '职务不能超过128个字符')
      .optional(),
    roleId: staffFieldsSchema.shape.roleId.optional(),
  })
  .loose()
  .refine((body) => !('userid' in body), { message: '帐号创建后不能修改', path: ['userid'] })
  .openapi('StaffUpdate');

export const staffDetailSchema = z
  .object({
    userid: z.string(),
    name: z.string(),
    alias: z.string(),
    gender: z.string(),
    mobile: z.string(),
    telephone: z.string(),
    email: z.string(),
    address: z.string(),
    departmentIds: z.array(z.number().int()),
    position: z.string(),
    roleId: z.string().nullable(),
    systemEnabled: z.boolean(),
    writeBack: writeBackStateViewSchema.optional(),
  })
  .openapi('StaffDetail');

export const roleOptionsSchema = z
  .array(z.object({ id: z.string(), name: z.string() }))
  .openapi('RoleOptions');

export const writeBackListQuerySchema = paginationQuerySchema.extend({
  status: z.enum(ORG_CHANGE_STATUSES).optional(),
});

export const writeBackEntrySchema = z
  .object({
    id: z.string(),
    kind: z.enum(ORG_CHANGE_KINDS),
    op: z.enum(ORG_CHANGE_OPS),
    targetId: z.string(),
    targetName: z.string(),
    status: z.enum(ORG_CHANGE_STATUSES),
    attempts: z.number().int(),
    errcode: z.number().int().optional(),
    message: z.string().optional(),
    createdAt: z.string(),
    appliedAt: z.string().optional(),
  })
  .openapi('OrgWriteBack');

export const writeBackPageSchema = pageOf(writeBackEntrySchema).openapi('OrgWriteBackPage');

export const orgEditabilitySchema = z
  .object({ editable: z.boolean(), message: z.string().nullable() })
  .openapi('OrgEditability');

export type DepartmentCreate = z.infer<typeof departmentCreateSchema>;
export type DepartmentMove = z.infer<typeof departmentMoveSchema>;
export type StaffCreate = z.infer<typeof staffCreateSchema>;
export type StaffUpdate = z.infer<typeof staffUpdateSchema>;
export type WriteBackListQuery = z.infer<typeof writeBackListQuerySchema>;

import { z } from './common.contract';
import { DATA_SCOPES, staffPasswordRequestSchema } from './role.contract';

export const loginRequestSchema = z
  .object({
    phone: z.string().trim().min(1, '请输入手机号').max(20, '请输入注册手机号码'),
    password: z.string().min(1, '请输入密码').max(128, '密码输入有误'),
  })
  .openapi('LoginRequest');

export const sessionUserSchema = z
  .object({ id: z.string(), userid: z.string(), name: z.string(), phone: z.string(), avatar: z.string() })
  .openapi('SessionUser');

export const sessionTenantSchema = z
  .object({ id: z.string(), name: z.string(), corpName: z.string() })
  .openapi('SessionTenant');

/** What the admin shows and hides for this user: their role's 功能权限 keys and 数据权限. */
export const sessionAccessSchema = z
  .object({
    roleName: z.string(),
    isSuperAdmin: z.boolean(),
    permissions: z.array(z.string()),
    dataScope: z.enum(DATA_SCOPES),
  })
  .openapi('SessionAccess');

export const loginResponseSchema = z
  .object({
    message: z.string(),
    user: sessionUserSchema,
    tenant: sessionTenantSchema,
    access: sessionAccessSchema,
  })
  .openapi('LoginResponse');

export const meResponseSchema = z
  .object({ user: sessionUserSchema, tenant: sessionTenantSchema, access: sessionAccessSchema })
  .openapi('Me');

export type LoginRequest = z.infer<typeof loginRequestSchema>;
export type SessionUser = z.infer<typeof sessionUserSchema>;
export type SessionTenant = z.infer<typeof sessionTenantSchema>;
export type SessionAccess = z.infer<typeof sessionAccessSchema>;
export type LoginResponse = z.infer<typeof loginResponseSchema>;
/** GET /api/auth/me */
export type Session = z.infer<typeof meResponseSchema>;

/** 扫码登录 (I-09): the 企业ID the person enters starts WeCom's web login for that corp. */
export const wecomLoginStartQuerySchema = z.object({
  corpId: z.string().trim().min(1, '请输入企业ID').max(64, '企业ID格式有误'),
});

/** What WeCom appends to redirect_uri: a declined scan brings the state only. */
export const wecomLoginCallbackQuerySchema = z.object({
  code: z.string().max(512).optional(),
  state: z.string().max(128).optional(),
});

/**
 * 修改密码 (I-10): a staff member sets a password after a first 扫码登录, or changes it. The current
 * password is needed only when one is set; the new one follows the same rule as an admin's reset.
 */
export const ownPasswordRequestSchema = z
  .object({
    currentPassword: z.string().max(128, '当前密码输入有误').optional(),
    newPassword: staffPasswordRequestSchema.shape.password,
  })
  .openapi('OwnPasswordRequest');

export type OwnPasswordRequest = z.infer<typeof ownPasswordRequestSchema>;

import { pageOf, paginationQuerySchema, z } from './common.contract';

export const platformLoginSchema = z
  .object({
    username: z.string().trim().min(1, '请输入账号').max(64),
    password: z.string().min(1, '请输入密码').max(128),
  })
  .openapi('PlatformLogin');

export const platformOperatorSchema = z
  .object({ username: z.string(), name: z.string() })
  .openapi('PlatformOperator');

const validityFields = {
  seats: z.number().int().min(1, '可使用数量至少为 1').max(100_000),
  effectiveAt: z.iso.datetime({ offset: true, error: '生效时间格式有误' }),
  expiresAt: z.iso.datetime({ offset: true, error: '到期时间格式有误' }),
};

export const createTenantSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,31}$/, '企业标识为 2-32 位小写字母、数字或短横线'),
    name: z.string().trim().min(1, '请输入企业名称').max(64, '企业名称最多 64 个字符'),
    ...validityFields,
    admin: z.object({
      name: z.string().trim().min(1, '请输入管理员姓名').max(64),
      mobile: z.string().regex(/^1\d{10}$/, '请输入正确的手机号'),
      password: z.string().min(8, '密码至少 8 位').max(128),
    }),
  })
  .refine((t) => Date.parse(t.effectiveAt) < Date.parse(t.expiresAt), {
    message: '到期时间须晚于生效时间',
    path: ['expiresAt'],
  })
  .openapi('CreateTenant');

export const updateTenantSchema = z.object(validityFields).partial().openapi('UpdateTenant');

export const tenantParamsSchema = z.object({ tenantId: z.string().min(1).max(64) });

export const tenantSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    seats: z.number().int(),
    seatsUsed: z.number().int(),
    effectiveAt: z.string(),
    expiresAt: z.string(),
    /** 未生效 / 生效中 / 已到期, from the window and the clock now. */
    phase: z.enum(['pending', 'active', 'expired']),
    wecomBound: z.boolean(),
  })
  .openapi('TenantSummary');

export const tenantPageSchema = pageOf(tenantSummarySchema).openapi('TenantPage');
export const tenantListQuerySchema = paginationQuerySchema;

export type CreateTenant = z.infer<typeof createTenantSchema>;
export type UpdateTenant = z.infer<typeof updateTenantSchema>;

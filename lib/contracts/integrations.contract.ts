import { z } from './common.contract';
import { maskedSecretSchema } from './wecom-binding.contract';

/** 系统对接 (R-7.5, I-109): the third-party systems a tenant can connect. V1 has one, Udesk. */
export const INTEGRATION_SYSTEMS = ['udesk'] as const;

/**
 * A host name with at least one dot and a letters-only top-level label: `demo.udesk.cn`, `kuka.s2.udesk.cn`, or
 * a private deployment's own host. No scheme, port, path, IP address or `localhost`: the api calls
 * `https://<domain>/open_api_v1/…`, and a bare address would let the form probe the server's own network.
 */
export const UDESK_DOMAIN_PATTERN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** One card of the list (R-7.5-01): its name and 未开启 / 已开启. */
export const integrationCardSchema = z.object({
  system: z.enum(INTEGRATION_SYSTEMS),
  name: z.string(),
  enabled: z.boolean(),
  /** 基本设置 saved at least once: only then can it be switched on. */
  configured: z.boolean(),
});

export const integrationListSchema = z
  .object({ items: z.array(integrationCardSchema) })
  .openapi('IntegrationList');
export type IntegrationList = z.infer<typeof integrationListSchema>;

/** 对接 Udesk → 基本设置 (R-7.5-02) as the page reads it: the token masked, never in full. */
export const udeskIntegrationViewSchema = z
  .object({
    enabled: z.boolean(),
    configured: z.boolean(),
    domain: z.string(),
    adminEmail: z.string(),
    apiToken: maskedSecretSchema,
    updatedAt: z.string().nullable(),
  })
  .openapi('UdeskIntegration');
export type UdeskIntegrationView = z.infer<typeof udeskIntegrationViewSchema>;

/** 确定: checked against Udesk before anything is saved. An empty token keeps the saved one. */
export const saveUdeskIntegrationSchema = z
  .object({
    domain: z
      .string({ error: '请输入Udesk域名' })
      .trim()
      .toLowerCase()
      .min(1, '请输入Udesk域名')
      .regex(UDESK_DOMAIN_PATTERN, '请输入正确的Udesk域名，如 demo.udesk.cn'),
    adminEmail: z
      .string({ error: '请输入超管邮箱' })
      .trim()
      .min(1, '请输入超管邮箱')
      .max(254, '超管邮箱过长')
      .pipe(z.email('请输入正确的超管邮箱')),
    apiToken: z.string().trim().max(200, 'API鉴权Token过长').default(''),
  })
  .openapi('SaveUdeskIntegration');
export type SaveUdeskIntegration = z.infer<typeof saveUdeskIntegrationSchema>;

/** R-7.5-03: 开启 / 关闭. */
export const switchIntegrationSchema = z
  .object({ enabled: z.boolean({ error: '请选择开启或关闭' }) })
  .openapi('SwitchIntegration');

/** 确定 refused by Udesk (or Udesk unreachable): nothing was saved; `udesk` is Udesk's own answer when it gave one. */
export const udeskRejectedSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string() }),
    udesk: z.object({ code: z.number().int(), message: z.string() }).nullable(),
  })
  .openapi('UdeskRejected');

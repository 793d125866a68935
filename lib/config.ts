import { z } from 'zod';
import { keyringFromEnv } from './secrets/keyring-from-env';

/** Every setting the api, the worker and the scripts read, validated once at boot. */
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().positive().default(3000),
  PUBLIC_URL: z.url().default('http://127.0.0.1:3000'),
  MONGO_URL: z.string().startsWith('mongodb').default('mongodb://127.0.0.1:27017/scrm'),
  ES_URL: z.url().default('http://127.0.0.1:9200'),
  ES_INDEX_PREFIX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _')
    .default('scrm-'),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('scrm-main'),
  WECOM_API_BASE: z.url().default('https://qyapi.weixin.qq.com'),
  WECOM_LOGIN_BASE: z.url().optional(),
  WECOM_OAUTH_BASE: z.url().optional(),
  WECOM_JSSDK_URL: z.url().optional(),
  WECOM_FINANCE_SDK_PATH: z.string().min(1).optional(),
  WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
  UDESK_BASE_URL: z.url().optional(),
  JWT_SECRET: z.string().min(16).optional(),
  WEB_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LINK_PREVIEW_ALLOW_PRIVATE: z.stringbool().default(false),
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().positive().optional(),
  LOSS_DIGEST_WINDOW_SECONDS: z.coerce.number().int().positive().default(3600),
});

export type AppConfig = {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  publicUrl: string;
  mongoUrl: string;
  esUrl: string;
  /** Prefixes every Elasticsearch index and alias name (several installations, or test suites, on one cluster). */
  esIndexPrefix: string;
  temporalAddress: string;
  temporalNamespace: string;
  /** The queue the worker polls and every workflow start names; tests give each suite its own. */
  temporalTaskQueue: string;
  wecomApiBase: string;
  /** Where WeCom's web login (扫码登录) page lives; a simulator serves it beside the API. */
  wecomLoginBase: string;
  /** Where the H5 pages' OAuth link goes (open.weixin.qq.com; the simulator serves it beside the API). */
  wecomOAuthBase: string;
  /** The JS-SDK script the H5 sidebar pages load (the simulator serves a stand-in). */
  wecomJssdkUrl: string;
  /** libWeWorkFinanceSdk_C.so for the chat archive against real WeCom (lib/wecom/native-finance-sdk.ts). */
  wecomFinanceSdkPath?: string;
  /**
   * Set only by tests and the local stack: Udesk's open API of the domain a tenant enters is then reached at
   * `<UDESK_BASE_URL>/<domain>` (the simulator) instead of `https://<domain>`.
   */
  udeskBaseUrl?: string;
  /** A prebuilt bundle of the workflows for the worker (worker/workflow-code.ts); absent, it bundles at start. */
  workflowBundlePath?: string;
  jwtSecret: string;
  webDist?: string;
  logLevel: string;
  /**
   * Whether 常用链接's link preview may fetch pages on private, loopback, link-local and unique-local addresses
   * (the server's own network). Off: an operator could otherwise read internal pages through the api.
   */
  linkPreviewAllowPrivate: boolean;
  /**
   * Login attempts (password and 扫码登录) one address may make per minute, on top of the per-number lockout:
   * 20 by default, 1,000 under NODE_ENV=test (the suites log in far more often from one address).
   */
  loginAttemptsPerMinute: number;
  /**
   * 流失提醒's digest window: each recipient gets at most one app message per window (an hour; the
   * integration tests shorten it so as not to wait an hour).
   */
  lossDigestWindowMs: number;
};

// Outside production a fixed secret keeps sessions valid across restarts of `npm start`.
export const DEVELOPMENT_JWT_SECRET = 'local-development-only-secret';

/** Real WeCom serves web login on its own host; anything else (the simulator) serves it beside the API. */
function defaultLoginBase(apiBase: string): string {
  return new URL(apiBase).hostname === 'qyapi.weixin.qq.com' ? 'https://login.work.weixin.qq.com' : apiBase;
}

const isRealWeCom = (apiBase: string) => new URL(apiBase).hostname === 'qyapi.weixin.qq.com';

/** The H5 OAuth link's host: WeCom's own, or the simulator's. */
function defaultOAuthBase(apiBase: string): string {
  return isRealWeCom(apiBase) ? 'https://open.weixin.qq.com' : apiBase;
}

/**
 * WeCom's JS-SDK (the UMD build of @wecom/jssdk, exposing `ww`); the exact CDN file is a deployment
 * choice, so production may set WECOM_JSSDK_URL. The simulator serves its stand-in at its own path.
 */
function defaultJssdkUrl(apiBase: string): string {
  return isRealWeCom(apiBase)
    ? 'https://wwcdn.weixin.qq.com/node/open/js/wecom-jssdk-2.0.2.js'
    : `${apiBase.replace(/\/$/, '')}/wwopen/js/jwxwork-sim.js`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.JWT_SECRET) {
    throw new Error('Invalid configuration: JWT_SECRET is required in production');
  }
  // Fails fast, naming the variable, when SECRETS_KEY is missing or not a 32-byte key.
  keyringFromEnv(env);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL.replace(/\/$/, ''),
    mongoUrl: e.MONGO_URL,
    esUrl: e.ES_URL,
    esIndexPrefix: e.ES_INDEX_PREFIX,
    temporalAddress: e.TEMPORAL_ADDRESS,
    temporalNamespace: e.TEMPORAL_NAMESPACE,
    temporalTaskQueue: e.TEMPORAL_TASK_QUEUE,
    wecomApiBase: e.WECOM_API_BASE.replace(/\/$/, ''),
    wecomLoginBase: (e.WECOM_LOGIN_BASE ?? defaultLoginBase(e.WECOM_API_BASE)).replace(/\/$/, ''),
    wecomOAuthBase: (e.WECOM_OAUTH_BASE ?? defaultOAuthBase(e.WECOM_API_BASE)).replace(/\/$/, ''),
    wecomJssdkUrl: e.WECOM_JSSDK_URL ?? defaultJssdkUrl(e.WECOM_API_BASE),
    wecomFinanceSdkPath: e.WECOM_FINANCE_SDK_PATH,
    udeskBaseUrl: e.UDESK_BASE_URL?.replace(/\/$/, ''),
    workflowBundlePath: e.WORKFLOW_BUNDLE_PATH,
    jwtSecret: e.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
    webDist: e.WEB_DIST,
    logLevel: e.LOG_LEVEL,
    linkPreviewAllowPrivate: e.LINK_PREVIEW_ALLOW_PRIVATE,
    loginAttemptsPerMinute: e.LOGIN_ATTEMPTS_PER_MINUTE ?? (e.NODE_ENV === 'test' ? 1000 : 20),
    lossDigestWindowMs: e.LOSS_DIGEST_WINDOW_SECONDS * 1000,
  };
}

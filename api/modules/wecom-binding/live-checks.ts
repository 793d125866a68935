import type { SecretKind, WeComClient } from '../../../lib/wecom/client';
import { WeComApiError } from '../../../lib/wecom/errors';
import { SECRET_LABELS } from './secret-labels';

/** The outcome of asking WeCom for a token with one secret: WeCom's own errcode and errmsg when it refused. */
export type SecretCheck =
  | { kind: SecretKind; ok: true }
  | { kind: SecretKind; ok: false; errcode?: number; errmsg: string; message: string };

/** What a person does about each refusal (API.md §1, §2). */
export function fixFor(errcode: number | undefined, label: string): string {
  switch (errcode) {
    case 40013:
      return '企业ID不正确，请在企业微信管理后台「我的企业 → 企业信息」复制企业ID';
    case 40001:
      return `${label}不正确或已重置，请在企业微信管理后台重新查看并复制`;
    case 60020:
      return '服务器 IP 不在应用的企业可信IP中，请在应用设置里添加';
    case 40056:
      return '网页应用ID（AgentId）不属于该应用Secret，请在「应用管理」中核对';
    case 48002:
      return `${label}没有调用该接口的权限，请确认填写的是正确的密钥`;
    case undefined:
      return '无法连接企业微信，请稍后再试';
    default:
      return `请按企业微信的错误码 ${errcode} 排查`;
  }
}

function describe(error: unknown): { errcode?: number; errmsg: string } {
  if (error instanceof WeComApiError) return { errcode: error.errcode, errmsg: error.errmsg };
  return { errmsg: error instanceof Error ? error.message : String(error) };
}

/** Asks WeCom for a token with each secret, all at once; a live call every time (the cache is skipped). */
export async function checkSecrets(
  wecom: WeComClient,
  tenantId: string,
  corpId: string,
  secrets: Partial<Record<SecretKind, string>>,
): Promise<SecretCheck[]> {
  const kinds = Object.keys(secrets) as SecretKind[];
  return Promise.all(
    kinds.map(async (kind): Promise<SecretCheck> => {
      try {
        await wecom.checkSecret({ tenantId, corpId, secretKind: kind, secret: secrets[kind] as string });
        return { kind, ok: true };
      } catch (error) {
        const { errcode, errmsg } = describe(error);
        const label = SECRET_LABELS[kind];
        const code = errcode === undefined ? '' : `${errcode} `;
        return {
          kind,
          ok: false,
          errcode,
          errmsg,
          message: `${label}校验失败（企业微信返回 ${code}${errmsg}）：${fixFor(errcode, label)}`,
        };
      }
    }),
  );
}

export interface AgentInfo {
  agentid: number;
  name: string;
  allow_userinfos?: { user?: Array<{ userid: string }> };
  allow_partys?: { partyid?: number[] };
  allow_tags?: { tagid?: number[] };
  redirect_domain?: string;
}

/** agent/get with the app's token: the app's name, 可见范围 and 可信域名, or WeCom's refusal. */
export async function readAgent(
  wecom: WeComClient,
  credentials: { tenantId: string; corpId: string; secret: string },
  agentId: number,
): Promise<
  { ok: true; agent: AgentInfo } | { ok: false; errcode?: number; errmsg: string; message: string }
> {
  try {
    const agent = await wecom.call<AgentInfo>(
      { ...credentials, secretKind: 'app' },
      { method: 'GET', path: '/agent/get', query: { agentid: agentId } },
    );
    return { ok: true, agent };
  } catch (error) {
    const { errcode, errmsg } = describe(error);
    const code = errcode === undefined ? '' : `${errcode} `;
    return {
      ok: false,
      errcode,
      errmsg,
      message: `网页应用ID校验失败（企业微信返回 ${code}${errmsg}）：${fixFor(errcode, '应用Secret')}`,
    };
  }
}

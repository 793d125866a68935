import { randomBytes } from 'node:crypto';
import type { z } from '../../../lib/contracts/common.contract';
import type { jssdkConfigSchema } from '../../../lib/contracts/h5.contract';
import { AgentTicketCache, AppNotBoundError } from '../../../lib/wecom/jsapi-ticket-cache';
import { signPage } from '../../../lib/wecom/jssdk-signature';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { AppError } from '../../http/app-error';
import { tenantForCorp, type PendingLogin } from '../auth/wecom-login.use-case';

export const H5_OAUTH_CALLBACK_PATH = '/api/h5/auth/callback';
/** The JS-SDK calls the sidebar pages make (API.md §16). */
const JS_API_LIST = [
  'getContext',
  'getCurExternalContact',
  'getCurExternalChat',
  'sendChatMessage',
  // SOP 待办's 聊天 (R-8.3-04): the chat with a target customer, or the target group chat.
  'openEnterpriseChat',
  'openExistedChatWithMsg',
];

export interface PendingH5Login extends PendingLogin {
  /** The H5 page to open once signed in. */
  next: string;
}

/** OAuth (snsapi_base) for the member in the WeCom client: the link to WeCom and the state this browser keeps. */
export async function startH5Login(
  { corpId, next }: { corpId: string; next: string },
  { config }: Pick<AppContext, 'config'>,
): Promise<{ link: string; pending: PendingH5Login }> {
  const corp = await tenantForCorp(corpId);
  const pending: PendingH5Login = { nonce: randomBytes(16).toString('hex'), tenantId: corp.tenantId, next };
  const link = new URL(`${config.wecomOAuthBase}/connect/oauth2/authorize`);
  link.searchParams.set('appid', corp.corpId);
  link.searchParams.set('redirect_uri', `${config.publicUrl}${H5_OAUTH_CALLBACK_PATH}`);
  link.searchParams.set('response_type', 'code');
  link.searchParams.set('scope', 'snsapi_base');
  link.searchParams.set('state', pending.nonce);
  link.searchParams.set('agentid', String(corp.agentId));
  return { link: `${link.toString()}#wechat_redirect`, pending };
}

/** The agentConfig for ww.register: the app's identity and the signature of the page URL. */
export async function jssdkConfig(
  caller: Caller,
  { url }: { url: string },
  { tickets, config }: Pick<AppContext, 'config'> & { tickets: AgentTicketCache },
): Promise<z.infer<typeof jssdkConfigSchema>> {
  let app;
  try {
    app = await tickets.forTenant(caller.tenantId);
  } catch (error) {
    if (error instanceof AppNotBoundError) {
      throw new AppError(409, 'WECOM_APP_NOT_BOUND', '尚未完成企业微信应用设置，请联系管理员');
    }
    throw error;
  }
  return {
    corpId: app.corpId,
    agentId: app.agentId,
    ...signPage(app.ticket, url),
    jsApiList: JS_API_LIST,
    jssdkUrl: config.wecomJssdkUrl,
  };
}

import { randomBytes } from 'node:crypto';
import { loadCallerAccess } from '../../../lib/access/caller-access';
import { StaffModel } from '../../../lib/models/staff.model';
import { TenantModel } from '../../../lib/models/tenant.model';
import { loadBinding } from '../../../lib/wecom/binding-store';
import { WeComApiError } from '../../../lib/wecom/errors';
import type { AppContext } from '../../app-context';
import { AppError } from '../../http/app-error';
import { assertTenantActive } from '../../auth/session';
import { recordAudit } from '../audit/record-audit';
import type { LoginResult } from './login.use-case';
import { sessionAccessView, sessionTenantView, sessionUserView } from './session-views';

/** Where WeCom sends the browser back after the scan (must be on the app's 可信域名). */
export const WECOM_LOGIN_CALLBACK_PATH = '/api/auth/wecom/callback';

/** A refused 扫码登录: the login page shows `message` on its 扫码登录 tab. */
export class WeComLoginError extends AppError {
  constructor(code: string, message: string) {
    super(403, code, message);
  }
}

export interface PendingLogin {
  /** The state sent to WeCom, also kept in a cookie of this browser: the callback must match both. */
  nonce: string;
  tenantId: string;
}

/** The tenant bound to a 企业ID, and the app its web login goes through. */
export async function tenantForCorp(corpId: string) {
  const tenants = await TenantModel.find({ 'wecom.corpId': corpId }, { _id: 1 }).limit(2).lean();
  if (tenants.length !== 1)
    throw new WeComLoginError('CORP_NOT_FOUND', '未找到该企业ID对应的企业，请核对企业ID');
  const binding = await loadBinding(tenants[0]._id);
  if (!binding?.agentId || !binding.secrets.app) {
    throw new WeComLoginError('WECOM_APP_NOT_BOUND', '该企业尚未完成企业微信应用设置，请使用账号登录');
  }
  return { tenantId: tenants[0]._id, corpId: binding.corpId, agentId: binding.agentId };
}

/** Step 1: the WeCom web-login link for the corp (API.md §17), with a fresh state for this browser. */
export async function startWeComLogin(
  { corpId }: { corpId: string },
  { config }: Pick<AppContext, 'config'>,
): Promise<{ loginUrl: string; pending: PendingLogin }> {
  const { tenantId, corpId: appid, agentId } = await tenantForCorp(corpId);
  const nonce = randomBytes(16).toString('hex');
  const loginUrl = new URL(`${config.wecomLoginBase}/wwlogin/sso/login`);
  loginUrl.searchParams.set('login_type', 'CorpApp');
  loginUrl.searchParams.set('appid', appid);
  loginUrl.searchParams.set('agentid', String(agentId));
  loginUrl.searchParams.set('redirect_uri', `${config.publicUrl}${WECOM_LOGIN_CALLBACK_PATH}`);
  loginUrl.searchParams.set('state', nonce);
  return { loginUrl: loginUrl.toString(), pending: { nonce, tenantId } };
}

/**
 * Step 2: WeCom sent the browser back. The state must be the one this browser started with; the code is
 * exchanged for a userid with the app's token; that staff member must exist and be switched on (开启系统)
 * — the same rules and messages as the password login (I-09, R-1.2.2-03). The login is audited with its
 * method and the address it came from.
 */
export async function finishWeComLogin(
  {
    pending,
    method,
    ip,
    ...callback
  }: {
    code?: string;
    state?: string;
    pending: PendingLogin | null;
    method: 'wecom-qr' | 'wecom-h5';
    ip?: string;
  },
  { wecom }: Pick<AppContext, 'wecom'>,
  now = new Date(),
): Promise<LoginResult> {
  if (!pending || !callback.state || callback.state !== pending.nonce) {
    throw new WeComLoginError('LOGIN_STATE_MISMATCH', '登录请求已失效，请重新扫码');
  }
  if (!callback.code) throw new WeComLoginError('LOGIN_DECLINED', '已取消扫码登录');

  const tenant = await TenantModel.findById(pending.tenantId).lean();
  const binding = await loadBinding(pending.tenantId);
  if (!tenant || !binding?.secrets.app) {
    throw new WeComLoginError('WECOM_APP_NOT_BOUND', '该企业尚未完成企业微信应用设置，请使用账号登录');
  }
  let identity: { userid?: string; openid?: string };
  try {
    identity = await wecom.call<{ userid?: string; openid?: string }>(
      { tenantId: tenant._id, corpId: binding.corpId, secretKind: 'app', secret: binding.secrets.app },
      { method: 'GET', path: '/auth/getuserinfo', query: { code: callback.code } },
    );
  } catch (error) {
    if (error instanceof WeComApiError && error.errcode === 40029) {
      throw new WeComLoginError('LOGIN_CODE_INVALID', '二维码已失效，请重新扫码');
    }
    throw error;
  }

  // A non-member scanning gets an openid, never a userid.
  const staff = identity.userid
    ? await StaffModel.findOne({
        tenantId: tenant._id,
        userid: identity.userid,
        deletedAt: { $exists: false },
      }).lean()
    : null;
  if (!staff) throw new WeComLoginError('STAFF_NOT_FOUND', '您不在员工列表中，请联系管理员');
  if (!staff.systemEnabled) throw new WeComLoginError('ACCOUNT_DISABLED', '号码失效，请联系管理员');
  assertTenantActive(tenant, now);
  const result = {
    user: sessionUserView(staff),
    tenant: sessionTenantView(tenant),
    access: sessionAccessView(await loadCallerAccess(tenant._id, staff)),
    claims: { sub: String(staff._id), tid: tenant._id, sv: staff.sessionVersion },
  };
  await recordAudit(
    { tenantId: tenant._id, staffId: result.user.id, ip },
    { action: 'login', after: { method } },
  );
  return result;
}

/**
 * The checks WeCom's web login makes on its link before showing a QR code (API.md §17): CorpApp login,
 * a known corp (appid = corpid), the corp's app (agentid), and a redirect_uri on the app's 可信域名.
 * Then, when a person confirms the scan, who they are decides the code.
 */
import type { Corp } from '../state/corp';
import type { SimState } from '../state/sim-state';
import type { ScannedIdentity } from '../state/web-login-codes';

export interface LoginRequest {
  corp: Corp;
  agentId: number;
  redirectUri: URL;
  state: string;
}

export class WebLoginError extends Error {
  constructor(
    message: string,
    readonly errcode?: number,
  ) {
    super(message);
    this.name = 'WebLoginError';
  }
}

/** `legacy` is the older qrConnect link, which has no login_type. */
export function parseLoginRequest(state: SimState, params: URLSearchParams, legacy = false): LoginRequest {
  if (!legacy && params.get('login_type') !== 'CorpApp') {
    throw new WebLoginError('login_type 参数错误：企业自建应用登录应为 CorpApp');
  }
  const corp = state.corp(params.get('appid') ?? '');
  if (!corp) throw new WebLoginError('appid 参数错误：企业不存在', 40013);
  const agentId = Number(params.get('agentid'));
  if (!Number.isInteger(agentId) || agentId !== corp.app.agentId) {
    throw new WebLoginError('agentid 参数错误：应用不存在', 40056);
  }
  let redirectUri: URL;
  try {
    redirectUri = new URL(params.get('redirect_uri') ?? '');
  } catch {
    throw new WebLoginError('redirect_uri 参数错误', 50001);
  }
  if (!corp.app.redirectDomain || redirectUri.hostname !== corp.app.redirectDomain) {
    throw new WebLoginError('redirect_uri 与应用的可信域名不一致', 50001);
  }
  return { corp, agentId, redirectUri, state: params.get('state') ?? '' };
}

/**
 * The scan is confirmed: a member of the corp (active, inside the app's 可见范围) gets a code for their
 * userid; anyone else scanning gets a code for an openid. Answers the URL the browser goes to next.
 */
export function confirmScan(
  state: SimState,
  request: LoginRequest,
  scanner: { userid: string } | { nonMember: true },
): URL {
  let identity: ScannedIdentity;
  if ('userid' in scanner) {
    const member = request.corp.contacts.members
      .all()
      .find((m) => m.userid.toLowerCase() === scanner.userid.toLowerCase());
    if (!member || member.enable !== 1 || member.activation !== 'active') {
      throw new WebLoginError('该成员不是企业的已激活成员，无法登录');
    }
    if (!request.corp.app.isVisibleTo(request.corp.contacts, member.userid)) {
      throw new WebLoginError('你没有该应用的使用权限（不在应用可见范围内）');
    }
    identity = { userid: member.userid };
  } else {
    identity = { openid: `o${Buffer.from(request.corp.corpId).toString('hex').slice(0, 27)}` };
  }
  const location = new URL(request.redirectUri);
  location.searchParams.set('code', state.webLoginCodes.issue(request.corp.corpId, identity));
  location.searchParams.set('state', request.state);
  return location;
}

/** The person declined: WeCom sends them back with the state only. */
export function declineScan(request: LoginRequest): URL {
  const location = new URL(request.redirectUri);
  location.searchParams.set('state', request.state);
  return location;
}

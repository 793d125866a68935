import { passwordMatches } from '../../../lib/auth/password-hash';
import { loadCallerAccess } from '../../../lib/access/caller-access';
import type {
  LoginRequest,
  Session as MeResponse,
  SessionAccess,
  SessionTenant,
  SessionUser,
} from '../../../lib/contracts/auth.contract';
import { LoginFailureModel } from '../../../lib/models/login-failure.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { TenantModel } from '../../../lib/models/tenant.model';
import type { Caller } from '../../auth/caller';
import { AppError, tooManyRequests, unauthorized } from '../../http/app-error';
import { assertTenantActive } from '../../auth/session';
import { recordAudit } from '../audit/record-audit';
import { sessionAccessView, sessionTenantView, sessionUserView } from './session-views';

/** Our security addition (I-12): five wrong passwords within 15 minutes lock the number for 15 minutes. */
export const MAX_FAILURES = 5;
export const LOCK_WINDOW_MS = 15 * 60 * 1000;

export interface LoginResult {
  user: SessionUser;
  tenant: SessionTenant;
  access: SessionAccess;
  claims: { sub: string; tid: string; sv: number };
}

/**
 * the account is checked before the password, and each failure says which one was wrong,
 * with the manual's exact messages. A login is audited with the address it came from.
 */
export async function login(
  { ip, ...request }: LoginRequest & { ip?: string },
  now = new Date(),
): Promise<LoginResult> {
  const phone = request.phone.replace(/\s+/g, '');
  const candidates = await StaffModel.find({ mobile: phone, deletedAt: { $exists: false } })
    .setOptions({ crossTenant: true })
    .lean();
  if (candidates.length === 0) throw new AppError(401, 'PHONE_NOT_REGISTERED', '请输入注册手机号码');

  const allowed = candidates.filter((staff) => staff.systemEnabled && staff.passwordHash);
  if (allowed.length === 0) throw new AppError(403, 'ACCOUNT_DISABLED', '号码失效，请联系管理员');

  const recentFailures = await LoginFailureModel.countDocuments({
    phone,
    at: { $gt: new Date(now.getTime() - LOCK_WINDOW_MS) },
  });
  if (recentFailures >= MAX_FAILURES) {
    throw tooManyRequests('密码错误次数过多，请 15 分钟后再试', 'LOGIN_LOCKED');
  }

  for (const staff of allowed) {
    if (!(await passwordMatches(request.password, staff.passwordHash as string))) continue;
    const tenant = await TenantModel.findById(staff.tenantId).lean();
    if (!tenant) continue;
    assertTenantActive(tenant, now);
    await LoginFailureModel.deleteMany({ phone });
    const result = {
      user: sessionUserView(staff),
      tenant: sessionTenantView(tenant),
      access: sessionAccessView(await loadCallerAccess(tenant._id, staff)),
      claims: { sub: String(staff._id), tid: tenant._id, sv: staff.sessionVersion },
    };
    await recordAudit({ tenantId: tenant._id, staffId: result.user.id, ip }, { action: 'login' });
    return result;
  }

  await LoginFailureModel.create({ phone, at: now });
  throw new AppError(401, 'WRONG_PASSWORD', '密码输入有误');
}

/** /api/auth/me: the logged-in staff member, their tenant and their role as they are now. */
export async function currentSession(caller: Caller): Promise<MeResponse> {
  const [staff, tenant] = await Promise.all([
    StaffModel.findOne({ tenantId: caller.tenantId, _id: caller.staffId }).lean(),
    TenantModel.findById(caller.tenantId).lean(),
  ]);
  if (!staff || !tenant) throw unauthorized();
  return {
    user: sessionUserView(staff),
    tenant: sessionTenantView(tenant),
    access: sessionAccessView(await loadCallerAccess(caller.tenantId, staff)),
  };
}

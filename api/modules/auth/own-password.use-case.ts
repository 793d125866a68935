import type { OwnPasswordRequest } from '../../../lib/contracts/auth.contract';
import { StaffModel } from '../../../lib/models/staff.model';
import type { Caller } from '../../auth/caller';
import { badRequest, unauthorized } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { hashPassword, passwordMatches } from '../../../lib/auth/password-hash';

/**
 * 修改密码 (I-10): sets or changes the caller's own password. Changing it ends the caller's other sessions
 * (sessionVersion goes up); the caller gets a fresh cookie with the new version.
 */
export async function changeOwnPassword(
  caller: Caller,
  request: OwnPasswordRequest,
): Promise<{ sessionVersion: number }> {
  const staff = await StaffModel.findOne({ tenantId: caller.tenantId, _id: caller.staffId }).lean();
  if (!staff) throw unauthorized();
  const hadPassword = Boolean(staff.passwordHash);
  if (hadPassword) {
    if (!request.currentPassword) throw badRequest('请输入当前密码', 'CURRENT_PASSWORD_REQUIRED');
    if (!(await passwordMatches(request.currentPassword, staff.passwordHash as string))) {
      throw badRequest('当前密码输入有误', 'WRONG_CURRENT_PASSWORD');
    }
  }
  const updated = await StaffModel.findOneAndUpdate(
    { tenantId: caller.tenantId, _id: caller.staffId },
    { $set: { passwordHash: await hashPassword(request.newPassword) }, $inc: { sessionVersion: 1 } },
    { new: true },
  ).lean();
  if (!updated) throw unauthorized();
  await recordAudit(caller, {
    action: 'password.change',
    target: { type: 'staff', id: caller.userid, name: '' },
    before: { passwordSet: hadPassword },
    after: { passwordSet: true },
  });
  return { sessionVersion: updated.sessionVersion };
}

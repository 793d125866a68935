import { StaffModel } from '../models/staff.model';
import { StaffCodeModel } from '../models/staff-code.model';

/** A member who can still take customers: still in WeCom, and active there (not disabled or inactive). */
export async function usableUserids(tenantId: string, userids: readonly string[]): Promise<Set<string>> {
  const staff = await StaffModel.find(
    { tenantId, userid: { $in: [...userids] }, deletedAt: { $exists: false } },
    { userid: 1, wecomStatus: 1 },
  ).lean();
  return new Set(staff.filter((member) => (member.wecomStatus ?? 1) === 1).map((member) => member.userid));
}

/**
 * 活码状态 (R-2.2.1-06, I-27): 异常 once no member of the code can be reached (all left, were deleted or are
 * inactive), 正常 again when one comes back. Called when members change (org sync, change_contact events)
 * with the userids concerned, or for every code of the tenant. Returns how many codes changed status.
 */
export async function recomputeStaffCodeStatus(
  tenantId: string,
  changedUserids?: readonly string[],
): Promise<number> {
  const codes = await StaffCodeModel.find(
    {
      tenantId,
      deletedAt: { $exists: false },
      ...(changedUserids ? { memberUserids: { $in: [...changedUserids] } } : {}),
    },
    { memberUserids: 1, status: 1 },
  ).lean();
  if (codes.length === 0) return 0;
  const usable = await usableUserids(tenantId, [...new Set(codes.flatMap((code) => code.memberUserids))]);
  let changed = 0;
  for (const code of codes) {
    const status = code.memberUserids.some((userid) => usable.has(userid)) ? 'normal' : 'abnormal';
    if (status === code.status) continue;
    await StaffCodeModel.updateOne({ tenantId, _id: code._id }, { $set: { status } });
    changed += 1;
  }
  return changed;
}

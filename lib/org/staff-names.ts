import { StaffModel } from '../models/staff.model';

/**
 * Members' names by userid, for a page's or a message's handful of members. Members who left are named too
 * (their staff row is kept, marked deleted), so history still reads well. A tenant's staff is bounded, so the
 * `$in` (read whole by FerretDB) stays cheap.
 */
export async function staffNamesByUserid(
  tenantId: string,
  userids: Iterable<string>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(userids)];
  if (wanted.length === 0) return new Map();
  const staff = await StaffModel.find({ tenantId, userid: { $in: wanted } }, { userid: 1, name: 1 }).lean();
  return new Map(staff.map((member) => [member.userid, member.name]));
}

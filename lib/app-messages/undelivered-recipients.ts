import type { UndeliveredReason, UndeliveredRecipientView } from '../contracts/app-message.contract';
import { StaffModel } from '../models/staff.model';

/**
 * The names of the members an app message did not reach, by userid. Members who left are named too (their
 * staff row is kept, marked deleted), since leaving is the usual reason a message is not delivered.
 */
export async function undeliveredNames(
  tenantId: string,
  userids: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(userids)];
  if (wanted.length === 0) return new Map();
  const staff = await StaffModel.find({ tenantId, userid: { $in: wanted } }, { userid: 1, name: 1 }).lean();
  return new Map(staff.map((member) => [member.userid, member.name]));
}

/**
 * 未送达 as the admin shows it: each member once (the first reason WeCom gave), named. Takes the stored
 * entries (lib/models/undelivered-recipient.schema.ts), whose enum keeps `reason` one of UNDELIVERED_REASONS.
 */
export function undeliveredView(
  recipients: ReadonlyArray<{ userid: string; reason: string }> | null | undefined,
  names: Map<string, string>,
): UndeliveredRecipientView[] {
  const seen = new Set<string>();
  const view: UndeliveredRecipientView[] = [];
  for (const { userid, reason } of recipients ?? []) {
    if (seen.has(userid)) continue;
    seen.add(userid);
    view.push({ userid, name: names.get(userid) ?? userid, reason: reason as UndeliveredReason });
  }
  return view;
}

import type { UndeliveredReason, UndeliveredRecipientView } from '../contracts/app-message.contract';

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

/**
 * The customer document's derived fields (adders, 跟进人, first add, tags, phones, source), computed from its
 * relations. Every writer (sync, callbacks, edits) stores the result with the relations in the same update, so
 * the list's filters and its data permission (I-104: visible when any adder is in scope) read indexed fields.
 */
export interface FollowFacts {
  userid: string;
  addedAt: Date;
  tagIds: string[];
  remarkMobiles: string[];
  addWay: number;
  deletedAt?: Date | null;
}

export interface DerivedCustomerFields {
  adderUserids: string[];
  ownerUserid: string | null;
  firstAddedAt: Date | null;
  tagIds: string[];
  phones: string[];
  addWay: number | null;
  active: boolean;
}

export function deriveCustomerFields(
  follows: readonly FollowFacts[],
  profilePhone?: string | null,
): DerivedCustomerFields {
  const active = follows
    .filter((follow) => !follow.deletedAt)
    .sort((a, b) => a.addedAt.getTime() - b.addedAt.getTime() || a.userid.localeCompare(b.userid));
  const first = active[0];
  const phones = new Set(active.flatMap((follow) => follow.remarkMobiles).filter(Boolean));
  if (profilePhone) phones.add(profilePhone);
  return {
    adderUserids: active.map((follow) => follow.userid),
    ownerUserid: first?.userid ?? null,
    firstAddedAt: first?.addedAt ?? null,
    tagIds: [...new Set(active.flatMap((follow) => follow.tagIds))],
    phones: [...phones],
    addWay: first?.addWay ?? null,
    active: active.length > 0,
  };
}

import type { WeComExternalContact, WeComFollowInfo, WeComFollowUser } from '../wecom/customers-api';

/**
 * Pure rules for a customer's relations (`follows`): how WeCom's records map onto ours and how a sync page or a
 * refetched customer merges into what is stored. Writers then store the result with its derived fields.
 */

export type DeletedBy = 'staff' | 'customer' | 'transfer';

export interface FollowRecord {
  userid: string;
  remark: string;
  description: string;
  addedAt: Date;
  tagIds: string[];
  remarkCorpName: string;
  remarkMobiles: string[];
  addWay: number;
  operUserid: string;
  state: string;
  /** When WeCom last showed this relation (a sync page or a refetch); a full sync ends what it did not see. */
  lastSeenAt?: Date | null;
  deletedAt?: Date | null;
  deletedBy?: DeletedBy | null;
}

function baseFollow(info: WeComFollowInfo | WeComFollowUser, tagIds: string[]): FollowRecord {
  return {
    userid: info.userid,
    remark: info.remark ?? '',
    description: info.description ?? '',
    addedAt: new Date(info.createtime * 1000),
    tagIds,
    remarkCorpName: info.remark_corp_name ?? '',
    remarkMobiles: info.remark_mobiles ?? [],
    addWay: info.add_way ?? 0,
    operUserid: info.oper_userid ?? '',
    state: info.state ?? '',
  };
}

/** batch/get_by_user's follow_info: tag ids only (corp and rule-group tags). */
export function followFromBatchInfo(info: WeComFollowInfo): FollowRecord {
  return baseFollow(info, info.tag_id ?? []);
}

/** externalcontact/get's follow_user: personal tags (type 2) have no id and are not ours to show. */
export function followFromFollowUser(followUser: WeComFollowUser): FollowRecord {
  const tagIds = (followUser.tags ?? [])
    .filter((tag) => tag.type !== 2 && tag.tag_id)
    .map((tag) => tag.tag_id as string);
  return baseFollow(followUser, [...new Set(tagIds)]);
}

/** The customer's own fields from WeCom (not the 客户详情 edits, which live in `profile`). */
export function contactFields(contact: WeComExternalContact) {
  return {
    name: contact.name ?? '',
    avatar: contact.avatar ?? '',
    type: contact.type === 2 ? 2 : 1,
    gender: contact.gender ?? 0,
    ...(contact.unionid ? { unionid: contact.unionid } : {}),
    corpName: contact.corp_name ?? '',
    corpFullName: contact.corp_full_name ?? '',
    position: contact.position ?? '',
  };
}

export interface FollowMerge {
  follows: FollowRecord[];
  /** Relations that were not active before: they get an `added` event. */
  added: FollowRecord[];
}

/** A sync page saw these relations: they are active now; relations it did not mention stay as they are. */
export function mergeSeenFollows(
  existing: readonly FollowRecord[],
  seen: readonly FollowRecord[],
  seenAt: Date,
): FollowMerge {
  const byUser = new Map(existing.map((follow) => [follow.userid, follow]));
  const added: FollowRecord[] = [];
  for (const follow of seen) {
    const before = byUser.get(follow.userid);
    if (!before || before.deletedAt) added.push(follow);
    byUser.set(follow.userid, { ...follow, lastSeenAt: seenAt, deletedAt: null, deletedBy: null });
  }
  return { follows: [...byUser.values()], added };
}

/**
 * externalcontact/get showed every current relation: those it lists are active, every other active one has
 * ended. `ended` says who ended the relation named by the event being applied; others ended unobserved.
 */
export function replaceFollows(
  existing: readonly FollowRecord[],
  current: readonly FollowRecord[],
  seenAt: Date,
  ended?: { userid: string; by: DeletedBy; at: Date },
): FollowMerge {
  const merge = mergeSeenFollows(existing, current, seenAt);
  const listed = new Set(current.map((follow) => follow.userid));
  const follows = merge.follows.map((follow) => {
    const byEvent = ended?.userid === follow.userid;
    if (listed.has(follow.userid)) return follow;
    // Already ended unobserved (a sync sweep): the event now says who ended it.
    if (follow.deletedAt) return byEvent && !follow.deletedBy ? { ...follow, deletedBy: ended.by } : follow;
    return { ...follow, deletedAt: byEvent ? ended.at : seenAt, deletedBy: byEvent ? ended.by : null };
  });
  return { follows, added: merge.added };
}

/** After a completed full sync: active relations no page showed since the sync began have ended. */
export function endUnseenFollows(
  existing: readonly FollowRecord[],
  seenSince: Date,
  endedAt: Date,
): FollowRecord[] | null {
  let changed = false;
  const follows = existing.map((follow) => {
    if (follow.deletedAt || (follow.lastSeenAt && follow.lastSeenAt >= seenSince)) return follow;
    changed = true;
    return { ...follow, deletedAt: endedAt };
  });
  return changed ? follows : null;
}

/** Deleted corp tags leave every relation; null when none carried them. */
export function withoutTags(
  existing: readonly FollowRecord[],
  tagIds: readonly string[],
): FollowRecord[] | null {
  const gone = new Set(tagIds);
  if (!existing.some((follow) => follow.tagIds.some((id) => gone.has(id)))) return null;
  return existing.map((follow) => ({ ...follow, tagIds: follow.tagIds.filter((id) => !gone.has(id)) }));
}

/**
 * The `added` event's id is the relation's own identity (customer, member, WeCom's createtime), so the callback
 * and a sync that both learn of the same add record it once, whichever comes first.
 */
export function addedEventId(externalUserid: string, userid: string, addedAt: Date): string {
  return `added:${externalUserid}:${userid}:${Math.floor(addedAt.getTime() / 1000)}`;
}

/**
 * Who an add_msg_template call reaches, and through which member (API.md §9.1). For customers: the listed
 * external_userids (≤ 10,000; they override tag_filter), else the sender's customers, else every customer —
 * narrowed by tag_filter (OR within a group of tags, AND across groups). With a sender each customer goes
 * through them; without one, WeCom pushes the task to the member who last interacted with the customer, which
 * the simulator takes to be the member who added them most recently. For groups the sender is required and
 * reaches the groups they own (the listed chat_ids, ≤ 2,000, or all of them). Listed ids nobody can send to
 * come back in fail_list; when nobody at all is left, the call is refused with 41048.
 */
import { memberStatus } from '../contacts/member-roster';
import type { FollowRelation } from '../customers/customer-book';
import type { Corp } from '../state/corp';
import { WecomError } from '../wecom-error';
import type { MassSendChatType } from './mass-sends';

export const EXTERNAL_USERIDS_MAX = 10_000;
export const CHAT_IDS_MAX = 2_000;
const TAGS_PER_GROUP_MAX = 100;

export interface AudienceRequest {
  chat_type: MassSendChatType;
  sender?: string;
  external_userid?: string[];
  chat_id_list?: string[];
  tag_filter?: { group_list: Array<{ tag_list: string[] }> };
}

export interface Audience {
  recipientsBySender: Map<string, string[]>;
  failList: string[];
}

/** The sender as the roster spells it; 40003 if unknown, 41054 if not an active member. */
export function activeMember(corp: Corp, userid: string): string {
  let member;
  try {
    member = corp.contacts.members.get(userid);
  } catch {
    throw new WecomError(40003, `userid ${userid}`);
  }
  if (memberStatus(member) !== 1) throw new WecomError(41054, `userid ${member.userid}`);
  return member.userid;
}

export function resolveAudience(corp: Corp, request: AudienceRequest): Audience {
  const sender = request.sender ? activeMember(corp, request.sender) : undefined;
  const audience =
    request.chat_type === 'group'
      ? groupAudience(corp, request, sender)
      : customerAudience(corp, request, sender);
  if (audience.recipientsBySender.size === 0) throw new WecomError(41048);
  return audience;
}

function groupAudience(corp: Corp, request: AudienceRequest, sender: string | undefined): Audience {
  if (!sender) throw new WecomError(40058, 'sender is required when chat_type is group');
  const listed = request.chat_id_list;
  if (listed && listed.length > CHAT_IDS_MAX)
    throw new WecomError(40058, `chat_id_list holds at most ${CHAT_IDS_MAX} chat_ids`);
  const owned = corp.groupChats
    .all()
    .filter((chat) => chat.owner.toLowerCase() === sender.toLowerCase())
    .map((chat) => chat.chat_id);
  if (!listed || listed.length === 0)
    return collect(
      owned.map((id) => [id, sender]),
      [],
    );
  const ownedSet = new Set(owned);
  const unique = [...new Set(listed)];
  return collect(
    unique.filter((id) => ownedSet.has(id)).map((id) => [id, sender]),
    unique.filter((id) => !ownedSet.has(id)),
  );
}

function customerAudience(corp: Corp, request: AudienceRequest, sender: string | undefined): Audience {
  const listed = request.external_userid;
  if (listed && listed.length > EXTERNAL_USERIDS_MAX)
    throw new WecomError(40058, `external_userid holds at most ${EXTERNAL_USERIDS_MAX} ids`);
  if (listed && listed.length > 0) {
    const reached: Array<[string, string]> = [];
    const failed: string[] = [];
    for (const id of new Set(listed)) {
      const through = corp.customers.has(id) ? memberFor(corp, id, sender, () => true) : undefined;
      if (through) reached.push([id, through]);
      else failed.push(id);
    }
    return collect(reached, failed);
  }
  const matches = tagMatcher(corp, request.tag_filter);
  if (sender) {
    return collect(
      corp.customers
        .customersOf(sender)
        .filter((id) => matches(corp.customers.relation(sender, id)))
        .map((id) => [id, sender]),
      [],
    );
  }
  if (!request.tag_filter)
    throw new WecomError(40058, 'external_userid, sender and tag_filter cannot all be empty');
  const reached: Array<[string, string]> = [];
  for (const contact of corp.customers.allContacts()) {
    const through = memberFor(corp, contact.external_userid, undefined, matches);
    if (through) reached.push([contact.external_userid, through]);
  }
  return collect(reached, []);
}

/** The member a customer's task goes to: the sender if still a friend, else the latest matching follower. */
function memberFor(
  corp: Corp,
  externalUserid: string,
  sender: string | undefined,
  matches: (relation: FollowRelation) => boolean,
): string | undefined {
  if (sender) return corp.customers.hasRelation(sender, externalUserid) ? sender : undefined;
  let latest: FollowRelation | undefined;
  for (const relation of corp.customers.followersOf(externalUserid)) {
    // Followers come oldest first, so on equal times the one added last wins.
    if (matches(relation) && (!latest || relation.createtime >= latest.createtime)) latest = relation;
  }
  return latest?.userid;
}

function tagMatcher(
  corp: Corp,
  filter: AudienceRequest['tag_filter'],
): (relation: FollowRelation) => boolean {
  const groups = filter?.group_list ?? [];
  for (const group of groups) {
    if (group.tag_list.length > TAGS_PER_GROUP_MAX)
      throw new WecomError(40058, `a tag_list holds at most ${TAGS_PER_GROUP_MAX} tags`);
    for (const id of group.tag_list)
      if (!corp.corpTags.isTag(id)) throw new WecomError(40068, `tag_id ${id}`);
  }
  const sets = groups.filter((group) => group.tag_list.length > 0).map((group) => new Set(group.tag_list));
  return (relation) => sets.every((set) => relation.tag_ids.some((id) => set.has(id)));
}

function collect(reached: Array<[string, string]>, failList: string[]): Audience {
  const recipientsBySender = new Map<string, string[]>();
  for (const [id, userid] of reached) {
    const ids = recipientsBySender.get(userid) ?? [];
    ids.push(id);
    recipientsBySender.set(userid, ids);
  }
  return { recipientsBySender, failList };
}

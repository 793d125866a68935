import type { WeComGroupChat } from '../wecom/customers-api';

/** A customer group's stored fields from groupchat/get (API.md §8.2), with the counts the list shows. */
export function groupChatFields(chat: WeComGroupChat) {
  const members = (chat.member_list ?? []).map((member) => ({
    userid: member.userid,
    type: member.type === 2 ? 2 : 1,
    ...(member.join_time ? { joinedAt: new Date(member.join_time * 1000) } : {}),
    ...(member.join_scene !== undefined ? { joinScene: member.join_scene } : {}),
    ...(member.invitor?.userid ? { invitorUserid: member.invitor.userid } : {}),
    groupNickname: member.group_nickname ?? '',
    name: member.name ?? '',
    ...(member.state ? { state: member.state } : {}),
    ...(member.unionid ? { unionid: member.unionid } : {}),
  }));
  return {
    name: chat.name ?? '',
    ownerUserid: chat.owner,
    ...(chat.create_time ? { createdAt: new Date(chat.create_time * 1000) } : {}),
    notice: chat.notice ?? '',
    memberVersion: chat.member_version ?? '',
    members,
    adminUserids: (chat.admin_list ?? []).map((admin) => admin.userid),
    memberCount: members.length,
    customerCount: members.filter((member) => member.type === 2).length,
  };
}

/**
 * The upsert of a group as groupchat/get shows it now (full syncs and change events alike). A new group starts
 * with no 群标签; those are ours, never WeCom's, so an existing group keeps its own.
 */
export function groupChatUpsert(chat: WeComGroupChat, seenAt: Date) {
  return { $set: { ...groupChatFields(chat), lastSeenAt: seenAt }, $setOnInsert: { groupTagIds: [] } };
}

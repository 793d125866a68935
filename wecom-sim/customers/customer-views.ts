/** The JSON shapes of the externalcontact APIs (API.md §5.3, §5.4, §8.2), built from the stored records. */
import type { CorpTagCatalog } from './corp-tag-catalog';
import type { ExternalContact, FollowRelation } from './customer-book';
import { memberVersion as memberVersionOf, type GroupChat } from './group-chats';

/** position and the corp fields exist only for WeCom-user customers (type 2); unionid only for WeChat users. */
export function externalContactView(contact: ExternalContact): Record<string, unknown> {
  const view: Record<string, unknown> = {
    external_userid: contact.external_userid,
    name: contact.name,
    type: contact.type,
    avatar: contact.avatar,
    gender: contact.gender,
  };
  if (contact.type === 1 && contact.unionid) view.unionid = contact.unionid;
  if (contact.type === 2) {
    view.position = contact.position ?? '';
    view.corp_name = contact.corp_name ?? '';
    view.corp_full_name = contact.corp_full_name ?? contact.corp_name ?? '';
    view.external_profile = { external_attr: [] };
  }
  return view;
}

/** externalcontact/get's follow_user entry: tags with their group names (type 1 = corp tag). */
export function followUserView(relation: FollowRelation, tags: CorpTagCatalog): Record<string, unknown> {
  const names = new Map<string, { group_name: string; tag_name: string }>();
  for (const group of tags.list({ tagIds: relation.tag_ids })) {
    for (const tag of group.tag) names.set(tag.id, { group_name: group.group_name, tag_name: tag.name });
  }
  return {
    userid: relation.userid,
    remark: relation.remark,
    description: relation.description,
    createtime: relation.createtime,
    tags: relation.tag_ids
      .filter((id) => names.has(id))
      .map((id) => ({ ...names.get(id)!, tag_id: id, type: 1 })),
    remark_corp_name: relation.remark_corp_name,
    remark_mobiles: relation.remark_mobiles,
    oper_userid: relation.oper_userid,
    add_way: relation.add_way,
    state: relation.state,
  };
}

/** batch/get_by_user's follow_info: one relation, tags as ids only. */
export function followInfoView(relation: FollowRelation): Record<string, unknown> {
  return {
    userid: relation.userid,
    remark: relation.remark,
    description: relation.description,
    createtime: relation.createtime,
    tag_id: relation.tag_ids,
    remark_corp_name: relation.remark_corp_name,
    remark_mobiles: relation.remark_mobiles,
    oper_userid: relation.oper_userid,
    add_way: relation.add_way,
    state: relation.state,
  };
}

export function groupChatView(chat: GroupChat, needName: boolean): Record<string, unknown> {
  return {
    chat_id: chat.chat_id,
    name: chat.name,
    owner: chat.owner,
    create_time: chat.create_time,
    notice: chat.notice,
    member_list: chat.member_list.map(({ name, ...member }) => (needName ? { ...member, name } : member)),
    admin_list: chat.admin_list,
    member_version: memberVersionOf(chat),
  };
}

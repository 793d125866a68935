/** The JSON shapes of the externalcontact APIs (API.md §5.3, §5.4, §8.2), built from the stored records. */
import type { Corp } from '../state/corp';
import type { CorpTagCatalog } from './corp-tag-catalog';
import type { ExternalContact, FollowRelation } from './customer-book';
import { memberVersion as memberVersionOf, type GroupChat, type GroupMember } from './group-chats';

/** What decides optional fields of these views: the corp's WeChat developer binding (unionid). */
export type CustomerViewer = Pick<Corp, 'wechatDeveloperBound'>;

/** groupchat/get also looks its external members up in the corp's customers for their unionid. */
export type GroupChatViewer = CustomerViewer & Pick<Corp, 'customers'>;

/**
 * position, the corp fields and external_profile exist only for WeCom-user customers (type 2); unionid only for
 * WeChat users (type 1), and only while the corp has a WeChat developer account bound (doc: 仅当联系人类型是微信
 * 用户，且企业绑定了微信开发者ID有此字段).
 */
export function externalContactView(
  contact: ExternalContact,
  viewer: CustomerViewer,
): Record<string, unknown> {
  const view: Record<string, unknown> = {
    external_userid: contact.external_userid,
    name: contact.name,
    type: contact.type,
    avatar: contact.avatar,
    gender: contact.gender,
  };
  if (contact.type === 1 && contact.unionid && viewer.wechatDeveloperBound) view.unionid = contact.unionid;
  if (contact.type === 2) {
    view.position = contact.position ?? '';
    view.corp_name = contact.corp_name ?? '';
    view.corp_full_name = contact.corp_full_name ?? contact.corp_name ?? '';
    view.external_profile = { external_attr: contact.external_profile?.external_attr ?? [] };
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

/**
 * groupchat/get's group_chat. External members (type 2) who are WeChat users carry their unionid while the corp
 * has a WeChat developer account bound (doc: 仅当群成员类型是微信用户…且企业绑定了微信开发者ID有此字段);
 * admin_list names the 群管理员.
 */
export function groupChatView(
  chat: GroupChat,
  needName: boolean,
  viewer: GroupChatViewer,
): Record<string, unknown> {
  const unionidOf = (member: Pick<GroupMember, 'userid' | 'type'>): string | undefined => {
    if (member.type !== 2 || !viewer.wechatDeveloperBound || !viewer.customers.has(member.userid)) return;
    const contact = viewer.customers.contact(member.userid);
    return contact.type === 1 ? contact.unionid : undefined;
  };
  return {
    chat_id: chat.chat_id,
    name: chat.name,
    owner: chat.owner,
    create_time: chat.create_time,
    notice: chat.notice,
    member_list: chat.member_list.map(({ name, ...member }) => {
      const unionid = unionidOf(member);
      return { ...member, ...(unionid ? { unionid } : {}), ...(needName ? { name } : {}) };
    }),
    admin_list: chat.admin_list,
    member_version: memberVersionOf(chat),
  };
}

/**
 * The decrypted XML of the customer-side events (API.md §14.1 envelope; §14.2 change_external_contact,
 * §14.3 change_external_chat, §14.4 change_external_tag), sent to the 客户联系 receive-event server.
 */
import { renderXmlDocument, xmlElement, type XmlElement } from './event-xml';

export type ExternalEventName = 'change_external_contact' | 'change_external_chat' | 'change_external_tag';

export interface ExternalEvent {
  event: ExternalEventName;
  changeType: string;
  xml: string;
}

export interface ExternalEventContext {
  corpId: string;
  createTime: number;
}

function envelope(
  context: ExternalEventContext,
  event: ExternalEventName,
  changeType: string,
  payload: XmlElement[],
): ExternalEvent {
  const xml = renderXmlDocument([
    xmlElement('ToUserName', context.corpId),
    xmlElement('FromUserName', 'sys'),
    xmlElement('CreateTime', context.createTime),
    xmlElement('MsgType', 'event'),
    xmlElement('Event', event),
    xmlElement('ChangeType', changeType),
    ...payload,
  ]);
  return { event, changeType, xml };
}

export type ContactChangeType =
  | 'add_external_contact'
  | 'add_half_external_contact'
  | 'edit_external_contact'
  | 'del_external_contact'
  | 'del_follow_user'
  | 'transfer_fail';

export interface ContactChange {
  changeType: ContactChangeType;
  userid: string;
  externalUserid: string;
  state?: string;
  /** Only add events carry it, and not always (an admin-set welcome message means none). */
  welcomeCode?: string;
  /** del_external_contact: DELETE_BY_TRANSFER when on-job transfer removed the relation. */
  source?: string;
  /** transfer_fail: why the takeover member did not get the customer. */
  failReason?: 'customer_refused' | 'customer_limit_exceed';
}

export function externalContactEvent(context: ExternalEventContext, change: ContactChange): ExternalEvent {
  const payload = [xmlElement('UserID', change.userid), xmlElement('ExternalUserID', change.externalUserid)];
  const adding =
    change.changeType === 'add_external_contact' || change.changeType === 'add_half_external_contact';
  if (adding) {
    payload.push(xmlElement('State', change.state ?? ''));
    if (change.welcomeCode) payload.push(xmlElement('WelcomeCode', change.welcomeCode));
  }
  if (change.changeType === 'del_external_contact' && change.source)
    payload.push(xmlElement('Source', change.source));
  if (change.changeType === 'transfer_fail' && change.failReason)
    payload.push(xmlElement('FailReason', change.failReason));
  return envelope(context, 'change_external_contact', change.changeType, payload);
}

export type ChatUpdateDetail = 'add_member' | 'del_member' | 'change_owner' | 'change_name' | 'change_notice';

export interface ChatMemberChange {
  /** add_member: 0 invited directly or via link, 3 scanned the group QR; del_member: 0 left, 1 removed. */
  scene: number;
  changed: string[];
  lastMemVer: string;
  curMemVer: string;
}

export function chatCreatedEvent(context: ExternalEventContext, chatId: string): ExternalEvent {
  return envelope(context, 'change_external_chat', 'create', [xmlElement('ChatId', chatId)]);
}

export function chatDismissedEvent(context: ExternalEventContext, chatId: string): ExternalEvent {
  return envelope(context, 'change_external_chat', 'dismiss', [xmlElement('ChatId', chatId)]);
}

/** Member changes list the ids as <Item> children, the current delivery format (API.md B8). */
export function chatUpdatedEvent(
  context: ExternalEventContext,
  chatId: string,
  detail: ChatUpdateDetail,
  members?: ChatMemberChange,
): ExternalEvent {
  const payload = [xmlElement('ChatId', chatId), xmlElement('UpdateDetail', detail)];
  if (members && (detail === 'add_member' || detail === 'del_member')) {
    payload.push(
      xmlElement(detail === 'add_member' ? 'JoinScene' : 'QuitScene', members.scene),
      xmlElement('MemChangeCnt', members.changed.length),
      xmlElement(
        'MemChangeList',
        members.changed.map((id) => xmlElement('Item', id)),
      ),
      xmlElement('LastMemVer', members.lastMemVer),
      xmlElement('CurMemVer', members.curMemVer),
    );
  }
  return envelope(context, 'change_external_chat', 'update', payload);
}

export function tagEvent(
  context: ExternalEventContext,
  changeType: 'create' | 'update' | 'delete' | 'shuffle',
  id: string,
  tagType: 'tag' | 'tag_group',
): ExternalEvent {
  return envelope(context, 'change_external_tag', changeType, [
    xmlElement('Id', id),
    xmlElement('TagType', tagType),
  ]);
}

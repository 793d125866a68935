/**
 * The decrypted XML of `Event = change_contact` (API.md §14.1 envelope, §14.5 payloads), built from the
 * before/after records of an admin-console change. Numbers are bare and text is CDATA, as in the doc samples.
 */
import type { DepartmentChange, DepartmentRecord } from '../contacts/department-tree';
import { memberStatus, type MemberChange, type MemberRecord } from '../contacts/member-roster';
import type { MemberEventFieldMode } from './callback-config';
import { renderXmlDocument, xmlElement, type XmlElement } from './event-xml';

export type ContactChangeType =
  'create_user' | 'update_user' | 'delete_user' | 'create_party' | 'update_party' | 'delete_party';

export interface ContactEvent {
  changeType: ContactChangeType;
  xml: string;
}

export interface EventContext {
  corpId: string;
  createTime: number;
  memberFields: MemberEventFieldMode;
}

function envelope(context: EventContext, changeType: ContactChangeType, payload: XmlElement[]): ContactEvent {
  const xml = renderXmlDocument([
    xmlElement('ToUserName', context.corpId),
    xmlElement('FromUserName', 'sys'),
    xmlElement('CreateTime', context.createTime),
    xmlElement('MsgType', 'event'),
    xmlElement('Event', 'change_contact'),
    xmlElement('ChangeType', changeType),
    ...payload,
  ]);
  return { changeType, xml };
}

function extAttrElements(member: MemberRecord): XmlElement[] {
  return member.extattr.attrs.flatMap((attr) => {
    const content = attr.text
      ? [xmlElement('Text', [xmlElement('Value', attr.text.value)])]
      : attr.web
        ? [xmlElement('Web', [xmlElement('Title', attr.web.title), xmlElement('Url', attr.web.url)])]
        : [];
    return [xmlElement('Item', [xmlElement('Name', attr.name), xmlElement('Type', attr.type), ...content])];
  });
}

/** The member fields of create_user, in doc order; update_user sends the subset that changed. */
function memberElements(member: MemberRecord): XmlElement[] {
  return [
    xmlElement('Name', member.name),
    xmlElement('Department', member.department.join(',')),
    xmlElement('MainDepartment', member.main_department),
    xmlElement('IsLeaderInDept', member.is_leader_in_dept.join(',')),
    xmlElement('DirectLeader', member.direct_leader.join(',')),
    xmlElement('Position', member.position),
    xmlElement('Mobile', member.mobile),
    xmlElement('Gender', Number(member.gender)),
    xmlElement('Email', member.email),
    xmlElement('BizMail', member.biz_mail),
    xmlElement('Status', memberStatus(member)),
    xmlElement('Avatar', member.avatar),
    xmlElement('Alias', member.alias),
    xmlElement('Telephone', member.telephone),
    xmlElement('Address', member.address),
    xmlElement('ExtAttr', extAttrElements(member)),
  ];
}

/** A callback restricted to the post-2022 field set still hears of every change, but only sees these. */
const RESTRICTED_MEMBER_FIELDS = new Set(['Department']);

function visibleTo(mode: MemberEventFieldMode, elements: XmlElement[]): XmlElement[] {
  return mode === 'all' ? elements : elements.filter((element) => RESTRICTED_MEMBER_FIELDS.has(element.name));
}

export function createUserEvent(context: EventContext, member: MemberRecord): ContactEvent {
  return envelope(context, 'create_user', [
    xmlElement('UserID', member.userid),
    ...visibleTo(context.memberFields, memberElements(member)),
  ]);
}

/** Undefined when nothing the event describes has changed (e.g. only `order` moved). */
export function updateUserEvent(context: EventContext, change: MemberChange): ContactEvent | undefined {
  const before = new Map(
    memberElements(change.before).map((element) => [element.name, renderXmlDocument([element])]),
  );
  const changed = memberElements(change.after).filter(
    (element) => before.get(element.name) !== renderXmlDocument([element]),
  );
  const renamed = change.after.userid !== change.before.userid;
  if (changed.length === 0 && !renamed) return undefined;
  return envelope(context, 'update_user', [
    xmlElement('UserID', change.before.userid),
    ...(renamed ? [xmlElement('NewUserID', change.after.userid)] : []),
    ...visibleTo(context.memberFields, changed),
  ]);
}

export function deleteUserEvent(context: EventContext, member: MemberRecord): ContactEvent {
  return envelope(context, 'delete_user', [xmlElement('UserID', member.userid)]);
}

export function createPartyEvent(context: EventContext, department: DepartmentRecord): ContactEvent {
  return envelope(context, 'create_party', [
    xmlElement('Id', department.id),
    xmlElement('Name', department.name),
    xmlElement('ParentId', String(department.parentid)),
    xmlElement('Order', department.order),
  ]);
}

/** update_party only reports Name and ParentId; a change of order or name_en alone sends nothing. */
export function updatePartyEvent(context: EventContext, change: DepartmentChange): ContactEvent | undefined {
  const payload = [
    ...(change.after.name !== change.before.name ? [xmlElement('Name', change.after.name)] : []),
    ...(change.after.parentid !== change.before.parentid
      ? [xmlElement('ParentId', String(change.after.parentid))]
      : []),
  ];
  if (payload.length === 0) return undefined;
  return envelope(context, 'update_party', [xmlElement('Id', change.after.id), ...payload]);
}

export function deletePartyEvent(context: EventContext, department: DepartmentRecord): ContactEvent {
  return envelope(context, 'delete_party', [xmlElement('Id', department.id)]);
}

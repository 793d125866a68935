/**
 * The JSON shapes WeCom returns for departments and members (API.md §4.1/§4.2), shared by /cgi-bin and by
 * the scenario API's corp summary.
 */
import type { ContactDirectory } from './contact-directory';
import type { DepartmentRecord } from './department-tree';
import { memberStatus, type MemberRecord } from './member-roster';

export interface DepartmentView {
  id: number;
  name: string;
  name_en?: string;
  department_leader: string[];
  parentid: number;
  order: number;
}

/** name_en only appears once it has been set. */
export function departmentView(directory: ContactDirectory, department: DepartmentRecord): DepartmentView {
  return {
    id: department.id,
    name: department.name,
    ...(department.name_en ? { name_en: department.name_en } : {}),
    department_leader: directory.leadersOf(department.id),
    parentid: department.parentid,
    order: department.order,
  };
}

/**
 * Since 2022-06-20 new self-built and system apps no longer receive these from user/get (API.md §4): only the
 * contact-sync secret sees them in the simulator.
 */
const SENSITIVE_MEMBER_FIELDS = [
  'avatar',
  'thumb_avatar',
  'gender',
  'mobile',
  'email',
  'biz_mail',
  'qr_code',
  'address',
] as const;

export type MemberView = Record<string, unknown>;

export function memberView(member: MemberRecord, options: { sensitive: boolean }): MemberView {
  const view: MemberView = {
    userid: member.userid,
    name: member.name,
    department: member.department,
    order: member.order,
    position: member.position,
    mobile: member.mobile,
    gender: member.gender,
    email: member.email,
    biz_mail: member.biz_mail,
    is_leader_in_dept: member.is_leader_in_dept,
    direct_leader: member.direct_leader,
    avatar: member.avatar,
    thumb_avatar: member.thumb_avatar,
    telephone: member.telephone,
    alias: member.alias,
    address: member.address,
    open_userid: member.open_userid,
    main_department: member.main_department,
    extattr: member.extattr,
    status: memberStatus(member),
    qr_code: member.qr_code,
    external_position: member.external_position,
    external_profile: member.external_profile,
  };
  if (!options.sensitive) for (const field of SENSITIVE_MEMBER_FIELDS) delete view[field];
  return view;
}

export function memberSummaryView(member: MemberRecord): MemberView {
  return {
    userid: member.userid,
    name: member.name,
    department: member.department,
    open_userid: member.open_userid,
  };
}

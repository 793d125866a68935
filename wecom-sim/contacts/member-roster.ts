/**
 * The members of one corp and the rules user/create, user/update and user/delete enforce (API.md §4.2;
 * errcodes from doc 90313). UserIDs are unique ignoring case, as WeCom does, but keep the casing given.
 */
import { createHash } from 'node:crypto';
import { WecomError } from '../wecom-error';
import type { DepartmentTree } from './department-tree';
import type { ExtAttr, ExternalProfile, MemberFields } from './member-input';

/** 1-64 bytes of [0-9A-Za-z_-@.], first character a letter or digit. */
const USERID_PATTERN = /^[0-9A-Za-z][0-9A-Za-z_\-@.]{0,63}$/;
/** Doc 90313 60103: at most 32 characters, digits, "+" and "-" only. */
const MOBILE_PATTERN = /^[0-9+-]{1,32}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL_LENGTH = 64;
const MAX_NAME_LENGTH = 64;
const MAX_POSITION_LENGTH = 128;
const MAX_DEPARTMENTS = 100;
const MAX_DIRECT_LEADERS = 5;
const MAX_BATCH_DELETE = 200;
const GENDERS = new Set(['0', '1', '2']);

/** Joined (status 1) or invited but not yet joined (status 4); `enable: 0` overrides both as status 2. */
export type Activation = 'active' | 'pending';

export interface MemberRecord {
  userid: string;
  name: string;
  alias: string;
  mobile: string;
  email: string;
  biz_mail: string;
  department: number[];
  order: number[];
  is_leader_in_dept: number[];
  main_department: number;
  position: string;
  gender: string;
  telephone: string;
  address: string;
  direct_leader: string[];
  avatar: string;
  thumb_avatar: string;
  qr_code: string;
  open_userid: string;
  enable: 0 | 1;
  activation: Activation;
  extattr: ExtAttr;
  external_position: string;
  external_profile: ExternalProfile;
}

export interface MemberChange {
  before: MemberRecord;
  after: MemberRecord;
}

export interface MemberUpdateOptions {
  /** Only the admin console renames members; user/update has no such parameter in API.md. */
  newUserid?: string;
  activation?: Activation;
}

/** WeCom's status field: 1 active, 2 disabled, 4 not yet activated. */
export function memberStatus(member: MemberRecord): 1 | 2 | 4 {
  if (member.enable === 0) return 2;
  return member.activation === 'active' ? 1 : 4;
}

function copyMember(member: MemberRecord): MemberRecord {
  return structuredClone(member);
}

function checkUserid(userid: string | undefined): string {
  if (userid === undefined || userid === '') throw new WecomError(41009);
  if (!USERID_PATTERN.test(userid)) {
    throw new WecomError(40003, 'userid is 1-64 of [0-9A-Za-z_-@.] starting with a letter or digit');
  }
  return userid;
}

function checkName(name: string | undefined): string {
  const length = name === undefined ? 0 : [...name].length;
  if (name === undefined || length === 0 || length > MAX_NAME_LENGTH) {
    throw new WecomError(60112, `name must be 1-${MAX_NAME_LENGTH} characters`);
  }
  return name;
}

function checkMobile(mobile: string): string {
  if (mobile !== '' && !MOBILE_PATTERN.test(mobile)) throw new WecomError(60103);
  return mobile;
}

function checkEmail(email: string): string {
  if (email !== '' && (email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email))) {
    throw new WecomError(60105);
  }
  return email;
}

function checkGender(gender: string): string {
  if (!GENDERS.has(gender)) throw new WecomError(40058, 'gender must be "0", "1" or "2"');
  return gender;
}

function checkPosition(position: string): string {
  if ([...position].length > MAX_POSITION_LENGTH) {
    throw new WecomError(40058, `position is at most ${MAX_POSITION_LENGTH} characters`);
  }
  return position;
}

function checkFlags(flags: number[], field: string): number[] {
  if (flags.some((flag) => flag !== 0 && flag !== 1)) throw new WecomError(40058, `${field} holds 0 or 1`);
  return flags;
}

/** Stable per (corp, first userid), so seeded members keep the same ids on every start and after a rename. */
function derivedIds(corpId: string, userid: string): { open_userid: string; qr_code: string } {
  const digest = createHash('sha1').update(`${corpId}:${userid.toLowerCase()}`).digest('hex');
  return {
    open_userid: `wo${digest.slice(0, 30)}`,
    qr_code: `https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=vc${digest.slice(30, 40)}`,
  };
}

export class MemberRoster {
  /** Keyed by lower-cased userid: uniqueness ignores case. */
  private readonly members = new Map<string, MemberRecord>();

  constructor(
    private readonly corpId: string,
    private readonly departments: DepartmentTree,
  ) {}

  get(userid: string | undefined): MemberRecord {
    const member = userid ? this.members.get(userid.toLowerCase()) : undefined;
    if (!member) throw new WecomError(60111, `userid ${userid || '(missing)'}`);
    return copyMember(member);
  }

  all(): MemberRecord[] {
    return [...this.members.values()].map(copyMember);
  }

  inAnyOf(departmentIds: ReadonlySet<number>): MemberRecord[] {
    return this.all().filter((member) => member.department.some((id) => departmentIds.has(id)));
  }

  hasMembersIn(departmentId: number): boolean {
    return [...this.members.values()].some((member) => member.department.includes(departmentId));
  }

  create(fields: MemberFields, activation: Activation): MemberRecord {
    const userid = checkUserid(fields.userid);
    if (this.members.has(userid.toLowerCase())) throw new WecomError(60102, `userid ${userid}`);
    const name = checkName(fields.name);
    const department = this.checkDepartments(fields.department);
    const mobile = checkMobile(fields.mobile ?? '');
    const email = checkEmail(fields.email ?? '');
    const member: MemberRecord = {
      userid,
      name,
      alias: fields.alias ?? '',
      mobile,
      email,
      biz_mail: fields.biz_mail ?? '',
      department,
      order: this.alignedToDepartments(fields.order, department, 'order', 40058),
      is_leader_in_dept: checkFlags(
        this.alignedToDepartments(fields.is_leader_in_dept, department, 'is_leader_in_dept', 60132),
        'is_leader_in_dept',
      ),
      main_department: this.checkMainDepartment(fields.main_department, department),
      position: checkPosition(fields.position ?? ''),
      gender: checkGender(fields.gender ?? '0'),
      telephone: fields.telephone ?? '',
      address: fields.address ?? '',
      direct_leader: this.checkDirectLeaders(fields.direct_leader ?? [], userid),
      avatar: '',
      thumb_avatar: '',
      ...derivedIds(this.corpId, userid),
      enable: fields.enable ?? 1,
      activation,
      extattr: fields.extattr ?? { attrs: [] },
      external_position: fields.external_position ?? '',
      external_profile: fields.external_profile ?? {},
    };
    this.assertReachable(member);
    this.members.set(userid.toLowerCase(), member);
    return copyMember(member);
  }

  update(fields: MemberFields, options: MemberUpdateOptions = {}): MemberChange {
    const before = this.get(fields.userid);
    const after = copyMember(before);
    if (fields.name !== undefined) after.name = checkName(fields.name);
    if (fields.department !== undefined) {
      after.department = this.checkDepartments(fields.department);
      // Per-department values follow their department; new departments start at 0.
      after.order = after.department.map((id) => before.order[before.department.indexOf(id)] ?? 0);
      after.is_leader_in_dept = after.department.map(
        (id) => before.is_leader_in_dept[before.department.indexOf(id)] ?? 0,
      );
      if (!after.department.includes(after.main_department)) after.main_department = after.department[0];
    }
    if (fields.order !== undefined) {
      after.order = this.alignedToDepartments(fields.order, after.department, 'order', 40058);
    }
    if (fields.is_leader_in_dept !== undefined) {
      after.is_leader_in_dept = checkFlags(
        this.alignedToDepartments(fields.is_leader_in_dept, after.department, 'is_leader_in_dept', 60132),
        'is_leader_in_dept',
      );
    }
    if (fields.main_department !== undefined) {
      after.main_department = this.checkMainDepartment(fields.main_department, after.department);
    }
    if (fields.mobile !== undefined) after.mobile = checkMobile(fields.mobile);
    if (fields.email !== undefined) after.email = checkEmail(fields.email);
    if (fields.position !== undefined) after.position = checkPosition(fields.position);
    if (fields.gender !== undefined) after.gender = checkGender(fields.gender);
    if (fields.direct_leader !== undefined) {
      after.direct_leader = this.checkDirectLeaders(fields.direct_leader, before.userid);
    }
    if (fields.alias !== undefined) after.alias = fields.alias;
    if (fields.biz_mail !== undefined) after.biz_mail = fields.biz_mail;
    if (fields.telephone !== undefined) after.telephone = fields.telephone;
    if (fields.address !== undefined) after.address = fields.address;
    if (fields.enable !== undefined) after.enable = fields.enable;
    if (fields.extattr !== undefined) after.extattr = fields.extattr;
    if (fields.external_position !== undefined) after.external_position = fields.external_position;
    if (fields.external_profile !== undefined) after.external_profile = fields.external_profile;
    if (options.activation !== undefined) after.activation = options.activation;
    if (options.newUserid !== undefined && options.newUserid !== before.userid) {
      after.userid = checkUserid(options.newUserid);
      const holder = this.members.get(after.userid.toLowerCase());
      if (holder && holder.userid.toLowerCase() !== before.userid.toLowerCase()) {
        throw new WecomError(60102, `userid ${after.userid}`);
      }
    }
    this.assertReachable(after, before.userid);
    this.members.delete(before.userid.toLowerCase());
    this.members.set(after.userid.toLowerCase(), after);
    if (after.userid !== before.userid) this.replaceDirectLeader(before.userid, after.userid);
    return { before, after: copyMember(after) };
  }

  delete(userid: string | undefined): MemberRecord {
    const member = this.get(userid);
    this.members.delete(member.userid.toLowerCase());
    this.replaceDirectLeader(member.userid, undefined);
    return member;
  }

  /** All or nothing: one unknown userid fails the whole batch. */
  deleteMany(userids: string[]): MemberRecord[] {
    if (userids.length === 0) throw new WecomError(40058, 'useridlist is empty');
    if (userids.length > MAX_BATCH_DELETE) throw new WecomError(40032, `at most ${MAX_BATCH_DELETE} userids`);
    for (const userid of userids) this.get(userid);
    return [...new Set(userids.map((userid) => userid.toLowerCase()))].map((userid) => this.delete(userid));
  }

  private checkDepartments(department: number[] | undefined): number[] {
    if (department === undefined || department.length === 0) throw new WecomError(41019);
    if (department.length > MAX_DEPARTMENTS) throw new WecomError(60110);
    if (new Set(department).size !== department.length)
      throw new WecomError(40058, 'department repeats an id');
    const unknown = department.find((id) => !this.departments.has(id));
    if (unknown !== undefined) throw new WecomError(60123, `department ${unknown}`);
    return [...department];
  }

  /** order and is_leader_in_dept pair up with department by position, so their lengths must match. */
  private alignedToDepartments(
    values: number[] | undefined,
    department: number[],
    field: string,
    mismatchCode: number,
  ): number[] {
    if (values === undefined) return department.map(() => 0);
    if (values.length !== department.length) {
      throw new WecomError(mismatchCode, `${field} must have one entry per department`);
    }
    return [...values];
  }

  private checkMainDepartment(mainDepartment: number | undefined, department: number[]): number {
    if (mainDepartment === undefined) return department[0];
    if (!department.includes(mainDepartment)) {
      throw new WecomError(40058, 'main_department must be one of the member departments');
    }
    return mainDepartment;
  }

  private checkDirectLeaders(leaders: string[], self: string): string[] {
    if (leaders.length > MAX_DIRECT_LEADERS) {
      throw new WecomError(40058, `at most ${MAX_DIRECT_LEADERS} direct leaders`);
    }
    for (const leader of leaders) {
      if (leader.toLowerCase() === self.toLowerCase() || !this.members.has(leader.toLowerCase())) {
        throw new WecomError(40003, `direct leader ${leader} is not another member`);
      }
    }
    return [...leaders];
  }

  /** A member needs a mobile or an email, each unique in the corp (ignoring the member's own record). */
  private assertReachable(member: MemberRecord, ownUserid: string = member.userid): void {
    if (member.mobile === '' && member.email === '') throw new WecomError(60129);
    for (const other of this.members.values()) {
      if (other.userid.toLowerCase() === ownUserid.toLowerCase()) continue;
      if (member.mobile !== '' && other.mobile === member.mobile) throw new WecomError(60104);
      if (member.email !== '' && other.email.toLowerCase() === member.email.toLowerCase()) {
        throw new WecomError(60106);
      }
    }
  }

  /** Renames and deletions carry through to everyone who reported to that member. */
  private replaceDirectLeader(userid: string, replacement: string | undefined): void {
    for (const member of this.members.values()) {
      member.direct_leader = member.direct_leader.flatMap((leader) => {
        if (leader.toLowerCase() !== userid.toLowerCase()) return [leader];
        return replacement === undefined ? [] : [replacement];
      });
    }
  }
}

import { StaffDetail, StaffFields } from './org.models';

/**
 * The 新建员工 / 编辑 dialog's rules (R-7.1.3-02..06, I-100), checked before sending; the server checks them
 * again, and uniqueness (帐号, 手机, 邮箱) only the server can tell.
 */
export type StaffFieldErrors = Partial<Record<keyof StaffFields, string>>;

const USERID_PATTERN = /^[0-9A-Za-z][0-9A-Za-z_\-@.]{0,63}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const characters = (text: string) => [...text].length;
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

export function emptyStaffFields(departmentId: number | null): StaffFields {
  return {
    name: '',
    alias: '',
    userid: '',
    gender: '',
    mobile: '',
    telephone: '',
    email: '',
    address: '',
    // R-7.1.1-11: 部门 starts as the department selected in the tree.
    departmentIds: departmentId === null ? [] : [departmentId],
    position: '',
    roleId: '',
  };
}

export function staffFieldsOf(detail: StaffDetail): StaffFields {
  return {
    name: detail.name,
    alias: detail.alias,
    userid: detail.userid,
    gender: detail.gender === '1' || detail.gender === '2' ? detail.gender : '',
    mobile: detail.mobile,
    telephone: detail.telephone,
    email: detail.email,
    address: detail.address,
    departmentIds: [...detail.departmentIds],
    position: detail.position,
    roleId: detail.roleId ?? '',
  };
}

export function staffFieldErrors(fields: StaffFields): StaffFieldErrors {
  const errors: StaffFieldErrors = {};
  const name = fields.name.trim();
  if (!name) errors.name = '请输入姓名';
  else if (characters(name) > 64) errors.name = '姓名为1–64个字符';
  if (characters(fields.alias.trim()) > 64) errors.alias = '别名不能超过64个字符';
  const userid = fields.userid.trim();
  if (!userid) errors.userid = '请输入帐号';
  else if (!USERID_PATTERN.test(userid)) errors.userid = '帐号为1–64位字母、数字或 _-@.，以字母或数字开头';
  const mobile = fields.mobile.trim();
  if (!mobile) errors.mobile = '请输入手机号';
  else if (!/^1\d{10}$/.test(mobile)) errors.mobile = '请输入正确的手机号';
  if (!/^[0-9+-]{0,32}$/.test(fields.telephone.trim()))
    errors.telephone = '座机号码只能包含数字、+ 和 -，最多32位';
  const email = fields.email.trim();
  if (email && (utf8Bytes(email) < 6 || utf8Bytes(email) > 64)) errors.email = '邮箱长度为6–64个字节';
  else if (email && !EMAIL_PATTERN.test(email)) errors.email = '邮箱格式不正确';
  if (characters(fields.address.trim()) > 128) errors.address = '地址不能超过128个字符';
  if (fields.departmentIds.length === 0) errors.departmentIds = '请选择部门';
  if (characters(fields.position.trim()) > 128) errors.position = '职务不能超过128个字符';
  if (!fields.roleId) errors.roleId = '请选择角色';
  return errors;
}

/** What 确定 sends: everything for 新建; for 编辑, everything but 帐号 (read-only after creation). */
export function staffPayload(fields: StaffFields, mode: 'create' | 'edit'): Partial<StaffFields> {
  const trimmed = {
    name: fields.name.trim(),
    alias: fields.alias.trim(),
    mobile: fields.mobile.trim(),
    telephone: fields.telephone.trim(),
    email: fields.email.trim(),
    address: fields.address.trim(),
    departmentIds: fields.departmentIds,
    position: fields.position.trim(),
    roleId: fields.roleId,
    ...(fields.gender ? { gender: fields.gender } : {}),
  };
  return mode === 'create' ? { ...trimmed, userid: fields.userid.trim() } : trimmed;
}

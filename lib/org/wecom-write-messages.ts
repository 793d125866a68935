/**
 * WeCom's contacts errcodes (API.md §2, doc 90313) in the admin's words: the same Chinese messages our own
 * checks give, so an edit refused by WeCom reads like one refused by us.
 */
export const CONTACTS_READ_ONLY_MESSAGE = '通讯录为只读权限，请在企业微信后台修改';
export const DEPARTMENT_NOT_EMPTY_MESSAGE = '该部门下还有数据存在，请先清除数据再删除';
export const MOBILE_TAKEN_MESSAGE = '该手机号已存在';
export const EMAIL_TAKEN_MESSAGE = '该邮箱已存在';
export const USERID_TAKEN_MESSAGE = '该帐号已存在';

/** errcodes that mean the contacts secret may not write at all (I-95). */
export const READ_ONLY_ERRCODES = new Set([48002]);

const MESSAGES: Readonly<Record<number, string>> = {
  48002: CONTACTS_READ_ONLY_MESSAGE,
  60011: '无权限操作该部门或成员，请检查通讯录的可见范围',
  60001: '部门名称为1–32个字符',
  60003: '部门不存在',
  60004: '上级部门不存在',
  60005: DEPARTMENT_NOT_EMPTY_MESSAGE,
  60006: DEPARTMENT_NOT_EMPTY_MESSAGE,
  60007: '不能删除根部门',
  60008: '同一上级部门下已有同名部门',
  60009: '部门名称不能包含 \\ : * ? " < > | 等字符',
  60010: '不能移动到该部门自身或其下级部门下',
  81002: '部门层级超出企业微信的限制',
  40003: '帐号格式不正确',
  60102: USERID_TAKEN_MESSAGE,
  60103: '手机号格式不正确',
  60104: MOBILE_TAKEN_MESSAGE,
  60105: '邮箱格式不正确',
  60106: EMAIL_TAKEN_MESSAGE,
  60110: '成员所属部门过多',
  60111: '成员不存在',
  60112: '姓名格式不正确',
  60123: '部门不存在',
  60129: '手机号和邮箱不能同时为空',
};

export function wecomWriteMessage(errcode: number, errmsg: string): string {
  return MESSAGES[errcode] ?? `企业微信返回错误 ${errcode}：${errmsg}`;
}

import type { WeComDepartment, WeComUser } from '../wecom/contacts-api';

/**
 * What we keep of a WeCom department or member. Only WeCom-owned fields: local fields
 * (systemEnabled, passwordHash…) are never part of these, so syncing cannot overwrite them.
 */
export function departmentFields(department: WeComDepartment) {
  return { name: department.name, parentId: department.parentid, order: department.order ?? 0 };
}

export function staffFields(user: WeComUser) {
  return {
    name: user.name,
    alias: user.alias ?? '',
    mobile: user.mobile ?? '',
    email: user.email ?? '',
    position: user.position ?? '',
    gender: user.gender ?? '0',
    telephone: user.telephone ?? '',
    address: user.address ?? '',
    avatar: user.thumb_avatar || user.avatar || '',
    departmentIds: user.department ?? [],
    mainDepartment: user.main_department ?? user.department?.[0],
    wecomStatus: user.status ?? 1,
  };
}

/**
 * Whether a stored record already holds these fields as WeCom gave them. A missing field, null and undefined are
 * the same (an update drops undefined values). Arrays compare element by element, in order (WeCom's order of a
 * member's departments is kept), whatever realm made them: a parsed response's arrays and the driver's may not
 * share a prototype, so a strict deep comparison would call every member changed.
 */
export function holdsFields(stored: Record<string, unknown>, fields: Record<string, unknown>): boolean {
  return Object.entries(fields).every(([name, value]) => sameValue(stored[name] ?? null, value ?? null));
}

function sameValue(stored: unknown, value: unknown): boolean {
  if (Array.isArray(stored) && Array.isArray(value))
    return stored.length === value.length && stored.every((item, index) => item === value[index]);
  return stored === value;
}

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

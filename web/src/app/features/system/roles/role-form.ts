import { DataScope } from '../../../core/auth/auth.models';
import { Role } from './roles.models';

export const ROLE_NAME_MAX = 30;

/** 数据权限 choices in the manual's order (R-7.2.2-03). */
export const DATA_SCOPE_OPTIONS: ReadonlyArray<{ value: DataScope; label: string }> = [
  { value: 'self', label: '只看本人' },
  { value: 'department', label: '本部门及以下' },
  { value: 'all', label: '全部' },
  { value: 'custom', label: '自定义' },
];

/** The screenshot's default for a new role: 本部门及以下. */
export const DEFAULT_DATA_SCOPE: DataScope = 'department';

export function dataScopeLabel(scope: DataScope): string {
  return DATA_SCOPE_OPTIONS.find((option) => option.value === scope)?.label ?? '';
}

/** Why the dialog cannot be saved yet, or null. */
export function roleFormProblem(form: {
  name: string;
  dataScope: DataScope;
  customDepartmentIds: readonly number[];
  customUserids: readonly string[];
}): string | null {
  const name = form.name.trim();
  if (!name) return '请输入角色名称';
  if (name.length > ROLE_NAME_MAX) return `角色名称最多${ROLE_NAME_MAX}个字`;
  if (form.dataScope === 'custom' && form.customDepartmentIds.length + form.customUserids.length === 0) {
    return '自定义数据权限请至少选择一个部门或员工';
  }
  return null;
}

/** Built-in roles can be edited but not deleted (I-102); 超级管理员 not even edited. */
export function canDeleteRole(role: Role): boolean {
  return role.builtIn === null;
}

export function canEditRole(role: Role): boolean {
  return role.builtIn !== 'super_admin';
}

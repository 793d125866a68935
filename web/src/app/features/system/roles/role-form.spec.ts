import { passwordProblem } from '../org/staff-password-dialog';
import {
  canDeleteRole,
  canEditRole,
  DATA_SCOPE_OPTIONS,
  DEFAULT_DATA_SCOPE,
  roleFormProblem,
} from './role-form';
import { Role } from './roles.models';

const role = (builtIn: Role['builtIn']): Role => ({
  id: '1',
  name: 'r',
  builtIn,
  functionPermissions: [],
  dataScope: 'self',
  customDepartmentIds: [],
  customUserids: [],
  staffCount: 0,
  createdByName: '管理员',
  createdAt: '',
});

describe('新建角色 form rules', () => {
  const valid = {
    name: '销售主管',
    dataScope: 'department' as const,
    customDepartmentIds: [],
    customUserids: [],
  };

  it('offers 只看本人 / 本部门及以下 / 全部 / 自定义 and defaults to 本部门及以下 (R-7.2.2-03)', () => {
    expect(DATA_SCOPE_OPTIONS.map((option) => option.label)).toEqual([
      '只看本人',
      '本部门及以下',
      '全部',
      '自定义',
    ]);
    expect(DEFAULT_DATA_SCOPE).toBe('department');
  });

  it('needs a name of at most 30 characters', () => {
    expect(roleFormProblem(valid)).toBeNull();
    expect(roleFormProblem({ ...valid, name: '  ' })).toBe('请输入角色名称');
    expect(roleFormProblem({ ...valid, name: '长'.repeat(31) })).toBe('角色名称最多30个字');
  });

  it('needs a department or a staff member for 自定义', () => {
    expect(roleFormProblem({ ...valid, dataScope: 'custom' })).toBe('自定义数据权限请至少选择一个部门或员工');
    expect(roleFormProblem({ ...valid, dataScope: 'custom', customUserids: ['u1'] })).toBeNull();
  });

  it('lets built-in roles be edited but not deleted, and 超级管理员 not even edited (I-102)', () => {
    expect([canEditRole(role(null)), canDeleteRole(role(null))]).toEqual([true, true]);
    expect([canEditRole(role('staff')), canDeleteRole(role('staff'))]).toEqual([true, false]);
    expect([canEditRole(role('super_admin')), canDeleteRole(role('super_admin'))]).toEqual([false, false]);
  });
});

describe('重置密码 rule', () => {
  it('asks for 8-64 characters with letters and digits, as the server does', () => {
    expect(passwordProblem('')).toBe('请输入密码');
    expect(passwordProblem('abc123')).toBe('密码至少8位');
    expect(passwordProblem('abcdefgh')).toBe('密码须同时包含字母和数字');
    expect(passwordProblem('Staff1234')).toBeNull();
  });
});

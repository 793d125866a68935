import { auditActionLabel, describeSnapshot } from './audit-format';

describe('audit log formatting', () => {
  it('names the actions in Chinese and shows unknown ones by their code', () => {
    expect(auditActionLabel('role.create')).toBe('新建角色');
    expect(auditActionLabel('binding.update')).toBe('binding.update');
  });

  it('reads a role snapshot as lines, leaving out ids', () => {
    expect(
      describeSnapshot({
        name: '部门主管',
        functionPermissions: ['system', 'system.org'],
        dataScope: 'department',
        customDepartmentIds: [],
        customUserids: [],
      }),
    ).toEqual([
      '角色名称：部门主管',
      '功能权限：2 项',
      '数据权限：本部门及以下',
      '自定义部门：无',
      '自定义员工：无',
    ]);
    expect(describeSnapshot({ roleId: 'abc', roleName: '员工' })).toEqual(['角色：员工']);
  });

  it('shows switches and passwords without secrets, and unknown fields as they are', () => {
    expect(describeSnapshot({ systemEnabled: false })).toEqual(['系统权限：关闭']);
    expect(describeSnapshot({ passwordSet: true })).toEqual(['密码：已设置']);
    expect(describeSnapshot({ corpId: 'ww1' })).toEqual(['corpId：ww1']);
    expect(describeSnapshot(undefined)).toEqual([]);
  });
});

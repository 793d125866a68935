import { checkedLeafKeys, permissionsFromChecked, toPermissionTreeNodes } from './permission-tree';
import { PermissionNode } from './roles.models';

const CATALOGUE: PermissionNode[] = [
  {
    key: 'system',
    title: '系统配置',
    children: [
      {
        key: 'system.org',
        title: '组织架构',
        children: [
          { key: 'system.org.sync', title: '同步' },
          { key: 'system.org.staff-role', title: '设置角色' },
        ],
      },
      { key: 'system.audit-logs', title: '操作日志' },
    ],
  },
];

describe('功能权限 checkbox tree', () => {
  const tree = toPermissionTreeNodes(CATALOGUE);

  it('gives every page with buttons a first leaf 查看 for the page itself', () => {
    const org = tree[0].children![0];
    expect(org.children!.map((node) => node.title)).toEqual(['查看', '同步', '设置角色']);
    expect(tree[0].children![1]).toMatchObject({ key: 'system.audit-logs', isLeaf: true });
  });

  it('checks the leaves of a stored role: a page without its buttons checks only 查看', () => {
    expect(checkedLeafKeys(tree, ['system', 'system.org', 'system.audit-logs'])).toEqual([
      'system.org#view',
      'system.audit-logs',
    ]);
  });

  it('turns checked nodes back into keys: a checked parent stands for all its leaves', () => {
    expect(permissionsFromChecked(tree, ['system.org']).sort()).toEqual([
      'system.org',
      'system.org.staff-role',
      'system.org.sync',
    ]);
    expect(permissionsFromChecked(tree, ['system.org#view', 'system.audit-logs'])).toEqual([
      'system.org',
      'system.audit-logs',
    ]);
    expect(permissionsFromChecked(tree, [])).toEqual([]);
  });
});

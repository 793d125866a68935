import { ALL_PERMISSION_KEYS, PERMISSION_TREE, isPermissionKey, withAncestors } from './permission-catalogue';

describe('功能权限 catalogue', () => {
  it('lists the modules in the order of the left navigation (R-0-02)', () => {
    expect(PERMISSION_TREE.map((node) => node.title)).toEqual([
      '引流获客',
      '客户管理',
      '素材管理',
      '会话存档',
      '统计分析',
      '系统配置',
      '客户运营',
    ]);
  });

  it('has unique keys, each under its parent’s key', () => {
    expect(new Set(ALL_PERMISSION_KEYS).size).toBe(ALL_PERMISSION_KEYS.length);
    const walk = (nodes: typeof PERMISSION_TREE, parent: string | null): void => {
      for (const node of nodes) {
        if (parent) expect(node.key.startsWith(`${parent}.`)).toBe(true);
        walk(node.children ?? [], node.key);
      }
    };
    walk(PERMISSION_TREE, null);
  });

  it('makes export a permission of its own (I-103)', () => {
    expect(isPermissionKey('customer.customers.export')).toBe(true);
    expect(isPermissionKey('customer.customers.exports')).toBe(false);
  });

  it('stores a button with its page and module, drops unknown keys, in catalogue order', () => {
    expect(withAncestors(['system.roles.delete', 'nope', 'customer.customers'])).toEqual([
      'customer',
      'customer.customers',
      'system',
      'system.roles',
      'system.roles.delete',
    ]);
  });
});

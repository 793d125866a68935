import { NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';

import { asDropTargets, buildDepartmentTree, CORP_NODE_KEY, departmentIdOfKey } from './department-tree';
import { Department } from './org.models';

/** The tree as "title(child, child)" for readable assertions. */
const outline = (nodes: NzTreeNodeOptions[]): string =>
  nodes.map((n) => (n.children?.length ? `${n.title}(${outline(n.children)})` : n.title)).join(', ');

const dept = (id: number, name: string, parentId: number, order = 0): Department => ({
  id,
  name,
  parentId,
  order,
});

describe('buildDepartmentTree', () => {
  it('shows the single root department under the corp name, expanded, with children nested', () => {
    const tree = buildDepartmentTree('沃丰时代', [
      dept(1, '沃丰时代总部', 0),
      dept(2, '销售部', 1, 100),
      dept(3, '华北区', 2),
      dept(4, '研发部', 1, 50),
    ]);

    expect(outline(tree)).toBe('沃丰时代(销售部(华北区), 研发部)');
    expect(tree[0].key).toBe('1');
    expect(tree[0].expanded).toBe(true);
    expect(tree[0].children?.[1].isLeaf).toBe(true);
  });

  it('sorts siblings by WeCom order, larger first, then by id', () => {
    const tree = buildDepartmentTree('沃丰时代', [
      dept(1, '根', 0),
      dept(5, '丙', 1, 10),
      dept(3, '甲', 1, 300),
      dept(4, '乙', 1, 10),
    ]);

    expect(outline(tree)).toBe('沃丰时代(甲, 乙, 丙)');
  });

  it('keeps a department whose parent is missing, under the root', () => {
    const tree = buildDepartmentTree('沃丰时代', [
      dept(1, '根', 0),
      dept(2, '市场部', 1),
      dept(9, '孤立部门', 42),
    ]);

    expect(outline(tree)).toBe('沃丰时代(市场部, 孤立部门)');
  });

  it('wraps several root departments in a corp node that filters nothing', () => {
    const tree = buildDepartmentTree('沃丰时代', [dept(1, '一部', 0, 1), dept(2, '二部', 0, 2)]);

    expect(outline(tree)).toBe('沃丰时代(二部, 一部)');
    expect(tree[0].key).toBe(CORP_NODE_KEY);
    expect(departmentIdOfKey(tree[0].key)).toBeNull();
  });

  it('shows only the corp node when there are no departments yet', () => {
    const tree = buildDepartmentTree('沃丰时代', []);

    expect(tree).toHaveLength(1);
    expect(tree[0].title).toBe('沃丰时代');
    expect(tree[0].isLeaf).toBe(true);
  });
});

describe('departmentIdOfKey', () => {
  it('turns a department key back into its id', () => {
    expect(departmentIdOfKey('12')).toBe(12);
    expect(departmentIdOfKey(CORP_NODE_KEY)).toBeNull();
  });
});

describe('asDropTargets', () => {
  it('makes every node a possible drop target and marks the empty ones', () => {
    const [root] = asDropTargets(buildDepartmentTree('沃丰时代', [dept(1, '总部', 0), dept(2, '销售部', 1)]));
    expect(root).toMatchObject({ isLeaf: false, empty: false });
    expect(root.children?.[0]).toMatchObject({ title: '销售部', isLeaf: false, empty: true });
  });
});

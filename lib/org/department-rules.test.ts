import {
  DEPARTMENT_CYCLE_MESSAGE,
  DEPARTMENT_LEVEL_MESSAGE,
  heightOf,
  levelOf,
  nameTakenUnder,
  ordersForPosition,
  placementProblem,
  type TreeNode,
} from './department-rules';

// root 1 → 2 → 3 → 4 → 5 (level 4); root 1 → 6 (level 1) → 7
const tree: TreeNode[] = [
  { deptId: 1, parentId: 0, order: 100000000, name: '公司' },
  { deptId: 2, parentId: 1, order: 3, name: '销售部' },
  { deptId: 3, parentId: 2, order: 0, name: '华东区' },
  { deptId: 4, parentId: 3, order: 0, name: '上海' },
  { deptId: 5, parentId: 4, order: 0, name: '浦东' },
  { deptId: 6, parentId: 1, order: 2, name: '研发中心' },
  { deptId: 7, parentId: 6, order: 0, name: '前端组' },
];

describe('department levels (I-96: the corp root is not counted)', () => {
  it('counts levels from the root and heights of subtrees', () => {
    expect(levelOf(tree, 1)).toBe(0);
    expect(levelOf(tree, 2)).toBe(1);
    expect(levelOf(tree, 5)).toBe(4);
    expect(heightOf(tree, 2)).toBe(4);
    expect(heightOf(tree, 7)).toBe(1);
  });

  it('allows a fifth level but not a sixth', () => {
    expect(placementProblem(tree, undefined, 5)).toBeUndefined();
    const deeper = [...tree, { deptId: 8, parentId: 5, order: 0, name: '五级' }];
    expect(placementProblem(deeper, undefined, 8)).toBe(DEPARTMENT_LEVEL_MESSAGE);
  });

  it('checks the depth of the whole moved subtree', () => {
    // 6 with its child 7 spans 2 levels: under 4 (level 3) it would reach level 5, under 5 level 6.
    expect(placementProblem(tree, 6, 4)).toBeUndefined();
    expect(placementProblem(tree, 6, 5)).toBe(DEPARTMENT_LEVEL_MESSAGE);
  });

  it('refuses to move a department under itself or its own sub-department', () => {
    expect(placementProblem(tree, 2, 2)).toBe(DEPARTMENT_CYCLE_MESSAGE);
    expect(placementProblem(tree, 2, 4)).toBe(DEPARTMENT_CYCLE_MESSAGE);
  });
});

describe('sibling names', () => {
  it('are unique under one parent, the department itself excepted', () => {
    expect(nameTakenUnder(tree, 1, '销售部')).toBe(true);
    expect(nameTakenUnder(tree, 1, '销售部', 2)).toBe(false);
    expect(nameTakenUnder(tree, 6, '销售部')).toBe(false);
  });
});

describe('order for a position among siblings (larger order first)', () => {
  it('takes a value between the neighbours when there is room', () => {
    const siblings: TreeNode[] = [
      { deptId: 1, parentId: 0, order: 0, name: 'root' },
      { deptId: 2, parentId: 1, order: 3000, name: 'a' },
      { deptId: 3, parentId: 1, order: 2000, name: 'b' },
      { deptId: 4, parentId: 1, order: 1000, name: 'c' },
    ];
    expect(ordersForPosition(siblings, 4, 1, 1)).toEqual([{ deptId: 4, order: 2500 }]);
    expect(ordersForPosition(siblings, 4, 1, 0)).toEqual([{ deptId: 4, order: 4000 }]);
    expect(ordersForPosition(siblings, 2, 1, 2)).toEqual([{ deptId: 2, order: 0 }]);
  });

  it('renumbers the siblings when the neighbours leave no room', () => {
    expect(ordersForPosition(tree, 7, 1, 1)).toEqual([
      { deptId: 2, order: 3000 },
      { deptId: 7, order: 2000 },
      { deptId: 6, order: 1000 },
    ]);
  });

  it('changes nothing when the department is already there', () => {
    expect(ordersForPosition(tree, 6, 1, 1)).toEqual([]);
  });
});

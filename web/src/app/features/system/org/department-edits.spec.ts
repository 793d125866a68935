import {
  addChildProblem,
  departmentNameError,
  hasChildren,
  moveProblem,
  moveTargetOf,
} from './department-edits';
import { Department } from './org.models';

const dept = (id: number, parentId: number, order = 0): Department => ({
  id,
  name: `部门${id}`,
  parentId,
  order,
});

// 1 (root) → 2 → 3 → 4 → 5 → 6 (level 5); 1 → 7 (order 1) → 8; 1 → 9 (order 0)
const tree: Department[] = [
  dept(1, 0),
  dept(2, 1, 2),
  dept(3, 2),
  dept(4, 3),
  dept(5, 4),
  dept(6, 5),
  dept(7, 1, 1),
  dept(8, 7),
  dept(9, 1, 0),
];

describe('moveTargetOf (nz-tree drops)', () => {
  it('dropping into a department makes it the last child', () => {
    expect(moveTargetOf(tree, 9, 7, 0)).toEqual({ parentId: 7, index: 1 });
  });

  it('dropping before or after a sibling gives the place among the siblings', () => {
    expect(moveTargetOf(tree, 9, 2, -1)).toEqual({ parentId: 1, index: 0 });
    expect(moveTargetOf(tree, 9, 2, 1)).toEqual({ parentId: 1, index: 1 });
    expect(moveTargetOf(tree, 2, 9, 1)).toEqual({ parentId: 1, index: 2 });
  });

  it('nothing goes beside the corp root', () => {
    expect(moveTargetOf(tree, 9, 1, -1)).toBeNull();
  });
});

describe('moveProblem (R-7.1.1-07, I-96)', () => {
  it('allows a move that stays within 5 levels, counting the whole subtree', () => {
    expect(moveProblem(tree, 7, { parentId: 4, index: 0 })).toBeNull();
    expect(moveProblem(tree, 7, { parentId: 5, index: 0 })).toBe('部门最多5级');
  });

  it('refuses a department under itself or below itself', () => {
    expect(moveProblem(tree, 2, { parentId: 4, index: 0 })).toBe('不能移动到该部门自身或其下级部门下');
  });

  it('knows which departments have children (they need the move confirmation, R-7.1.1-08)', () => {
    expect(hasChildren(tree, 7)).toBe(true);
    expect(hasChildren(tree, 9)).toBe(false);
  });
});

describe('addChildProblem and department names', () => {
  it('allows a child down to level 5, not below', () => {
    expect(addChildProblem(tree, 5)).toBeNull();
    expect(addChildProblem(tree, 6)).toBe('部门最多5级');
  });

  it('checks names as R-7.1.1-10 says', () => {
    expect(departmentNameError('  ')).toBe('请输入部门名称');
    expect(departmentNameError('部'.repeat(33))).toBe('部门名称不能超过32个字符');
    expect(departmentNameError('销售"一部"')).toBe('部门名称不能包含 \\ : ? " < > | 等字符');
    expect(departmentNameError('销售一部')).toBeNull();
  });
});

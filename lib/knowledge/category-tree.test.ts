import {
  CategoryTreeError,
  UNCATEGORIZED_ID,
  allCategoryIds,
  findCategory,
  insertCategory,
  moveCategory,
  newCategoryTree,
  removeCategory,
  renameCategory,
  subtreeIds,
  treeDepth,
} from './category-tree';

/** A tree with a chain a > b > c > d (4 levels) and a sibling e. */
function chain() {
  let tree = newCategoryTree();
  tree = insertCategory(tree, { id: 'a', name: 'A', parentId: null });
  tree = insertCategory(tree, { id: 'b', name: 'B', parentId: 'a' });
  tree = insertCategory(tree, { id: 'c', name: 'C', parentId: 'b' });
  tree = insertCategory(tree, { id: 'd', name: 'D', parentId: 'c' });
  return insertCategory(tree, { id: 'e', name: 'E', parentId: null });
}

const refusal = (change: () => unknown) => {
  try {
    change();
  } catch (error) {
    if (error instanceof CategoryTreeError) return `${error.problem}: ${error.message}`;
    throw error;
  }
  throw new Error('not refused');
};

describe('knowledge category tree', () => {
  it('starts with 未分类 alone', () => {
    expect(newCategoryTree()).toEqual([{ id: UNCATEGORIZED_ID, name: '未分类', fixed: true, children: [] }]);
  });

  it('adds first-level and child categories, last among their siblings, without changing its input', () => {
    const before = newCategoryTree();
    const after = insertCategory(before, { id: 'a', name: 'A', parentId: null });
    expect(before).toHaveLength(1);
    expect(after.map((node) => node.id)).toEqual([UNCATEGORIZED_ID, 'a']);
    expect(findCategory(chain(), 'd')?.path.map((node) => node.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(treeDepth(chain())).toBe(4);
  });

  it('refuses a fifth level, children under 未分类, unknown parents and a sibling of the same name', () => {
    expect(refusal(() => insertCategory(chain(), { id: 'x', name: 'X', parentId: 'd' }))).toBe(
      'invalid: 分类最多4级',
    );
    expect(refusal(() => insertCategory(chain(), { id: 'x', name: 'X', parentId: UNCATEGORIZED_ID }))).toBe(
      'invalid: “未分类”下不能添加子分类',
    );
    expect(refusal(() => insertCategory(chain(), { id: 'x', name: 'X', parentId: 'gone' }))).toBe(
      'not-found: 上级分类不存在或已删除',
    );
    expect(refusal(() => insertCategory(chain(), { id: 'x', name: 'A', parentId: null }))).toBe(
      'invalid: 同一级下已有名为“A”的分类',
    );
    // The same name at another level is fine.
    expect(findCategory(insertCategory(chain(), { id: 'x', name: 'A', parentId: 'e' }), 'x')).not.toBeNull();
  });

  it('renames any category but 未分类, keeping sibling names unique', () => {
    expect(findCategory(renameCategory(chain(), 'c', 'C2'), 'c')?.node.name).toBe('C2');
    expect(findCategory(renameCategory(chain(), 'a', 'A'), 'a')?.node.name).toBe('A');
    expect(refusal(() => renameCategory(chain(), UNCATEGORIZED_ID, 'X'))).toBe(
      'invalid: “未分类”不能修改名称',
    );
    expect(refusal(() => renameCategory(chain(), 'e', 'A'))).toBe('invalid: 同一级下已有名为“A”的分类');
    expect(refusal(() => renameCategory(chain(), 'gone', 'X'))).toBe('not-found: 分类不存在或已删除');
  });

  it('reorders siblings and re-parents a subtree within the depth limit', () => {
    const reordered = moveCategory(chain(), 'e', { parentId: null, index: 0 });
    expect(reordered.map((node) => node.id)).toEqual(['e', UNCATEGORIZED_ID, 'a']);
    const last = moveCategory(chain(), 'a', { parentId: null, index: 99 });
    expect(last.map((node) => node.id)).toEqual([UNCATEGORIZED_ID, 'e', 'a']);
    // c (with d below) under e: levels 2 and 3.
    const moved = moveCategory(chain(), 'c', { parentId: 'e', index: 0 });
    expect(findCategory(moved, 'd')?.path.map((node) => node.id)).toEqual(['e', 'c', 'd']);
    expect(findCategory(moved, 'b')?.node.children).toEqual([]);
    expect(allCategoryIds(moved).sort()).toEqual(allCategoryIds(chain()).sort());
  });

  it('refuses a move under itself or a descendant, under 未分类, past 4 levels, or of 未分类', () => {
    expect(refusal(() => moveCategory(chain(), 'b', { parentId: 'b', index: 0 }))).toBe(
      'invalid: 不能移动到自身或其下级分类下',
    );
    expect(refusal(() => moveCategory(chain(), 'a', { parentId: 'd', index: 0 }))).toBe(
      'invalid: 不能移动到自身或其下级分类下',
    );
    expect(refusal(() => moveCategory(chain(), 'e', { parentId: UNCATEGORIZED_ID, index: 0 }))).toBe(
      'invalid: “未分类”下不能添加子分类',
    );
    // b has two levels below it: under e it would reach level 5.
    const deeper = insertCategory(chain(), { id: 'f', name: 'F', parentId: 'e' });
    expect(refusal(() => moveCategory(deeper, 'b', { parentId: 'f', index: 0 }))).toBe(
      'invalid: 分类最多4级',
    );
    expect(refusal(() => moveCategory(chain(), UNCATEGORIZED_ID, { parentId: null, index: 2 }))).toBe(
      'invalid: “未分类”不能移动',
    );
    const clash = insertCategory(chain(), { id: 'x', name: 'B', parentId: 'e' });
    expect(refusal(() => moveCategory(clash, 'x', { parentId: 'a', index: 0 }))).toBe(
      'invalid: 同一级下已有名为“B”的分类',
    );
  });

  it('removes only leaf categories, never 未分类', () => {
    expect(subtreeIds(findCategory(removeCategory(chain(), 'd'), 'a')!.node)).toEqual(['a', 'b', 'c']);
    expect(refusal(() => removeCategory(chain(), 'c'))).toBe('not-empty: 请先清除该分类下内容再进行删除');
    expect(refusal(() => removeCategory(chain(), UNCATEGORIZED_ID))).toBe('invalid: “未分类”不能删除');
    expect(refusal(() => removeCategory(chain(), 'gone'))).toBe('not-found: 分类不存在或已删除');
  });
});

import { describe, expect, it } from 'vitest';

import {
  cutName,
  itemCount,
  KnowledgeCategoryNode,
  moveRequestOf,
  nodeMenu,
  ROOT_KEY,
} from './knowledge.models';

const node = (id: string, children: KnowledgeCategoryNode[] = [], fixed = false): KnowledgeCategoryNode => ({
  id,
  name: id,
  fixed,
  children,
});

// 未分类, then a 4-level chain a > b > c > d, and a lone e.
const tree = (): KnowledgeCategoryNode[] => [
  node('none', [], true),
  node('a', [node('b', [node('c', [node('d')])])]),
  node('e'),
];

describe('cutName', () => {
  it('keeps 30 characters and cuts longer names with "..."', () => {
    const thirty = '分'.repeat(30);
    expect(cutName(thirty)).toBe(thirty);
    expect(cutName(`${thirty}类`)).toBe(`${thirty}...`);
  });

  it('counts characters, not UTF-16 halves', () => {
    expect(cutName('😀'.repeat(31))).toBe(`${'😀'.repeat(30)}...`);
  });
});

describe('nodeMenu', () => {
  it('offers 添加子菜单 above the 4th level only', () => {
    expect(nodeMenu(node('x'), 1).addChild).toBe(true);
    expect(nodeMenu(node('x'), 3).addChild).toBe(true);
    expect(nodeMenu(node('x'), 4)).toEqual({ addChild: false, rename: true, remove: true });
  });

  it('offers nothing on 未分类', () => {
    expect(nodeMenu(node('none', [], true), 1)).toEqual({ addChild: false, rename: false, remove: false });
  });
});

describe('itemCount', () => {
  it('adds the descendants’ items to a category’s own, and every category’s for the root', () => {
    const t = { kind: 'scripts' as const, categories: tree(), counts: { none: 1, a: 2, c: 3, e: 4 } };
    expect(itemCount(t, 'a')).toBe(5);
    expect(itemCount(t, 'd')).toBe(0);
    expect(itemCount(t, null)).toBe(10);
  });
});

describe('moveRequestOf', () => {
  it('drops inside a category at the end of its children', () => {
    expect(moveRequestOf(tree(), 'e', 'b', 0)).toEqual({ move: { parentId: 'b', index: 1 } });
  });

  it('drops before or after a sibling, counting siblings without the dragged one', () => {
    expect(moveRequestOf(tree(), 'e', 'a', -1)).toEqual({ move: { parentId: null, index: 1 } });
    expect(moveRequestOf(tree(), 'e', 'a', 1)).toEqual({ move: { parentId: null, index: 2 } });
    expect(moveRequestOf(tree(), 'a', 'e', 1)).toEqual({ move: { parentId: null, index: 2 } });
    expect(moveRequestOf(tree(), 'd', 'e', -1)).toEqual({ move: { parentId: null, index: 2 } });
  });

  it('drops on the root as the last first-level category', () => {
    expect(moveRequestOf(tree(), 'd', ROOT_KEY, 0)).toEqual({ move: { parentId: null, index: 3 } });
    expect(moveRequestOf(tree(), 'd', ROOT_KEY, 1)).toHaveProperty('refused');
  });

  it('refuses moves past the 4th level', () => {
    expect(moveRequestOf(tree(), 'e', 'd', 0)).toEqual({ refused: '分类最多4级' });
    expect(moveRequestOf(tree(), 'a', 'e', 0)).toEqual({ refused: '分类最多4级' });
    expect(moveRequestOf(tree(), 'b', 'e', 0)).toEqual({ move: { parentId: 'e', index: 0 } });
    expect(moveRequestOf(tree(), 'c', 'e', 0)).toEqual({ move: { parentId: 'e', index: 0 } });
  });

  it('refuses moving the root, 未分类, into 未分类 and below itself', () => {
    expect(moveRequestOf(tree(), ROOT_KEY, 'e', 0)).toEqual({ refused: '全部问题不能移动' });
    expect(moveRequestOf(tree(), 'none', 'e', 1)).toHaveProperty('refused');
    expect(moveRequestOf(tree(), 'e', 'none', 0)).toHaveProperty('refused');
    expect(moveRequestOf(tree(), 'a', 'c', 0)).toHaveProperty('refused');
    expect(moveRequestOf(tree(), 'e', 'none', 1)).toEqual({ move: { parentId: null, index: 1 } });
  });
});

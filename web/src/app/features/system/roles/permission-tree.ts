import { NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';

import { PermissionNode } from './roles.models';

/**
 * A checkbox tree cannot say "this page, but none of its buttons": checking a parent checks all its
 * children. So every page with buttons gets a first leaf "查看" standing for the page itself, and the
 * role's keys travel to and from the tree through the leaves only.
 */
const VIEW_SUFFIX = '#view';

export function toPermissionTreeNodes(nodes: readonly PermissionNode[], depth = 0): NzTreeNodeOptions[] {
  return nodes.map((node) => {
    const children = node.children ?? [];
    if (children.length === 0) return { key: node.key, title: node.title, isLeaf: true };
    const view = depth > 0 ? [{ key: node.key + VIEW_SUFFIX, title: '查看', isLeaf: true }] : [];
    return {
      key: node.key,
      title: node.title,
      expanded: depth === 0,
      children: [...view, ...toPermissionTreeNodes(children, depth + 1)],
    };
  });
}

function leavesOf(nodes: readonly NzTreeNodeOptions[]): string[] {
  return nodes.flatMap((node) => (node.children?.length ? leavesOf(node.children) : [node.key]));
}

/** The tree's checked leaves for a role's stored keys. */
export function checkedLeafKeys(
  tree: readonly NzTreeNodeOptions[],
  permissions: readonly string[],
): string[] {
  const granted = new Set(permissions);
  return leavesOf(tree).filter((leaf) => granted.has(leaf.replace(VIEW_SUFFIX, '')));
}

/**
 * The keys to store for what is checked in the tree: a checked node stands for all its leaves (nz-tree
 * may report only the topmost checked node), and "查看" for its page. The server adds the ancestors.
 */
export function permissionsFromChecked(
  tree: readonly NzTreeNodeOptions[],
  checkedKeys: readonly string[],
): string[] {
  const checked = new Set(checkedKeys);
  const collect = (nodes: readonly NzTreeNodeOptions[], parentChecked: boolean): string[] =>
    nodes.flatMap((node) => {
      const isChecked = parentChecked || checked.has(node.key);
      if (node.children?.length) return collect(node.children, isChecked);
      return isChecked ? [node.key.replace(VIEW_SUFFIX, '')] : [];
    });
  return [...new Set(collect(tree, false))];
}

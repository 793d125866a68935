import { NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';

import { Department } from './org.models';

/** Key of the synthetic corp node, used only when the corp has no single root department. */
export const CORP_NODE_KEY = 'corp';

/** Larger WeCom `order` first; ties by id so the tree is stable. */
const bySiblingOrder = (a: Department, b: Department): number => b.order - a.order || a.id - b.id;

/**
 * Builds the nz-tree nodes for the flat department list, with the corp name as the root (R-7.1.1-03).
 * WeCom's single root department (parentId 0) becomes that root node; when there are several (or none),
 * a synthetic corp node holds them. Departments whose parent is missing hang under the root.
 */
export function buildDepartmentTree(
  corpName: string,
  departments: readonly Department[],
): NzTreeNodeOptions[] {
  const ids = new Set(departments.map((d) => d.id));
  const childrenOf = new Map<number, Department[]>();
  const tops: Department[] = [];
  for (const department of departments) {
    const isTop =
      department.parentId === 0 || department.parentId === department.id || !ids.has(department.parentId);
    if (isTop) {
      tops.push(department);
    } else {
      const siblings = childrenOf.get(department.parentId) ?? [];
      siblings.push(department);
      childrenOf.set(department.parentId, siblings);
    }
  }

  const toNode = (department: Department, seen: Set<number>): NzTreeNodeOptions => {
    seen.add(department.id);
    const children = (childrenOf.get(department.id) ?? [])
      .filter((child) => !seen.has(child.id))
      .sort(bySiblingOrder)
      .map((child) => toNode(child, seen));
    return {
      key: String(department.id),
      title: department.name,
      children,
      isLeaf: children.length === 0,
      writeBack: department.writeBack,
    };
  };

  const roots = tops.filter((d) => d.parentId === 0);
  const seen = new Set<number>();
  if (roots.length === 1) {
    const [root] = roots;
    const node = toNode(root, seen);
    const orphans = tops
      .filter((d) => d !== root)
      .sort(bySiblingOrder)
      .map((d) => toNode(d, seen));
    const children = [...(node.children ?? []), ...orphans];
    return [
      {
        ...node,
        title: corpName || root.name,
        children,
        isLeaf: children.length === 0,
        expanded: true,
        isCorpRoot: true,
      },
    ];
  }

  const children = [...tops].sort(bySiblingOrder).map((d) => toNode(d, seen));
  return [
    {
      key: CORP_NODE_KEY,
      title: corpName || '全部',
      children,
      isLeaf: children.length === 0,
      expanded: true,
    },
  ];
}

/** The department a tree key filters by; null for the synthetic corp node (the whole corp). */
export function departmentIdOfKey(key: string): number | null {
  if (key === CORP_NODE_KEY) return null;
  const id = Number(key);
  return Number.isInteger(id) ? id : null;
}

/**
 * nz-tree refuses a drop *into* a leaf, yet any department may receive a sub-department (R-7.1.1-07). While
 * the tree is editable every node is therefore a non-leaf; `empty` lets the template hide the expand icon
 * of those that have no children.
 */
export function asDropTargets(nodes: readonly NzTreeNodeOptions[]): NzTreeNodeOptions[] {
  return nodes.map((node) => {
    const children = asDropTargets(node.children ?? []);
    return { ...node, children, isLeaf: false, empty: children.length === 0 };
  });
}

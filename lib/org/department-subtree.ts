/** A department id with its parent's, as the department collection stores them (root: parentId 0). */
export interface DepartmentLink {
  deptId: number;
  parentId: number;
}

/** The given departments and every department below them (I-98, 本部门及以下), each id once. */
export function departmentSubtrees(
  departments: readonly DepartmentLink[],
  rootIds: readonly number[],
): number[] {
  const children = new Map<number, number[]>();
  for (const d of departments) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.deptId]);
  const seen = new Set<number>();
  const pending = [...rootIds];
  while (pending.length > 0) {
    const id = pending.pop() as number;
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(children.get(id) ?? []));
  }
  return [...seen];
}

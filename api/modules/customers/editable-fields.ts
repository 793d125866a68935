import { badRequest } from '../../http/app-error';

/**
 * Refuses an edit naming a field this kind of customer does not let 微丰 change: WeCom supplies it
 * (R-3.1.2-03/04, R-3.1.2-11). Fields left undefined are not part of the edit.
 */
export function refuseUneditable<F extends string>(
  edit: Partial<Record<F, string>>,
  allowed: ReadonlySet<string>,
  labels: Record<F, string>,
): void {
  const refused = (Object.keys(edit) as F[]).find(
    (field) => edit[field] !== undefined && !allowed.has(field),
  );
  if (refused) {
    throw badRequest(`企业微信客户的${labels[refused]}由企业微信同步，不可编辑`, 'FIELD_NOT_EDITABLE');
  }
}

/** The fields after an edit: the edited ones replaced, the rest as they were. */
export function applyEdit<F extends string>(
  before: Record<F, string>,
  edit: Partial<Record<F, string>>,
): Record<F, string> {
  const after = { ...before };
  for (const field of Object.keys(edit) as F[]) {
    const value = edit[field];
    if (value !== undefined) after[field] = value;
  }
  return after;
}

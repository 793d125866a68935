/**
 * What 标签管理 asks WeCom to do (I-105: every create, edit and delete of 企业微信标签 is written through).
 * The api saves the change locally at once and hands one of these to the tenant's corp-tag-writes workflow,
 * which applies them in order. Writes name tags and groups by a key that is either WeCom's `et…` id or the
 * `pending-…` id a tag had before WeCom created it, and carry no names or orders: the activity reads the
 * current local state when it runs, so a rename made while WeCom was down is sent once, as it is now.
 */
export type CorpTagWrite = { writeId: string } & (
  | { kind: 'create-group'; groupKey: string }
  | { kind: 'create-tags'; groupKey: string; tagKeys: string[] }
  | { kind: 'rename'; target: 'group' | 'tag'; key: string }
  | { kind: 'reorder'; target: 'group' | 'tag'; keys: string[] }
  /**
   * WeCom ids only (a tag WeCom never had needs no delete); a group's tags go with the group.
   * `customerTagIds`: every tag that leaves, the group's included, to take off the customers.
   */
  | { kind: 'delete'; tagIds: string[]; groupIds: string[]; customerTagIds: string[] }
);

/** Tags and groups made here carry this id until WeCom gives them theirs. */
export const PENDING_ID_PREFIX = 'pending-';

export function isPendingId(id: string): boolean {
  return id.startsWith(PENDING_ID_PREFIX);
}

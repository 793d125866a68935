import type {
  addTagRequestSchema,
  CorpTagGroupView,
  CorpTagView,
  GroupTagGroupView,
} from '@contracts/tags.contract';
import type { z } from 'zod';

/**
 * 标签管理 as the api serves it (lib/contracts/tags.contract.ts): one page shows both kinds, so a tag
 * is a 群标签's shape plus the 企业微信标签's write-through fields when it has them.
 */
type WriteThrough = Partial<Pick<CorpTagView, 'pending' | 'writeError'>>;

export type Tag = GroupTagGroupView['tags'][number] & WriteThrough;
export type TagColor = Tag['color'];

export type TagGroup = Omit<GroupTagGroupView, 'tags'> &
  Partial<Pick<CorpTagGroupView, 'pending' | 'writeError'>> & { tags: Tag[] };

/** 企业微信标签 (written through to WeCom) or 群标签 (local). */
export type TagKind = 'corp' | 'group';

/** POST …/tags body (name and colour). */
export type TagInput = z.infer<typeof addTagRequestSchema>;

/** The palette of R-7.3.1-03 (four colours). */
export const TAG_COLORS: ReadonlyArray<{ value: TagColor; label: string; hex: string }> = [
  { value: 'blue', label: '蓝色', hex: '#1677ff' },
  { value: 'green', label: '绿色', hex: '#52c41a' },
  { value: 'orange', label: '橙色', hex: '#fa8c16' },
  { value: 'red', label: '红色', hex: '#f5222d' },
];

export const TAG_NAME_MAX = 30;

export function tagColorHex(color: TagColor): string {
  return TAG_COLORS.find((c) => c.value === color)?.hex ?? TAG_COLORS[0].hex;
}

/** The ids in their new order after a drag from `from` to `to`. */
export function movedIds(items: ReadonlyArray<{ id: string }>, from: number, to: number): string[] {
  const ids = items.map((item) => item.id);
  const [moved] = ids.splice(from, 1);
  ids.splice(to, 0, moved);
  return ids;
}

/** 标签管理 as the api serves it (lib/contracts/tags.contract.ts). */
export type TagColor = 'blue' | 'green' | 'orange' | 'red';

export interface Tag {
  id: string;
  name: string;
  color: TagColor;
  order: number;
  /** 企业微信标签 only: WeCom has not created it yet. */
  pending?: boolean;
  writeError?: string | null;
}

export interface TagGroup {
  id: string;
  name: string;
  order: number;
  createdAt: string | null;
  pending?: boolean;
  writeError?: string | null;
  tags: Tag[];
}

/** 企业微信标签 (written through to WeCom) or 群标签 (local). */
export type TagKind = 'corp' | 'group';

export interface TagInput {
  name: string;
  color: TagColor;
}

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

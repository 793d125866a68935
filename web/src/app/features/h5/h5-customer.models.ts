import type { corpTagOptionsSchema } from '@contracts/customer.contract';
import type { H5CustomerProfile, h5CustomerTaggingSchema } from '@contracts/h5.contract';
import type { z } from 'zod';

/** GET/PATCH /api/h5/customers/:externalUserid (lib/contracts/h5.contract.ts). */
export type { H5CustomerProfile } from '@contracts/h5.contract';

/** GET /api/h5/tag-options (`CorpTagOptions`): the corp tag groups the side panel can tag with. */
export type H5TagGroup = z.infer<typeof corpTagOptionsSchema>['tagGroups'][number];

/** POST /api/h5/customers/:externalUserid/tags. */
export type H5CustomerTagging = z.infer<typeof h5CustomerTaggingSchema>;

/** What the side panel sends for the tags chosen: the ones to put on and the ones to take off. */
export function tagChangeOf(
  current: ReadonlyArray<{ id: string }>,
  chosen: readonly string[],
): { addTagIds: string[]; removeTagIds: string[] } {
  const had = new Set(current.map((tag) => tag.id));
  const wanted = new Set(chosen);
  return {
    addTagIds: [...wanted].filter((id) => !had.has(id)),
    removeTagIds: [...had].filter((id) => !wanted.has(id)),
  };
}

export type H5CustomerEdit = Partial<Pick<H5CustomerProfile, 'corpName' | 'phone' | 'source'>>;

/** R-3.1.1-15. */
export const CUSTOMER_SOURCES = ['公众号', '线下门店', '官网', 'APP', '转介绍', '地推活动'] as const;

/** R-3.1.1-07: "@微信" for WeChat users, "@企业名称" for WeCom users of another company. */
export function customerSuffix(profile: Pick<H5CustomerProfile, 'type' | 'wecomCorpName'>): string {
  return profile.type === 1 ? '@微信' : `@${profile.wecomCorpName || '企业微信'}`;
}

/** R-3.1.4-01: empty details show 暂无. */
export function orNone(value: string): string {
  return value.trim() ? value : '暂无';
}

/** 添加时间 to the minute (R-3.1.4-01), in the viewer's time zone. */
export function minuteLabel(iso: string | null): string {
  if (!iso) return '暂无';
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

import type { OwnerDayGroupFigures } from '../contracts/analytics.contract';
import { OwnerDayGroupStatModel, type OwnerDayGroupStat } from '../models/owner-day-group-stat.model';
import { keyedReadModel } from './list-read-model';

/**
 * 统计分析's group owner × day read model: one document per OwnerDayGroupStat row with the figures shown, so
 * that 客户群聊分析 and 客户群沟通 are aggregations over at most 366 × owners documents. Written through
 * writeListRows by the daily rollup.
 */
export const OWNER_DAY_GROUP_STAT_INDEX_VERSION = 1;

export type OwnerDayGroupStatSource = Pick<
  OwnerDayGroupStat,
  '_id' | 'tenantId' | 'day' | 'owner' | 'ours' | 'wecom' | 'rolledUpAt'
>;

export const GROUP_FIGURE_FIELDS = [
  'chatTotal',
  'newChat',
  'chatHasMsg',
  'memberTotal',
  'newMember',
  'memberHasMsg',
  'msgTotal',
] as const satisfies ReadonlyArray<keyof OwnerDayGroupFigures>;

export interface OwnerDayGroupStatDocument extends OwnerDayGroupFigures {
  tenantId: string;
  day: string;
  owner: string;
  hasWecom: boolean;
  ours: OwnerDayGroupFigures;
  /** Zeros when hasWecom is false. */
  wecom: OwnerDayGroupFigures;
}

const figuresOf = (stored: Partial<OwnerDayGroupFigures> | null | undefined): OwnerDayGroupFigures =>
  Object.fromEntries(
    GROUP_FIGURE_FIELDS.map((field) => [field, stored?.[field] ?? 0]),
  ) as OwnerDayGroupFigures;

/** WeCom's figures where it answered for that owner and day (issue 17), ours otherwise. */
export function ownerDayGroupStatDocument(stat: OwnerDayGroupStatSource): OwnerDayGroupStatDocument {
  const ours = figuresOf(stat.ours);
  const wecom = figuresOf(stat.wecom);
  return {
    tenantId: stat.tenantId,
    day: stat.day,
    owner: stat.owner,
    hasWecom: Boolean(stat.wecom),
    ...(stat.wecom ? wecom : ours),
    ours,
    wecom,
  };
}

const STAT_FIELDS = { tenantId: 1, day: 1, owner: 1, ours: 1, wecom: 1, rolledUpAt: 1 } as const;
const figureMappings = {
  properties: Object.fromEntries(GROUP_FIGURE_FIELDS.map((field) => [field, { type: 'long' as const }])),
};

export const ownerDayGroupStatReadModel = keyedReadModel<OwnerDayGroupStatSource>({
  kind: 'owner-day-group-stats',
  version: OWNER_DAY_GROUP_STAT_INDEX_VERSION,
  sort: { field: ['day', 'owner'], order: ['desc', 'asc'] },
  properties: {
    tenantId: { type: 'keyword' },
    day: { type: 'date', format: 'yyyy-MM-dd' },
    owner: { type: 'keyword' },
    hasWecom: { type: 'boolean' },
    ...figureMappings.properties,
    ours: figureMappings,
    wecom: figureMappings,
  },
  // The _id already starts with the tenant.
  documentId: (_tenantId, key) => key,
  rows: OwnerDayGroupStatModel,
  key: '_id',
  fields: STAT_FIELDS,
  versionOf: (stat) => stat.rolledUpAt.getTime(),
  toDocument: ownerDayGroupStatDocument,
});

import type {
  AnalyticsRangeQuery,
  CustomerChatAnalysis,
  CustomerGroupAnalysis,
  CustomerOverview,
  GroupDetailQuery,
  GroupDetailRow,
} from '../../../lib/contracts/analytics.contract';
import { CUSTOMER_SOURCES } from '../../../lib/contracts/analytics.contract';
import { CorpTagGroupModel } from '../../../lib/models/corp-tag.model';
import { customerIndexNames } from '../../../lib/search/customer-index';
import { countCustomerLosses } from '../../../lib/search/customer-loss-index';
import type { ListSearch } from '../../../lib/search/list-read-model';
import { ownerDayGroupStatReadModel } from '../../../lib/search/owner-day-group-stat-index';
import { staffDayStatReadModel } from '../../../lib/search/staff-day-stat-index';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { analyticsStaff, statFilter, type AnalyticsStaff } from './analytics-scope';
import { aggregate, eachDay, perDay, sumAggregations, sumsOf, sumsPerDay } from './stat-aggregations';

type Deps = Pick<AppContext, 'listSearch'>;

const GROWTH_FIELDS = ['newApply', 'newContact', 'deletedByStaff', 'deletedByCustomer'] as const;
const SOURCE_FIELDS = { qrcode: 'sourceQrcode', card: 'sourceCard', other: 'sourceOther' } as const;

/** 客户概览 (R-6.1.1-*): the four cards, the 增长趋势 of every day, 客户来源分布 and 客户标签分布. */
export async function customerOverview(
  caller: Caller,
  query: AnalyticsRangeQuery,
  { listSearch }: Deps,
): Promise<CustomerOverview> {
  const staff = await analyticsStaff(caller, query.staff);
  const sourceFields = Object.values(SOURCE_FIELDS);
  const [aggregations, tags, lostCustomers] = await Promise.all([
    aggregate(listSearch, staffDayStatReadModel, statFilter(caller.tenantId, query, staff, 'userid'), {
      ...sumAggregations([...GROWTH_FIELDS, ...sourceFields]),
      days: perDay(sumAggregations(GROWTH_FIELDS)),
    }),
    customersPerTag(listSearch, caller.tenantId, staff),
    // Counted on the 流失客户 read model itself, so the figure and the list always agree.
    countCustomerLosses(
      listSearch,
      caller.tenantId,
      staff.userids ? { all: false, userids: staff.userids } : { all: true },
      query.from,
      query.to,
    ),
  ]);
  const sources = sumsOf(aggregations, sourceFields);
  return {
    cards: sumsOf(aggregations, GROWTH_FIELDS),
    trend: sumsPerDay(aggregations.days, eachDay(query.from, query.to), GROWTH_FIELDS),
    sources: CUSTOMER_SOURCES.map((source) => ({ source, count: sources[SOURCE_FIELDS[source]] })),
    tags,
    lostCustomers,
  };
}

/**
 * 客户标签分布 (R-6.1.1-05): how many customers of the staff in scope carry each corp tag now (the customers
 * still added by one of them), from the customer index; tags deleted in WeCom are left out.
 */
async function customersPerTag(
  search: ListSearch,
  tenantId: string,
  staff: AnalyticsStaff,
): Promise<CustomerOverview['tags']> {
  const groups = await CorpTagGroupModel.find({ tenantId }, { tags: 1 }).lean();
  const names = new Map(groups.flatMap((group) => group.tags.map((tag) => [tag.tagId, tag.name] as const)));
  if (names.size === 0) return [];
  const result = await search.es.search({
    index: customerIndexNames(search.indexPrefix).alias,
    size: 0,
    track_total_hits: false,
    query: {
      bool: {
        filter: [
          { term: { tenantId } },
          { term: { active: true } },
          ...(staff.userids ? [{ terms: { adderUserids: staff.userids } }] : []),
        ],
      },
    },
    aggs: { tags: { terms: { field: 'tagIds', include: [...names.keys()], size: names.size } } },
    // Before any customer was written the index does not exist yet: no tag has customers.
    ignore_unavailable: true,
    allow_no_indices: true,
  });
  const buckets =
    (result.aggregations?.tags as { buckets?: Array<{ key: string; doc_count: number }> } | undefined)
      ?.buckets ?? [];
  return buckets
    .map((bucket) => ({
      tagId: bucket.key,
      name: names.get(bucket.key) ?? bucket.key,
      count: bucket.doc_count,
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh'));
}

const CHAT_FIELDS = [
  'chatCnt',
  'messageCnt',
  'replyNumerator',
  'replyDenominator',
  'firstReplySeconds',
  'firstReplyCount',
] as const;

type ChatSums = Record<(typeof CHAT_FIELDS)[number], number>;
const chatFigures = (sums: ChatSums) => ({
  chatCnt: sums.chatCnt,
  messageCnt: sums.messageCnt,
  reply: { numerator: sums.replyNumerator, denominator: sums.replyDenominator },
  firstReply: { totalSeconds: sums.firstReplySeconds, count: sums.firstReplyCount },
});

/**
 * 客户聊天分析 (R-6.1.2-*): the cards and each day's figures, ratios as sums of numerators over sums of
 * denominators (I-88), which the admin formats.
 */
export async function customerChatAnalysis(
  caller: Caller,
  query: AnalyticsRangeQuery,
  { listSearch }: Deps,
): Promise<CustomerChatAnalysis> {
  const staff = await analyticsStaff(caller, query.staff);
  const aggregations = await aggregate(
    listSearch,
    staffDayStatReadModel,
    statFilter(caller.tenantId, query, staff, 'userid'),
    { ...sumAggregations(CHAT_FIELDS), days: perDay(sumAggregations(CHAT_FIELDS)) },
  );
  return {
    cards: chatFigures(sumsOf(aggregations, CHAT_FIELDS)),
    trend: sumsPerDay(aggregations.days, eachDay(query.from, query.to), CHAT_FIELDS).map(
      ({ day, ...sums }) => ({
        day,
        ...chatFigures(sums),
      }),
    ),
  };
}

/** The 客户群 figures of the cards and tables: totals are as of a day, the others counted over the days. */
const GROUP_TOTAL_FIELDS = ['chatTotal', 'memberTotal'] as const;
const GROUP_COUNT_FIELDS = ['newChat', 'chatHasMsg', 'newMember', 'memberHasMsg'] as const;
const GROUP_DAY_FIELDS = [...GROUP_TOTAL_FIELDS, ...GROUP_COUNT_FIELDS] as const;

/**
 * 客户群聊分析 (R-6.1.3-02/03/05): 群聊总数 and 群成员总数 as of the range's last day, the other cards summed
 * over the range; each day's figures for the two trends.
 */
export async function customerGroupAnalysis(
  caller: Caller,
  query: AnalyticsRangeQuery,
  { listSearch }: Deps,
): Promise<CustomerGroupAnalysis> {
  const staff = await analyticsStaff(caller, query.staff);
  const aggregations = await aggregate(
    listSearch,
    ownerDayGroupStatReadModel,
    statFilter(caller.tenantId, query, staff, 'owner'),
    {
      ...sumAggregations(GROUP_COUNT_FIELDS),
      lastDay: {
        filter: { term: { day: query.to } },
        aggs: sumAggregations(GROUP_TOTAL_FIELDS),
      },
      days: perDay(sumAggregations(GROUP_DAY_FIELDS)),
    },
  );
  return {
    cards: {
      ...sumsOf(aggregations.lastDay, GROUP_TOTAL_FIELDS),
      ...sumsOf(aggregations, GROUP_COUNT_FIELDS),
    },
    trend: sumsPerDay(aggregations.days, eachDay(query.from, query.to), GROUP_DAY_FIELDS),
  };
}

/**
 * 群聊明细 / 群成员明细 (R-6.1.3-04/06): the range's days, newest first (every day, zeros included, as the
 * trend), a page at a time; 员工/部门 is 全公司 or the chosen staff (I-90).
 */
export async function groupDetailPage(
  caller: Caller,
  query: GroupDetailQuery,
  deps: Deps,
): Promise<{ items: GroupDetailRow[]; total: number; page: number; pageSize: number }> {
  const days = eachDay(query.from, query.to).reverse();
  const pageDays = days.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const items =
    pageDays.length === 0 ? [] : await groupDetailRows(caller, { ...query, days: pageDays }, deps);
  return { items, total: days.length, page: query.page, pageSize: query.pageSize };
}

/** The rows of some days of the range (newest first), for a page or the whole export. */
export async function groupDetailRows(
  caller: Caller,
  query: { days: readonly string[]; staff?: string[] },
  { listSearch }: Deps,
): Promise<GroupDetailRow[]> {
  const staff = await analyticsStaff(caller, query.staff);
  const range = { from: query.days[query.days.length - 1], to: query.days[0] };
  const aggregations = await aggregate(
    listSearch,
    ownerDayGroupStatReadModel,
    statFilter(caller.tenantId, range, staff, 'owner'),
    { days: perDay(sumAggregations(GROUP_DAY_FIELDS)) },
  );
  return sumsPerDay(aggregations.days, query.days, GROUP_DAY_FIELDS).map((row) => ({
    ...row,
    scopeLabel: staff.scopeLabel,
  }));
}

/**
 * 知识库 at 10,000 items per kind in one tenant (issue 15 item 6): loads 话术, 常用语 and 常用链接 with usage rows
 * into a bench database and the knowledge index (bulk inserts into MongoDB, bulk indexing through the product's
 * own projection), then times the api's real code paths — the side panel's search and a library's list (category
 * tree read, index query, category names) — next to the raw ceiling: a bare Elasticsearch query of the same
 * shape (same filter, sort and page, no tree reads). Also the list sorted by 使用次数, one item's count (its
 * tally, lib/knowledge/usage-tally.ts) and one 发送 (usage row, tally slot, index write).
 *
 *   BENCH_KNOWLEDGE_ITEMS=10000   items per kind (a smaller number for a quick run)
 *   BENCH_RUNS=20                 timed runs per query (after 2 warm-ups)
 */
import { Client as ElasticsearchClient, type estypes } from '@elastic/elasticsearch';
import mongoose, { Types } from 'mongoose';
import type { Caller } from '../api/auth/caller';
import { createCategory } from '../api/modules/knowledge/knowledge-categories.use-case';
import {
  listKnowledgeItems,
  searchKnowledgeForPanel,
  useKnowledgeItem,
} from '../api/modules/knowledge/knowledge-items.use-case';
import type { KnowledgeKind } from '../lib/contracts/knowledge.contract';
import { connectDatabase, disconnectDatabase } from '../lib/db/connect';
import { usageCountOf } from '../lib/knowledge/usage-tally';
import { KnowledgeItemModel } from '../lib/models/knowledge-item.model';
import { KnowledgeTreeHeadModel, KnowledgeTreeVersionModel } from '../lib/models/knowledge-tree.model';
import {
  KnowledgeUsageHeadModel,
  KnowledgeUsageModel,
  KnowledgeUsageSlotModel,
} from '../lib/models/knowledge-usage.model';
import { StaffModel } from '../lib/models/staff.model';
import { knowledgeReadModel, type KnowledgeItemSource } from '../lib/search/knowledge-index';
import { indexListSources, listIndexNames, type ListSearch } from '../lib/search/list-read-model';
import { substringPhrase } from '../lib/search/substring-tokens';
import { pointAliasAtCurrentIndex } from '../lib/search/versioned-index';
import { connectTemporalClient } from '../lib/temporal/connect-client';
import { percentile } from './support/percentile';

const TENANT = 'bench';
const PER_KIND = Number(process.env.BENCH_KNOWLEDGE_ITEMS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const BATCH = 5_000;
const KINDS: readonly KnowledgeKind[] = ['scripts', 'phrases', 'links'];
/** Uses per item: 0 … MAX_USES-1, so the 使用次数 sort has ties and spread. */
const MAX_USES = 6;
const TOPICS = [
  '退货',
  '退款',
  '发票',
  '物流',
  '优惠券',
  '会员',
  '积分',
  '售后',
  '安装',
  '保修',
  '价格',
  '库存',
];
const ASKS = ['怎么申请', '多久到账', '如何查询', '有什么规则', '可以取消吗', '需要什么材料', '在哪里看'];

/** A deterministic pseudo-random sequence, so every run loads the same data. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const pick = <T>(list: readonly T[], next: () => number) => list[Math.floor(next() * list.length)];

/** One item of a kind, in one of the kind's categories (or 未分类), with the item's words. */
function itemDocument(kind: KnowledgeKind, index: number, categoryId: string, next: () => number) {
  const topic = pick(TOPICS, next);
  const ask = pick(ASKS, next);
  const updatedAt = new Date(Date.UTC(2026, 0, 1) + index * 60_000);
  const common = {
    _id: new Types.ObjectId(),
    tenantId: TENANT,
    kind,
    categoryId,
    createdAt: updatedAt,
    updatedAt,
  };
  if (kind === 'scripts')
    return {
      ...common,
      question: `${topic}${ask}（${index}）`,
      similar: Array.from(
        { length: Math.floor(next() * 4) },
        (_, k) => `${pick(TOPICS, next)}的问题${index}-${k}`,
      ),
      answer: `您好，关于${topic}：请在订单页操作，编号${index}。`,
    };
  if (kind === 'phrases') return { ...common, content: `亲，${topic}${ask}可以联系客服，编号${index}` };
  return {
    ...common,
    name: `${topic}说明${index}`,
    url: `https://example.com/${kind}/${index}`,
    title: `${topic}${ask}`,
    description: '',
    coverUrl: '',
  };
}

/** The kind's categories: 3 top-level, each with 3 children, made through the api's own use case. */
async function categoriesOf(caller: Caller, kind: KnowledgeKind): Promise<string[]> {
  const ids: string[] = [];
  for (let top = 0; top < 3; top += 1) {
    const parent = await createCategory(caller, { kind, name: `分类${top}`, parentId: null });
    ids.push(parent.id);
    for (let child = 0; child < 3; child += 1)
      ids.push((await createCategory(caller, { kind, name: `分类${top}-${child}`, parentId: parent.id })).id);
  }
  return ids;
}

/** Loads every kind: items and their usage rows into MongoDB, the items (with their counts) into the index. */
async function load(search: ListSearch, caller: Caller): Promise<{ usedItem: string; topCategory: string }> {
  const next = random(7);
  let usages = 0;
  let usedItem = '';
  let topCategory = '';
  for (const kind of KINDS) {
    const categories = [...(await categoriesOf(caller, kind)), 'uncategorized'];
    if (kind === 'scripts') topCategory = categories[0];
    for (let start = 0; start < PER_KIND; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, PER_KIND - start) }, (_, i) =>
        itemDocument(kind, start + i, pick(categories, next), next),
      );
      const counts = batch.map(() => Math.floor(next() * MAX_USES));
      // Each use as a press leaves it: its usage row, its slot of the item's tally, and the item's head.
      const uses = batch.flatMap((item, at) =>
        Array.from({ length: counts[at] }, (_, k) => ({
          itemId: item._id.toString(),
          k,
          at: item.updatedAt,
        })),
      );
      const rows = uses.map(({ itemId, k, at }) => ({
        _id: `${TENANT}|load-${itemId}-${k}`,
        tenantId: TENANT,
        itemId,
        action: 'send',
        staffId: caller.staffId,
        at,
        tallyFrom: k,
        slot: k + 1,
      }));
      const slots = uses.map(({ itemId, k }) => ({
        _id: `${TENANT}|${itemId}|${k + 1}`,
        tenantId: TENANT,
        itemId,
        actionId: `load-${itemId}-${k}`,
      }));
      const heads = batch.flatMap((item, at) =>
        counts[at] ? [{ _id: `${TENANT}|${item._id.toString()}`, tenantId: TENANT, slot: counts[at] }] : [],
      );
      usages += rows.length;
      usedItem ||= batch[0]._id.toString();
      // The driver's collections: no mongoose hooks, so the index is filled in bulk below, not per write.
      await Promise.all([
        KnowledgeItemModel.collection.insertMany(batch, { ordered: false }),
        rows.length ? KnowledgeUsageModel.collection.insertMany(rows as never[], { ordered: false }) : null,
        slots.length
          ? KnowledgeUsageSlotModel.collection.insertMany(slots as never[], { ordered: false })
          : null,
        heads.length
          ? KnowledgeUsageHeadModel.collection.insertMany(heads as never[], { ordered: false })
          : null,
        indexListSources(
          search,
          knowledgeReadModel,
          batch.map((item, at) => ({ ...item, usageCount: counts[at] }) as KnowledgeItemSource),
        ),
      ]);
    }
  }
  console.log(`  ${usages.toLocaleString('en')} usage rows`);
  return { usedItem, topCategory };
}

async function time(label: string, run: () => Promise<{ total: number }>): Promise<void> {
  let total = 0;
  for (let i = 0; i < 2; i += 1) total = (await run()).total;
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const began = performance.now();
    await run();
    samples.push(performance.now() - began);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => percentile(samples, p).toFixed(1);
  console.log(
    `  ${label.padEnd(58)} p50 ${at(50).padStart(7)} ms   p95 ${at(95).padStart(7)} ms   (total ${total})`,
  );
}

async function main(): Promise<void> {
  const url = new URL(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27117/scrm_test');
  url.pathname = '/scrm_bench_knowledge';
  await connectDatabase(url.toString());
  const es = new ElasticsearchClient({
    node: process.env.ES_URL ?? 'http://127.0.0.1:9210',
    requestTimeout: 120_000,
  });
  const temporal = await connectTemporalClient(process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7243', 'default');
  const search: ListSearch = { es, indexPrefix: 'bench-', temporal, taskQueue: 'bench-unpolled' };
  const names = listIndexNames(knowledgeReadModel.kind, knowledgeReadModel.version, search.indexPrefix);
  // The operator the audit rows of the category changes name.
  const staffId = new Types.ObjectId().toString();
  const caller: Caller = {
    tenantId: TENANT,
    staffId,
    userid: 'bench',
    isSuperAdmin: true,
    permissions: new Set(),
    scope: async () => ({ all: true, userids: [] }),
  };

  // A clean slate from an earlier, interrupted run; then the indexes the product creates.
  await mongoose.connection.dropDatabase();
  for (const model of [
    KnowledgeItemModel,
    KnowledgeUsageModel,
    KnowledgeTreeHeadModel,
    KnowledgeTreeVersionModel,
  ])
    await model.createIndexes();
  await es.indices.delete({ index: names.index }, { ignore: [404] });
  // Created here, so no refill workflow is started: the loader fills it.
  await pointAliasAtCurrentIndex(es, names, {
    settings: knowledgeReadModel.settings,
    mappings: knowledgeReadModel.mappings,
  });

  await StaffModel.create({ _id: staffId, tenantId: TENANT, userid: 'bench', name: '基准' });

  console.log(`知识库: ${PER_KIND.toLocaleString('en')} items per kind, one tenant`);
  const began = Date.now();
  await es.indices.putSettings({ index: names.index, settings: { refresh_interval: '-1' } });
  const { usedItem, topCategory } = await load(search, caller);
  await es.indices.putSettings({ index: names.index, settings: { refresh_interval: '1s' } });
  await es.indices.refresh({ index: names.index });
  const loadMs = Date.now() - began;
  console.log(
    `  load ${(loadMs / 1000).toFixed(1)} s for ${(PER_KIND * KINDS.length).toLocaleString('en')} items`,
  );

  const deps = { listSearch: search };
  const page = { page: 1, pageSize: 20 };
  /** The index query the api sends (lib/search/knowledge-index.ts), bare: no tree or name reads around it. */
  const raw = async (filter: estypes.QueryDslQueryContainer[], sort: estypes.Sort, from = 0) => {
    const result = await es.search({
      index: names.alias,
      query: { bool: { filter: [{ term: { tenantId: TENANT } }, ...filter] } },
      sort,
      from,
      size: 20,
      track_total_hits: true,
      _source: ['row'],
    });
    const total = result.hits.total;
    return { total: typeof total === 'number' ? total : (total?.value ?? 0) };
  };
  const phrase = (keyword: string) => {
    const { field, phrase: query } = substringPhrase(keyword);
    return { match_phrase: { [`text.${field}`]: { query, analyzer: 'standard' } } };
  };
  const newest: estypes.Sort = [{ updatedAt: { order: 'desc' } }, { itemId: { order: 'desc' } }];
  const byUse: estypes.Sort = [{ usageCount: { order: 'desc' } }, ...newest];

  for (const [label, keyword] of [
    ['side panel search, 3 kinds, "退款" (2 chars)', '退款'],
    ['side panel search, 3 kinds, "怎么申请" (4 chars)', '怎么申请'],
    ['side panel search, 3 kinds, "12345" (digits, rare)', '12345'],
  ] as const) {
    await time(`${label}: api`, () => searchKnowledgeForPanel(caller, { keyword, ...page }, deps));
    await time(`${label}: raw ES`, () => raw([phrase(keyword)], newest));
  }
  await time('话术库 list, newest first: api', () =>
    listKnowledgeItems(caller, 'scripts', { sort: 'updatedAt', order: 'desc', ...page }, deps),
  );
  await time('话术库 list, newest first: raw ES', () => raw([{ term: { kind: 'scripts' } }], newest));
  await time('话术库 list by 使用次数: api', () =>
    listKnowledgeItems(caller, 'scripts', { sort: 'usageCount', order: 'desc', ...page }, deps),
  );
  await time('话术库 list by 使用次数: raw ES', () => raw([{ term: { kind: 'scripts' } }], byUse));
  await time('话术库 category (1 of 3 top, + children) by 使用次数: api', () =>
    listKnowledgeItems(
      caller,
      'scripts',
      { categoryId: topCategory, sort: 'usageCount', order: 'desc', ...page },
      deps,
    ),
  );
  await time('话术库 "发票" by 使用次数, page 20: api', () =>
    listKnowledgeItems(
      caller,
      'scripts',
      { keyword: '发票', sort: 'usageCount', order: 'desc', page: 20, pageSize: 20 },
      deps,
    ),
  );
  await time('话术库 "发票" by 使用次数, page 20: raw ES', () =>
    raw([{ term: { kind: 'scripts' } }, phrase('发票')], byUse, 19 * 20),
  );
  // The count a use answers with and every index write of the item reads: the tally's head and last slot.
  await time('使用次数 of one item (its tally)', async () => ({
    total: await usageCountOf(TENANT, usedItem),
  }));
  let press = 0;
  // Waits for the index's refresh (wait_for, up to refresh_interval 1 s), so the list shows the new count.
  await time('发送 one item (usage row, count, index write + refresh)', async () => {
    press += 1;
    const used = await useKnowledgeItem(
      caller,
      { itemId: usedItem, action: 'send', actionId: `bench-${press}` },
      deps,
    );
    return { total: used.usageCount };
  });

  await es.indices.delete({ index: names.index }, { ignore: [404] });
  await mongoose.connection.dropDatabase();
  await disconnectDatabase();
  await es.close();
  await temporal.connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

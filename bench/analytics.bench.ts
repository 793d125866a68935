/**
 * 统计分析 at one year × 300 staff (issue 17 item 7): loads a staff × day and an owner × day row for every member
 * and day of 366 days into a bench database and the two read models (bulk inserts, bulk indexing through the
 * product's own projections), then times the api's real code paths of each page at the widest range and at 7
 * days — 客户概览, 客户聊天分析, 客户群聊分析, 群聊明细, 员工分析's 客户沟通 and 客户群沟通 (sorted by a ratio, the
 * api's own sort) — next to the raw ceiling: one bare Elasticsearch aggregation of the same shape (sums per
 * day, and sums per member).
 *
 *   BENCH_ANALYTICS_STAFF=300   members (each also a group owner)
 *   BENCH_ANALYTICS_DAYS=366    days ending 2026-11-30
 *   BENCH_RUNS=20               timed runs per query (after 2 warm-ups)
 *   BENCH_ANALYTICS_MESSAGES=100000  archived single-chat messages of the day the rollup is timed on
 *
 * Last, the rollup of one day (lib/analytics/roll-up-day.ts: the day's events, its archived messages by
 * {tenantId, day} with one projected cursor, the groups, the rows written through the read model) over that
 * many messages, next to the raw ceiling: the same cursor read alone. The day lies more than 180 days back, so
 * WeCom is not asked (its calls are the simulator's, not ours, to time).
 */
import { Client as ElasticsearchClient, type estypes } from '@elastic/elasticsearch';
import mongoose from 'mongoose';
import type { Caller } from '../api/auth/caller';
import {
  customerChatAnalysis,
  customerGroupAnalysis,
  customerOverview,
  groupDetailPage,
} from '../api/modules/analytics/customer-analysis.use-case';
import { staffContactPage, staffGroupPage } from '../api/modules/analytics/staff-analysis.use-case';
import { rollUpDay } from '../lib/analytics/roll-up-day';
import { connectDatabase, disconnectDatabase } from '../lib/db/connect';
import { ChatMessageModel } from '../lib/models/chat-message.model';
import { OwnerDayGroupStatModel } from '../lib/models/owner-day-group-stat.model';
import { StaffDayStatModel } from '../lib/models/staff-day-stat.model';
import { StaffModel } from '../lib/models/staff.model';
import {
  indexListSources,
  listIndexNames,
  type ListReadModel,
  type ListSearch,
} from '../lib/search/list-read-model';
import {
  ownerDayGroupStatReadModel,
  type OwnerDayGroupStatSource,
} from '../lib/search/owner-day-group-stat-index';
import { staffDayStatReadModel, type StaffDayStatSource } from '../lib/search/staff-day-stat-index';
import { pointAliasAtCurrentIndex } from '../lib/search/versioned-index';
import { connectTemporalClient } from '../lib/temporal/connect-client';
import { WeComClient } from '../lib/wecom/client';
import { createStatisticsApi } from '../lib/wecom/statistics-api';
import { percentile } from './support/percentile';

const TENANT = 'bench';
const STAFF = Number(process.env.BENCH_ANALYTICS_STAFF ?? 300);
const DAYS = Number(process.env.BENCH_ANALYTICS_DAYS ?? 366);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const MESSAGES = Number(process.env.BENCH_ANALYTICS_MESSAGES ?? 100_000);
/** Messages per single chat of the rollup's day: customer first, then the member's replies. */
const PER_CHAT = 10;
const BATCH = 5_000;
const LAST_DAY = Date.UTC(2026, 10, 30);

const dayOf = (index: number) =>
  new Date(LAST_DAY - (DAYS - 1 - index) * 86_400_000).toISOString().slice(0, 10);
const useridOf = (index: number) => `staff${String(index).padStart(4, '0')}`;

/** A deterministic pseudo-random sequence, so every run loads the same figures. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((state / 2_147_483_648) * below);
  };
}

function staffDay(day: string, userid: string, next: (below: number) => number): StaffDayStatSource {
  const started = next(20);
  const replied = next(started + 1);
  return {
    _id: `${TENANT}|${day}|${userid}`,
    tenantId: TENANT,
    day,
    userid,
    ours: {
      newApply: next(5),
      newContact: next(8),
      deletedByStaff: next(2),
      deletedByCustomer: next(2),
      chatCnt: next(30),
      messageCnt: next(200),
      reply: { numerator: replied, denominator: started },
      firstReply: { totalSeconds: replied * next(1_800), count: replied },
      sources: { qrcode: next(4), card: next(2), other: next(3) },
    },
    wecom: null,
    rolledUpAt: new Date(),
  };
}

function ownerDay(
  day: string,
  owner: string,
  index: number,
  next: (below: number) => number,
): OwnerDayGroupStatSource {
  return {
    _id: `${TENANT}|${day}|${owner}`,
    tenantId: TENANT,
    day,
    owner,
    ours: {
      chatTotal: 5 + Math.floor(index / 30),
      newChat: next(2),
      chatHasMsg: next(5),
      memberTotal: 200 + index,
      newMember: next(10),
      memberHasMsg: next(40),
      msgTotal: next(500),
    },
    wecom: null,
    rolledUpAt: new Date(),
  };
}

/** Inserts the rows into MongoDB and indexes them through the read model's own projection, BATCH at a time. */
async function load<S extends { _id: string }>(
  search: ListSearch,
  model: ListReadModel<S>,
  insert: (rows: S[]) => Promise<unknown>,
  rows: () => Generator<S>,
): Promise<number> {
  const names = listIndexNames(model.kind, model.version, search.indexPrefix);
  await search.es.indices.delete({ index: names.index }, { ignore: [404] });
  // Created here, so no refill workflow is started: the loader fills it.
  await pointAliasAtCurrentIndex(search.es, names, { settings: model.settings, mappings: model.mappings });
  await search.es.indices.putSettings({ index: names.index, settings: { refresh_interval: '-1' } });
  let loaded = 0;
  let batch: S[] = [];
  const flush = async () => {
    await insert(batch);
    await indexListSources(search, model, batch);
    loaded += batch.length;
    batch = [];
  };
  for (const row of rows()) {
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  await search.es.indices.putSettings({ index: names.index, settings: { refresh_interval: '1s' } });
  await search.es.indices.refresh({ index: names.index });
  return loaded;
}

async function time(label: string, run: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 2; i += 1) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const began = performance.now();
    await run();
    samples.push(performance.now() - began);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => percentile(samples, p).toFixed(1);
  console.log(`  ${label.padEnd(62)} p50 ${at(50).padStart(7)} ms   p95 ${at(95).padStart(7)} ms`);
}

/** One day of single chats: a customer starts each, the member answers minutes later, back and forth. */
function* dayOfMessages(day: string): Generator<Record<string, unknown>> {
  const dayStart = Date.parse(`${day}T00:00:00+08:00`);
  for (let n = 0; n < MESSAGES; n += 1) {
    const chat = Math.floor(n / PER_CHAT);
    const staff = useridOf(chat % STAFF);
    const customer = `wm${String(chat).padStart(6, '0')}`;
    const fromCustomer = n % PER_CHAT === 0 || n % 3 === 0;
    yield {
      _id: `${TENANT}:bench-${n}`,
      tenantId: TENANT,
      msgid: `bench-${n}`,
      seq: n + 1,
      action: 'send',
      msgtype: 'text',
      from: fromCustomer ? customer : staff,
      senderType: fromCustomer ? 'external' : 'staff',
      tolist: [fromCustomer ? staff : customer],
      roomid: '',
      chatKind: 'external',
      conversationId: `single:${[staff, customer].sort().join('|')}`,
      staffUserids: [staff],
      externalUserids: [customer],
      msgtime: new Date(dayStart + (chat % 600) * 60_000 + (n % PER_CHAT) * 90_000),
      day,
      content: '您好',
    };
  }
}

async function timeRollup(search: ListSearch): Promise<void> {
  const day = '2026-03-01';
  let batch: Array<Record<string, unknown>> = [];
  const loadBegan = Date.now();
  for (const message of dayOfMessages(day)) {
    batch.push(message);
    if (batch.length >= BATCH) {
      await ChatMessageModel.insertMany(batch, { lean: true });
      batch = [];
    }
  }
  if (batch.length > 0) await ChatMessageModel.insertMany(batch, { lean: true });
  console.log(
    `  -- rollup of ${day}: ${MESSAGES.toLocaleString('en')} archived messages ` +
      `(loaded in ${((Date.now() - loadBegan) / 1000).toFixed(1)} s)`,
  );
  const readBegan = performance.now();
  let read = 0;
  for await (const message of ChatMessageModel.find(
    { tenantId: TENANT, day },
    { _id: 0, from: 1, senderType: 1, conversationId: 1, msgtime: 1 },
  )
    .lean()
    .cursor({ batchSize: 1_000 })) {
    if (message) read += 1;
  }
  const readMs = performance.now() - readBegan;
  const rollupBegan = performance.now();
  const result = await rollUpDay(
    {
      listSearch: search,
      // More than 180 days back: WeCom is not asked.
      statistics: createStatisticsApi(new WeComClient({ baseUrl: 'http://127.0.0.1:9' })),
      credentials: () => Promise.reject(new Error('WeCom is not asked for a day this old')),
      progress: () => undefined,
      now: () => new Date(),
    },
    { tenantId: TENANT, day },
  );
  const rollupMs = performance.now() - rollupBegan;
  const rate = (count: number, ms: number) => Math.round((count * 1000) / ms).toLocaleString('en');
  console.log(
    `  rollup (ours: events, messages, groups, ${result.staffRows} staff rows written): ` +
      `${(rollupMs / 1000).toFixed(1)} s, ${rate(MESSAGES, rollupMs)} messages/s`,
  );
  console.log(
    `  raw ceiling: the same day's cursor read alone: ${(readMs / 1000).toFixed(1)} s, ` +
      `${rate(read, readMs)} messages/s`,
  );
}

async function main(): Promise<void> {
  const url = new URL(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27117/scrm_test');
  url.pathname = '/scrm_bench_analytics';
  await connectDatabase(url.toString());
  const es = new ElasticsearchClient({
    node: process.env.ES_URL ?? 'http://127.0.0.1:9210',
    requestTimeout: 120_000,
  });
  const temporal = await connectTemporalClient(process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7243', 'default');
  const search: ListSearch = { es, indexPrefix: 'bench-', temporal, taskQueue: 'bench-unpolled' };
  const caller: Caller = {
    tenantId: TENANT,
    staffId: 'bench',
    userid: 'bench',
    isSuperAdmin: true,
    permissions: new Set(),
    scope: async () => ({ all: true, userids: [] }),
  };

  await mongoose.connection.dropDatabase();
  for (const model of [StaffDayStatModel, OwnerDayGroupStatModel, StaffModel, ChatMessageModel])
    await model.createIndexes();
  await StaffModel.insertMany(
    Array.from({ length: STAFF }, (_, i) => ({ tenantId: TENANT, userid: useridOf(i), name: `员工${i}` })),
  );

  console.log(`统计分析: ${STAFF} staff × ${DAYS} days, one tenant`);
  const began = Date.now();
  const next = random(17);
  const staffRows = await load(
    search,
    staffDayStatReadModel,
    (rows) => StaffDayStatModel.insertMany(rows, { lean: true }),
    function* () {
      for (let day = 0; day < DAYS; day += 1)
        for (let member = 0; member < STAFF; member += 1) yield staffDay(dayOf(day), useridOf(member), next);
    },
  );
  const ownerRows = await load(
    search,
    ownerDayGroupStatReadModel,
    (rows) => OwnerDayGroupStatModel.insertMany(rows, { lean: true }),
    function* () {
      for (let day = 0; day < DAYS; day += 1)
        for (let member = 0; member < STAFF; member += 1)
          yield ownerDay(dayOf(day), useridOf(member), member, next);
    },
  );
  console.log(
    `  load ${((Date.now() - began) / 1000).toFixed(1)} s for ${(staffRows + ownerRows).toLocaleString('en')} rows ` +
      `(MongoDB insertMany + bulk index, ${Math.round(((staffRows + ownerRows) * 1000) / (Date.now() - began))} rows/s)`,
  );

  const deps = { listSearch: search };
  const staffAlias = listIndexNames(
    staffDayStatReadModel.kind,
    staffDayStatReadModel.version,
    'bench-',
  ).alias;
  /** The bare aggregation: the same filter, sums per day or per member, nothing around it. */
  const raw = (range: { from: string; to: string }, by: 'day' | 'member') => {
    const sums: Record<string, estypes.AggregationsAggregationContainer> = {
      newContact: { sum: { field: 'newContact' } },
      replyNumerator: { sum: { field: 'replyNumerator' } },
      replyDenominator: { sum: { field: 'replyDenominator' } },
    };
    return es.search({
      index: staffAlias,
      size: 0,
      track_total_hits: false,
      query: {
        bool: {
          filter: [
            { term: { tenantId: TENANT } },
            { range: { day: { gte: range.from, lte: range.to, format: 'yyyy-MM-dd' } } },
          ],
        },
      },
      aggs: {
        by:
          by === 'day'
            ? { date_histogram: { field: 'day', calendar_interval: 'day' }, aggs: sums }
            : { terms: { field: 'userid', size: STAFF }, aggs: sums },
      },
    });
  };

  for (const [label, range] of [
    [`${DAYS} days`, { from: dayOf(0), to: dayOf(DAYS - 1) }],
    ['7 days', { from: dayOf(DAYS - 7), to: dayOf(DAYS - 1) }],
  ] as const) {
    console.log(`  -- ${label} (${range.from} … ${range.to}), all staff`);
    const page = { page: 1, pageSize: 20 };
    await time('客户概览: api', () => customerOverview(caller, range, deps));
    await time('客户聊天分析: api', () => customerChatAnalysis(caller, range, deps));
    await time('sums per day: raw ES', () => raw(range, 'day'));
    await time('客户群聊分析: api', () => customerGroupAnalysis(caller, range, deps));
    await time('群聊明细, page 1: api', () => groupDetailPage(caller, { ...range, ...page }, deps));
    await time('客户沟通 by 已回复聊天占比, page 1: api', () =>
      staffContactPage(caller, { ...range, ...page, sortBy: 'replyRatio', order: 'desc' }, deps),
    );
    await time('sums per member: raw ES', () => raw(range, 'member'));
    await time('客户群沟通 by 群聊消息总数, page 1: api', () =>
      staffGroupPage(caller, { ...range, ...page, sortBy: 'msgTotal', order: 'desc' }, deps),
    );
  }

  await timeRollup(search);

  for (const model of [staffDayStatReadModel, ownerDayGroupStatReadModel] as ListReadModel<unknown>[]) {
    await es.indices.delete(
      { index: listIndexNames(model.kind, model.version, 'bench-').index },
      { ignore: [404] },
    );
  }
  await mongoose.connection.dropDatabase();
  await disconnectDatabase();
  await es.close();
  await temporal.connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

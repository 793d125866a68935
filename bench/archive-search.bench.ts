/**
 * 内容存档 keyword search latency (R-5.1.1-04, issue 6) at 1M archived messages. Loading a million messages
 * through the full ingest would take hours on FerretDB, so the chat index is filled directly: generated
 * messages go through the ingest's own record builder (toChatMessageRecord) and bulk writer
 * (indexChatMessages) into an index made by ensureChatMessageIndex, so the documents have exactly the shape
 * and mapping the ingest writes. MongoDB gets only what the search path reads: departments and staff, for
 * resolving 数据权限. Each query is timed through the request's code path: the query schema, resolveStaffScope,
 * then searchArchiveMessages (tenant + subject + 数据权限 filters, the keyword's code-word phrase, newest first,
 * hits marked); the scope lookups and Elasticsearch's own `took` are printed beside the total, to show where the
 * time goes.
 *
 *   BENCH_ARCHIVE_MESSAGES=1000000   messages to load (default); e.g. 100000 for a quick run
 *   BENCH_RUNS=30                    timed runs per query (after 2 warm-ups)
 */
import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import mongoose from 'mongoose';
import { searchArchiveMessages } from '../api/modules/archive/archive-search.use-case';
import { resolveStaffScope, type ScopedCaller, type ScopedRole } from '../lib/access/data-scope';
import { toChatMessageRecord, type DecryptedMessage } from '../lib/archive/chat-message-record';
import { archiveSearchQuerySchema } from '../lib/contracts/archive.contract';
import { connectDatabase, disconnectDatabase } from '../lib/db/connect';
import { DepartmentModel } from '../lib/models/department.model';
import { StaffModel } from '../lib/models/staff.model';
import { ensureChatMessageIndex } from '../lib/search/chat-index-lifecycle';
import { chatIndexNames, indexChatMessages } from '../lib/search/chat-message-index';
import { chatText, random, zipf } from './support/chat-corpus';
import { percentile } from './support/percentile';

const TENANT = 'bench-archive';
/** Every tenth message belongs to another tenant, so the tenant filter has something to leave out. */
const OTHER_TENANT = 'bench-archive-other';
const MESSAGES = Number(process.env.BENCH_ARCHIVE_MESSAGES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const DEPARTMENTS = 20;
const STAFF_PER_DEPARTMENT = 10;
const STAFF = DEPARTMENTS * STAFF_PER_DEPARTMENT;
const CUSTOMERS = 50_000;
const GROUPS = 1_000;
const ES_BULK = 5_000;
const DAY_MS = 86_400_000;

const staffId = (i: number) => `staff-${i}`;
/** A WeCom-made external id (wm + 16 or more characters), as isExternalId expects. */
const customerId = (i: number) => `wm${String(i).padStart(16, '0')}`;
const departmentOf = (staff: number) => 2 + Math.floor(staff / STAFF_PER_DEPARTMENT);

/**
 * Who talks to whom: each customer is followed by one member and each group owned by one, half of them by a
 * few busy members (zipf) and half spread evenly, so staff-0 carries about a tenth of all chats.
 */
function people() {
  const next = random(17);
  const member = () => (next() < 0.5 ? zipf(next, STAFF) : Math.floor(next() * STAFF));
  const followerOf = Array.from({ length: CUSTOMERS }, member);
  const groups = Array.from({ length: GROUPS }, (_, g) => {
    const owner = member();
    const customers = Array.from({ length: 3 + Math.floor(next() * 8) }, () =>
      customerId(Math.floor(next() * CUSTOMERS)),
    );
    return { roomid: `wr${String(g).padStart(16, '0')}`, members: [staffId(owner), ...customers] };
  });
  return { followerOf, groups };
}

function messageBody(next: () => number): Pick<DecryptedMessage, 'msgtype'> & Record<string, unknown> {
  const roll = next();
  if (roll < 0.88) return { msgtype: 'text', text: { content: chatText(next) } };
  if (roll < 0.91) {
    return {
      msgtype: 'link',
      link: { title: '新品发布会报名', description: chatText(next), link_url: 'https://example.com/events' },
    };
  }
  if (roll < 0.93) {
    return { msgtype: 'file', file: { filename: '产品报价单.xlsx', fileext: 'xlsx', filesize: 20_480 } };
  }
  return { msgtype: 'image', image: { md5sum: 'bench', filesize: 40_960, sdkfileid: 'bench' } };
}

/** Loads the messages in bulks of ES_BULK, two in flight so generating the next overlaps indexing this one. */
async function load(es: ElasticsearchClient, index: string): Promise<void> {
  const { followerOf, groups } = people();
  const next = random(2026);
  const end = Date.now();
  const step = (365 * DAY_MS) / MESSAGES;
  const inFlight: Promise<void>[] = [];
  const began = Date.now();
  for (let start = 0; start < MESSAGES; start += ES_BULK) {
    const records = [];
    for (let m = start; m < Math.min(MESSAGES, start + ES_BULK); m++) {
      const kind = next();
      let parties: string[];
      let roomid = '';
      if (kind < 0.65) {
        const customer = Math.floor(next() * CUSTOMERS);
        parties = [staffId(followerOf[customer]), customerId(customer)];
      } else if (kind < 0.9) {
        const group = groups[Math.floor(next() * GROUPS)];
        parties = group.members;
        roomid = group.roomid;
      } else {
        const a = Math.floor(next() * STAFF);
        const b = (a - (a % STAFF_PER_DEPARTMENT) + Math.floor(next() * STAFF_PER_DEPARTMENT)) % STAFF;
        parties = [staffId(a), staffId(b === a ? (a + 1) % STAFF : b)];
      }
      const from = parties[Math.floor(next() * parties.length)];
      const msgtime = Math.round(end - (MESSAGES - m) * step);
      const message: DecryptedMessage = {
        msgid: `${String(m).padStart(10, '0')}_${msgtime}_external`,
        action: 'send',
        from,
        tolist: parties.filter((p) => p !== from),
        roomid,
        msgtime,
        ...messageBody(next),
      };
      records.push(toChatMessageRecord(m % 10 === 9 ? OTHER_TENANT : TENANT, m + 1, message)!);
    }
    inFlight.push(indexChatMessages(es, index, records));
    if (inFlight.length === 2) await inFlight.shift();
    const done = Math.min(MESSAGES, start + ES_BULK);
    if (done % 100_000 === 0) {
      console.log(`  loaded ${done.toLocaleString('en')} (${((Date.now() - began) / 1000).toFixed(0)} s)`);
    }
  }
  await Promise.all(inFlight);
}

interface Caller {
  role: ScopedRole;
  caller: ScopedCaller;
}

/** Console columns: a Han character takes two. */
const padEnd = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - text.length - (text.match(/\p{Script=Han}/gu)?.length ?? 0)));

/** The p-quantile of ascending samples, as printed. */
const quantile = (sorted: number[], q: number) => percentile(sorted, q * 100).toFixed(1);

interface SearchAnswer {
  took: number;
  /** Elasticsearch stopped collecting early (the index sort matched the query's and the count was bounded). */
  terminatedEarly: boolean;
}

/**
 * The `took` of every search Elasticsearch answers through this client, so each query's time splits into
 * Elasticsearch's own work and ours (the FerretDB scope lookups, the HTTP round trip, building the page).
 */
function recordTook(es: ElasticsearchClient): { last: () => SearchAnswer } {
  let answer: SearchAnswer = { took: 0, terminatedEarly: false };
  es.diagnostic.on('response', (_error, event) => {
    const body = event?.body as { took?: unknown; terminated_early?: unknown } | undefined;
    if (typeof body?.took === 'number') {
      answer = { took: body.took, terminatedEarly: body.terminated_early === true };
    }
  });
  return { last: () => answer };
}

async function time(
  es: ElasticsearchClient,
  took: { last: () => SearchAnswer },
  index: string,
  label: string,
  query: Record<string, unknown>,
  { role, caller }: Caller,
) {
  const parsed = archiveSearchQuerySchema.parse(query);
  const run = async () => {
    const began = performance.now();
    const scope = await resolveStaffScope(TENANT, role, caller);
    const scoped = performance.now();
    // The api's caller with the scope just resolved, so the search is timed apart from it.
    const searcher = {
      tenantId: TENANT,
      staffId: caller.userid,
      userid: caller.userid,
      isSuperAdmin: false,
      permissions: new Set<string>(),
      scope: async () => scope,
    };
    const page = await searchArchiveMessages(searcher, parsed, { elasticsearch: es, chatIndex: index });
    return { page, total: performance.now() - began, scope: scoped - began, es: took.last() };
  };
  // Two warm-ups; the second's answer is the one described.
  await run();
  const first = await run();
  const samples = { total: [] as number[], scope: [] as number[], es: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    const sample = await run();
    samples.total.push(sample.total);
    samples.scope.push(sample.scope);
    samples.es.push(sample.es.took);
  }
  for (const list of Object.values(samples)) list.sort((a, b) => a - b);
  const [field, value] = parsed.staffUserid
    ? ['staffUserids', parsed.staffUserid]
    : ['externalUserids', parsed.externalUserid!];
  const { count } = await es.count({
    index,
    query: { bool: { filter: [{ term: { tenantId: TENANT } }, { term: { [field]: value } }] } },
  });
  console.log(
    `  ${padEnd(label, 52)} p50 ${quantile(samples.total, 0.5).padStart(7)} ms   ` +
      `p95 ${quantile(samples.total, 0.95).padStart(7)} ms   ` +
      `(p95 scope ${quantile(samples.scope, 0.95)}, took ${quantile(samples.es, 0.95)}` +
      `${first.es.terminatedEarly ? ', ended early' : ''}; ` +
      `${first.page.total.toLocaleString('en')}${first.page.totalCapped ? '+' : ''} hits in ` +
      `${count.toLocaleString('en')} messages)`,
  );
}

async function main(): Promise<void> {
  const url = new URL(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27117/scrm_test');
  url.pathname = '/scrm_bench_archive';
  await connectDatabase(url.toString());
  const es = new ElasticsearchClient({
    node: process.env.ES_URL ?? 'http://127.0.0.1:9210',
    requestTimeout: 120_000,
  });
  const names = chatIndexNames('bench-');
  // Reads and writes go through the alias, as in the product.
  const index = names.alias;

  // A clean slate from an earlier, interrupted run; then the index the ingest creates.
  await mongoose.connection.dropDatabase();
  await es.indices.delete({ index: names.index }, { ignore: [404] });
  await ensureChatMessageIndex(es, names);
  await DepartmentModel.insertMany([
    { tenantId: TENANT, deptId: 1, name: '总部', parentId: 0 },
    ...Array.from({ length: DEPARTMENTS }, (_, d) => ({
      tenantId: TENANT,
      deptId: d + 2,
      name: `销售${d + 1}部`,
      parentId: 1,
    })),
  ]);
  await StaffModel.insertMany(
    Array.from({ length: STAFF }, (_, i) => ({
      tenantId: TENANT,
      userid: staffId(i),
      name: `员工${i}`,
      departmentIds: [departmentOf(i)],
    })),
  );

  console.log(`archive search: ${MESSAGES.toLocaleString('en')} messages (90% in the searched tenant)`);
  const began = Date.now();
  // Bulk loading: no refresh until the end (the ingest's index refreshes every second).
  await es.indices.putSettings({ index, settings: { refresh_interval: '-1' } });
  await load(es, index);
  await es.indices.putSettings({ index, settings: { refresh_interval: '1s' } });
  await es.indices.refresh({ index });
  const loadSeconds = (Date.now() - began) / 1000;
  const stats = await es.indices.stats({ index, metric: ['docs', 'store', 'segments'] });
  const primaries = stats._all.primaries!;
  console.log(
    `  load ${loadSeconds.toFixed(0)} s (${Math.round(MESSAGES / loadSeconds).toLocaleString('en')} messages/s, ` +
      `bulks of ${ES_BULK}); index ${primaries.docs!.count!.toLocaleString('en')} docs, ` +
      `${(primaries.store!.size_in_bytes / 1024 / 1024).toFixed(0)} MB, ${primaries.segments!.count} segments`,
  );

  const admin: Caller = {
    role: { dataScope: 'all', customDepartmentIds: [], customUserids: [] },
    caller: { userid: 'admin', departmentIds: [1] },
  };
  // A 本部门及以下 manager of 销售3部 (staff-20 … staff-29).
  const manager: Caller = {
    role: { dataScope: 'department', customDepartmentIds: [], customUserids: [] },
    caller: { userid: staffId(20), departmentIds: [departmentOf(20)] },
  };
  // The customer with the most messages with the manager's staff: a long history to search.
  const scope = await resolveStaffScope(TENANT, manager.role, manager.caller);
  const busiest = await es.search({
    index,
    size: 0,
    query: {
      bool: {
        filter: [{ term: { tenantId: TENANT } }, { terms: { staffUserids: scope.all ? [] : scope.userids } }],
      },
    },
    aggs: { customers: { terms: { field: 'externalUserids', size: 1 } } },
  });
  const managersCustomer = (busiest.aggregations!.customers as { buckets: Array<{ key: string }> }).buckets[0]
    .key;

  const queries: Array<[string, Record<string, unknown>, Caller]> = [
    ['按员工 busiest (staff-0), common "报价单"', { staffUserid: staffId(0), keyword: '报价单' }, admin],
    ['按员工 busiest, 2 chars "发票"', { staffUserid: staffId(0), keyword: '发票' }, admin],
    ['按员工 busiest, 6 chars "享受九折优惠"', { staffUserid: staffId(0), keyword: '享受九折优惠' }, admin],
    ['按员工 busiest, rare "克拉玛依"', { staffUserid: staffId(0), keyword: '克拉玛依' }, admin],
    ['按员工 busiest, no hit "飞单返现"', { staffUserid: staffId(0), keyword: '飞单返现' }, admin],
    ['按员工 busiest, 1 character "票"', { staffUserid: staffId(0), keyword: '票' }, admin],
    ['按员工 busiest, 1 rare character "喀"', { staffUserid: staffId(0), keyword: '喀' }, admin],
    ['按员工 busiest, digits "500"', { staffUserid: staffId(0), keyword: '500' }, admin],
    ['按员工 busiest, letters + digits "dd00" (DD00…)', { staffUserid: staffId(0), keyword: 'dd00' }, admin],
    ['按员工 busiest, emoji, no hit "😊"', { staffUserid: staffId(0), keyword: '😊' }, admin],
    ['按员工 busiest, "报价单", page 10', { staffUserid: staffId(0), keyword: '报价单', page: 10 }, admin],
    ['按员工 typical (staff-150), "报价单"', { staffUserid: staffId(150), keyword: '报价单' }, admin],
    ['本部门 scope: 按员工 staff-21, "发票"', { staffUserid: staffId(21), keyword: '发票' }, manager],
    [
      '本部门 scope: 按客户 (busiest), "请问"',
      { externalUserid: managersCustomer, keyword: '请问' },
      manager,
    ],
  ];
  const took = recordTook(es);
  for (const [label, query, caller] of queries) await time(es, took, index, label, query, caller);

  await es.indices.delete({ index: names.index }, { ignore: [404] });
  await mongoose.connection.dropDatabase();
  await disconnectDatabase();
  await es.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

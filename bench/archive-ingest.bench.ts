import { createCustomerIndexer } from '../lib/search/customer-indexer';
/**
 * 会话存档 ingest throughput (R-5-01, issue 6), end to end: the simulator's chat archive (conversations at
 * volume from its scenario API, sealed under an uploaded public key, media included) read by the real
 * `archiveIngestWorkflow` on a real worker, set up as test/integration/archive-ingest.test.ts does — a bound
 * tenant, its customers synced, 3 sensitive rules and 敏感行为设置 watching words, red packets and cards.
 * Each batch: GetChatData, RSA + AES decryption, media into GridFS, MongoDB, one Elasticsearch bulk, 近期沟通时间,
 * 群画像 counts, conversation summaries, sensitive matching and alert rows, review workflows, the seq.
 * Then the same documents (built again from MongoDB as the ingest builds them) are written again with plain `_bulk` requests of the
 * same size into a scratch index, so the ingest's messages/s stands next to Elasticsearch's alone. Last, one
 * stored batch's steps run again one at a time, to show where a batch's time goes.
 *
 *   BENCH_MESSAGES=2000   messages archived in the simulator, then ingested (default)
 *   BENCH_BATCH=1000      GetChatData limit per batch (the product's default)
 */
import { cpuSnapshot, cpuSpent } from './support/process-cpu';
import { recountGroupDays, updateLastContact } from '../lib/archive/archive-derived-writes';
import { recomputeConversations } from '../lib/archive/chat-conversation-writes';
import type { ChatMessageRecord } from '../lib/archive/chat-message-record';
import { onMessagesIngested } from '../lib/archive/ingested-messages-hook';
import { ArchiveCursorModel } from '../lib/models/archive-cursor.model';
import { ChatMessageModel } from '../lib/models/chat-message.model';
import { SensitiveAlertModel } from '../lib/models/sensitive-alert.model';
import { SensitiveRuleModel } from '../lib/models/sensitive-rule.model';
import {
  CHAT_INDEXED_FIELDS,
  chatIndexNames,
  chatSearchDocument,
  indexChatMessages,
  type IndexedChatMessage,
} from '../lib/search/chat-message-index';
import { ensureChatMessageIndex } from '../lib/search/chat-index-lifecycle';
import { DEFAULT_BEHAVIOR_SETTINGS, saveBehaviorSettings } from '../lib/sensitive/behavior-settings';
import { bumpRulesVersion } from '../lib/sensitive/rules-version';
import { startTestApp } from '../test/support/app-harness';
import {
  archiveTotals,
  CHAT_INDEX,
  rotateArchiveKey,
  testSearchClient,
} from '../test/support/archive-fixture';
import {
  archiveScenario,
  customerScenario,
  populateCustomerCorp,
  simulator,
} from '../test/support/sim-client';
import { createBoundTenant, freshTenantId } from '../test/support/tenant-fixture';
import { executeWorkflow } from '../lib/temporal/typed-workflows';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1000);
/** The simulator's scenario API generates at most this many messages per call. */
const GENERATE_MAX = 20_000;
/** Customers on top of populateCustomerCorp's 4, so batches touch many conversations as in a real corp. */
const EXTRA_CUSTOMERS = 60;

const rate = (count: number, seconds: number) =>
  `${Math.round(count / seconds).toLocaleString('en')} messages/s`;

async function main(): Promise<void> {
  const tenantId = freshTenantId('bench-ingest');
  const app = await startTestApp('bench_archive_ingest');
  const es = testSearchClient();
  const scratch = chatIndexNames('bench-raw-bulk-');
  const indexer = createCustomerIndexer(app.customerSearch);

  const corp = await simulator.createCorp('存档压测企业');
  const built = await populateCustomerCorp(corp.corpId);
  for (let i = 0; i < EXTRA_CUSTOMERS; i++) {
    await customerScenario.addCustomer(corp.corpId, {
      userid: built.staff[i % built.staff.length],
      name: `客户${i + 1}`,
      add_way: 1,
    });
  }
  await createBoundTenant(tenantId, corp, { adminMobile: '13700000091' });
  await app.startWorker();
  await executeWorkflow(app.temporal.workflow, 'customerSyncWorkflow', {
    workflowId: `customers-sync/${tenantId}/bench`,
    taskQueue: app.config.temporalTaskQueue,
    args: [{ tenantId, trigger: 'manual' }],
  });
  const rules: Array<[string, string[]]> = [
    ['价格敏感', ['报价单', '批量采购']],
    ['违规交易', ['返现', '回扣', '私下转账']],
    ['投诉风险', ['投诉', '差评']],
  ];
  for (const [name, words] of rules) {
    await SensitiveRuleModel.create({
      tenantId,
      name,
      words,
      enabled: true,
      createdBy: { staffId: 'bench', name: '压测' },
    });
  }
  await bumpRulesVersion(tenantId);
  await saveBehaviorSettings(tenantId, {
    ...DEFAULT_BEHAVIOR_SETTINGS,
    behaviors: ['sensitive-message', 'redpacket', 'card'],
  });

  await rotateArchiveKey([tenantId], corp.corpId);
  let lastSeq = 0;
  for (let made = 0; made < MESSAGES; made += GENERATE_MAX) {
    ({ lastSeq } = await archiveScenario.generateConversations(corp.corpId, {
      count: Math.min(GENERATE_MAX, MESSAGES - made),
      days: 30,
    }));
  }
  console.log(
    `archive ingest: ${MESSAGES.toLocaleString('en')} messages in the simulator's archive ` +
      `(${built.staff.length} members, ${built.customers.length + EXTRA_CUSTOMERS} customers, ` +
      `${built.chats.length} customer groups); batches of ${BATCH}`,
  );

  const cpuBefore = cpuSnapshot();
  const began = performance.now();
  const progress = setInterval(() => {
    void ArchiveCursorModel.findOne({ tenantId })
      .lean()
      .then((at) =>
        console.log(
          `  … seq ${at?.seq ?? 0} of ${lastSeq} (${((performance.now() - began) / 1000).toFixed(0)} s)`,
        ),
      );
  }, 30_000);
  const workflowId = `archive-ingest/${tenantId}/bench`;
  const summary = await executeWorkflow(app.temporal.workflow, 'archiveIngestWorkflow', {
    workflowId,
    taskQueue: app.config.temporalTaskQueue,
    args: [{ tenantId, limit: BATCH }],
  });
  const ingestSeconds = (performance.now() - began) / 1000;
  const cpu = cpuSpent(cpuBefore, cpuSnapshot());
  clearInterval(progress);
  const cursor = await ArchiveCursorModel.findOne({ tenantId }).lean();
  if (cursor?.seq !== lastSeq) throw new Error(`the ingest stopped at seq ${cursor?.seq}, not ${lastSeq}`);
  const totals = await archiveTotals(es, tenantId);
  const alerts = await SensitiveAlertModel.countDocuments({ tenantId });
  // A batch attempt that timed out (heartbeat) and ran again is part of the figure: say so.
  const history = await app.temporal.workflow.getHandle(workflowId).fetchHistory();
  const retries = (history.events ?? []).flatMap((event) => {
    const started = event.activityTaskStartedEventAttributes;
    return started && (started.attempt ?? 1) > 1
      ? [`${(started.attempt ?? 1) - 1}× ${started.lastFailure?.message ?? ''}`]
      : [];
  });
  console.log(
    `  ingest   ${rate(totals.stored, ingestSeconds).padStart(18)}   (${ingestSeconds.toFixed(1)} s; ` +
      `${summary.batches} batches; stored ${totals.stored.toLocaleString('en')}, ` +
      `indexed ${totals.indexed.toLocaleString('en')}, ${alerts.toLocaleString('en')} sensitive alerts)`,
  );
  console.log(`           batches run again: ${retries.length === 0 ? 'none' : retries.join(', ')}`);
  // The worker runs in this process: its share is "this process".
  console.log(`           CPU while ingesting (2 cores): ${cpu}`);

  // The same documents as the ingest indexed (chatSearchDocument), built again from MongoDB: the index keeps the
  // text's code words out of _source, so documents read back from it would be lighter than the ingest's.
  const stored = await ChatMessageModel.find({ tenantId }, CHAT_INDEXED_FIELDS.join(' ')).lean<
    IndexedChatMessage[]
  >();
  const documents = stored.map((record) => ({ _id: record._id, _source: chatSearchDocument(record) }));
  await es.indices.delete({ index: scratch.index }, { ignore: [404] });
  await ensureChatMessageIndex(es, scratch);
  const bulkBegan = performance.now();
  for (let at = 0; at < documents.length; at += BATCH) {
    const answer = await es.bulk({
      operations: documents
        .slice(at, at + BATCH)
        .flatMap(({ _id, _source }) => [{ index: { _index: scratch.alias, _id } }, _source]),
    });
    if (answer.errors) throw new Error('Elasticsearch refused part of a bulk');
  }
  const bulkSeconds = (performance.now() - bulkBegan) / 1000;
  console.log(
    `  raw bulk ${rate(documents.length, bulkSeconds).padStart(18)}   (${bulkSeconds.toFixed(1)} s; ` +
      `the same ${documents.length.toLocaleString('en')} documents, _bulk of ${BATCH} into a scratch index)`,
  );
  console.log(`  ratio    the raw bulk is ${(ingestSeconds / bulkSeconds).toFixed(1)}× the ingest's rate`);

  await es.indices.delete({ index: scratch.index }, { ignore: [404] });

  // Where a batch's time goes: its steps run again, one at a time, on the first stored batch. They are
  // idempotent, so this is what a batch read again costs (first-time writes may cost more); the fresh insert
  // is timed on copies under another tenant.
  const records = (await ChatMessageModel.find({ tenantId })
    .sort({ seq: 1 })
    .limit(BATCH)
    .lean()) as unknown as ChatMessageRecord[];
  const copies = records.map((record) => ({
    ...record,
    _id: `${record._id}-copy`,
    tenantId: `${tenantId}-copy`,
  }));
  const steps: Array<[string, () => Promise<unknown>]> = [
    [
      'MongoDB: which ids are stored',
      () => ChatMessageModel.find({ tenantId, _id: { $in: records.map((r) => r._id) } }, { _id: 1 }).lean(),
    ],
    ['MongoDB: insertMany (fresh copies)', () => ChatMessageModel.insertMany(copies, { ordered: false })],
    ['Elasticsearch bulk (indexChatMessages)', () => indexChatMessages(es, CHAT_INDEX, records)],
    ['近期沟通时间 (updateLastContact)', () => updateLastContact(tenantId, records, indexer)],
    ['群画像 counts (recountGroupDays)', () => recountGroupDays(tenantId, records)],
    ['conversation summaries (recomputeConversations)', () => recomputeConversations(tenantId, records)],
    [
      'sensitive matching + alert rows (onMessagesIngested)',
      () => onMessagesIngested(app.listSearch, tenantId, records),
    ],
  ];
  console.log(`  one batch of ${records.length} again, step by step:`);
  for (const [label, step] of steps) {
    const at = performance.now();
    await step();
    console.log(`    ${label.padEnd(54)} ${((performance.now() - at) / 1000).toFixed(1).padStart(6)} s`);
  }
  await ChatMessageModel.deleteMany({ tenantId: `${tenantId}-copy` });
  await es.close();
  await app.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

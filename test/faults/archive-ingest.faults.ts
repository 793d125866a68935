import type { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { ArchiveCursorModel } from '../../lib/models/archive-cursor.model';
import { ChatMessageModel } from '../../lib/models/chat-message.model';
import { GroupMessageDayModel } from '../../lib/models/group-message-day.model';
import { startWorkflow } from '../../lib/temporal/typed-workflows';
import { startTestApp, type TestApp } from '../support/app-harness';
import { CHAT_INDEX, rotateArchiveKey, testSearchClient } from '../support/archive-fixture';
import { faultCells } from '../support/fault-cells';
import { startFaultRig, type FaultRig } from '../support/fault-rig';
import { archiveScenario, populateCustomerCorp, simulator } from '../support/sim-client';
import { createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const MESSAGES = 1000;
const BATCH = 100;
/** Each chunk the worker sends Elasticsearch is held this long, so the ingest lasts seconds. */
const SLOW_SEARCH_MS = 200;
const FINANCE_PATHS = ['/finance/getchatdata', '/finance/getmediadata'];

/** Keys 0…n-1: a count as a tally, so that a recount that differs shows as lost or doubled. */
const upTo = (n: number) => Array.from({ length: n }, (_, i) => String(i));

/**
 * The chat archive ingest (GetChatData → MongoDB → Elasticsearch → per-day counts → the seq) through the faults
 * a worker can meet on its way: each run ingests a corp of its own (1,000 archived messages, batches of 100).
 * WeCom's -1 / 503 / slow reach the Finance SDK's stand-ins as they reach /cgi-bin (the real SDK talks to the
 * same servers). The fault-free end state: every seq once in MongoDB, every message once in the index, the
 * groups' per-day counts equal to the stored group messages.
 */
describe('archive ingest × faults', () => {
  let app: TestApp;
  let rig: FaultRig;
  let es: ElasticsearchClient;
  let mobile = 13700000960;

  beforeAll(async () => {
    app = await startTestApp('faults-archive');
    rig = await startFaultRig(app, 'archive');
    es = testSearchClient();
    await rig.worker.start();
    // No slower than usual outside faults; named so that a slow WeCom slows the SDK's calls down too.
    for (const path of FINANCE_PATHS) await rig.setBaseLatency(path, 0);
  }, 120_000);

  afterEach(() => rig.setSearchDelay(0));

  afterAll(async () => {
    await rig?.close();
    await es?.close();
    await app?.stop();
  }, 60_000);

  faultCells(
    'archive ingest',
    () => rig,
    [
      'worker-kill',
      'db-cut',
      'es-cut',
      'temporal-cut',
      'wecom-down',
      'wecom-5xx',
      'wecom-busy',
      'wecom-slow',
    ],
    {
      windowMs: 6000,
      recoverWithinMs: 200_000,
      async start(label) {
        const tenantId = freshTenantId(`faults-ar-${label}`);
        const corp = await simulator.createCorp(`存档故障${label}`);
        await populateCustomerCorp(corp.corpId);
        await createBoundTenant(tenantId, corp, { adminMobile: String((mobile += 1)) });
        await rotateArchiveKey([tenantId], corp.corpId);
        const { firstSeq, lastSeq } = await archiveScenario.generateConversations(corp.corpId, {
          count: MESSAGES,
          msgtypes: ['text', 'link', 'image', 'file', 'chatrecord'],
        });
        rig.setSearchDelay(SLOW_SEARCH_MS);
        await startWorkflow(app.temporal.workflow, 'archiveIngestWorkflow', {
          workflowId: `archive-ingest/${tenantId}/faults`,
          taskQueue: app.config.temporalTaskQueue,
          args: [{ tenantId, limit: BATCH }],
        });
        return {
          tenantId,
          seqs: Array.from({ length: lastSeq - firstSeq + 1 }, (_, i) => String(firstSeq + i)),
        };
      },
      async done({ tenantId, seqs }) {
        const seq = (await ArchiveCursorModel.findOne({ tenantId }).lean())?.seq ?? 0;
        return seq >= Number(seqs[seqs.length - 1]);
      },
      async tally({ tenantId, seqs }) {
        rig.setSearchDelay(0);
        await es.indices.refresh({ index: CHAT_INDEX });
        const [stored, indexed, days, groupMessages] = await Promise.all([
          ChatMessageModel.find({ tenantId }, { seq: 1, msgid: 1 }).lean(),
          es.search<{ msgid: string }>({
            index: CHAT_INDEX,
            query: { term: { tenantId } },
            size: 2 * MESSAGES,
            _source: ['msgid'],
          }),
          GroupMessageDayModel.find({ tenantId }).lean(),
          ChatMessageModel.countDocuments({ tenantId, roomid: { $ne: '' } }),
        ]);
        return [
          { what: 'messages in MongoDB', expected: seqs, observed: stored.map((m) => String(m.seq)) },
          {
            what: 'messages in the index',
            expected: stored.map((m) => m.msgid),
            observed: indexed.hits.hits.map((hit) => hit._source!.msgid),
          },
          {
            what: 'group messages counted per day',
            expected: upTo(groupMessages),
            observed: upTo(days.reduce((sum, day) => sum + day.staff + day.customers, 0)),
          },
        ];
      },
    },
  );
});

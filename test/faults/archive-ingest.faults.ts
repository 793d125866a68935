import { ArchiveCursorModel } from '../../lib/models/archive-cursor.model';
import { ChatMessageModel } from '../../lib/models/chat-message.model';
import { GroupMessageDayModel } from '../../lib/models/group-message-day.model';
import { startWorkflow } from '../../lib/temporal/typed-workflows';
import { CHAT_INDEX, rotateArchiveKey } from '../support/archive-fixture';
import { describeFaultRow } from '../support/fault-row';
import { archiveScenario, populateCustomerCorp } from '../support/sim-client';

const MESSAGES = 1000;
const BATCH = 100;
/** Each chunk the worker sends Elasticsearch is held this long, so the ingest lasts seconds. */
const SLOW_SEARCH_MS = 200;

/** Keys 0…n-1: a count as a tally, so that a recount that differs shows as lost or doubled. */
const upTo = (n: number) => Array.from({ length: n }, (_, i) => String(i));

/**
 * The chat archive ingest (GetChatData → MongoDB → Elasticsearch → per-day counts → the seq) through every fault:
 * each run ingests a corp of its own (1,000 archived messages, batches of 100), started as its Schedule starts
 * it. No admin starts an ingest, so the admin reads one member's chats (内容存档's chat list, through the rig's
 * api process) while it runs: the api-kill cell kills the api under those reads, and the ingest must end as
 * without it. WeCom's -1 / 503 / slow reach the Finance SDK's stand-ins as they reach /cgi-bin (the real SDK
 * talks to the same servers). The fault-free end state: every seq once in MongoDB, every message once in the
 * index, the groups' per-day counts equal to the stored group messages.
 */
describeFaultRow(
  'archive ingest',
  {
    name: 'archive',
    // No slower than usual outside faults; named so that a slow WeCom slows the SDK's calls down too.
    wecomLatency: { '/finance/getchatdata': 0, '/finance/getmediadata': 0 },
  },
  (row) => ({
    windowMs: 6000,
    recoverWithinMs: 200_000,
    async start(label) {
      const { tenantId, corp, adminMobile } = await row.boundTenant(`faults-ar-${label}`, `存档故障${label}`);
      const { staff } = await populateCustomerCorp(corp.corpId);
      await rotateArchiveKey([tenantId], corp.corpId);
      const { firstSeq, lastSeq } = await archiveScenario.generateConversations(corp.corpId, {
        count: MESSAGES,
        msgtypes: ['text', 'link', 'image', 'file', 'chatrecord'],
      });
      const operator = await row.operator(adminMobile);
      row.rig.setSearchDelay(SLOW_SEARCH_MS);
      await startWorkflow(row.app.temporal.workflow, 'archiveIngestWorkflow', {
        workflowId: `archive-ingest/${tenantId}/faults`,
        taskQueue: row.app.config.temporalTaskQueue,
        args: [{ tenantId, limit: BATCH }],
      });
      return {
        tenantId,
        operator,
        member: staff[0],
        seqs: Array.from({ length: lastSeq - firstSeq + 1 }, (_, i) => String(firstSeq + i)),
      };
    },
    async done({ tenantId, seqs, operator, member }) {
      await operator
        .get('/api/archive/conversations')
        .query({ staffUserid: member, range: 'all' })
        .expect(200);
      const seq = (await ArchiveCursorModel.findOne({ tenantId }).lean())?.seq ?? 0;
      return seq >= Number(seqs[seqs.length - 1]);
    },
    async tally({ tenantId, seqs }) {
      row.rig.setSearchDelay(0);
      const { es } = row.app.listSearch;
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
  }),
);

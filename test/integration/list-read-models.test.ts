// Slow (40 s): rows written while the index is unreachable wait in the outbox for its retry.
// Mostly waits: the rows written while the index is unreachable wait for the outbox's retry; the CPU stays mostly idle.
import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import request from 'supertest';
import type { ChatMessageRecord } from '../../lib/archive/chat-message-record';
import { updateGroupLastMessage } from '../../lib/archive/archive-derived-writes';
import { createLogger } from '../../lib/logger';
import { CustomerGroupModel } from '../../lib/models/customer-group.model';
import { ListSearchOutboxModel } from '../../lib/models/list-search-outbox.model';
import { MassSendRecipientModel } from '../../lib/models/mass-send-recipient.model';
import { SensitiveAlertModel } from '../../lib/models/sensitive-alert.model';
import { StaffModel } from '../../lib/models/staff.model';
import { customerGroupReadModel } from '../../lib/search/customer-group-index';
import {
  listIndexNames,
  markListRowsPending,
  prepareListSearch,
  writeListRows,
} from '../../lib/search/list-read-model';
import { LIST_READ_MODELS } from '../../lib/search/list-read-models';
import { massSendRecipientReadModel, searchMassSendRecipients } from '../../lib/search/mass-send-index';
import { searchSensitiveAlertRows, sensitiveAlertReadModel } from '../../lib/search/sensitive-alert-index';
import { indexNeedsRebuild } from '../../lib/search/versioned-index';
import { insertAlertsOnce } from '../../lib/sensitive/insert-alerts-once';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { refreshListSearch } from '../support/list-search';
import { simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('list-models');
const ADMIN_MOBILE = '13700000501';
const STAFF_PASSWORD = 'Staff1234';
// The suite's own indexes: it wipes one to see it rebuilt, which must not touch other suites' rows.
const INDEX_PREFIX = 'list-read-models-';

type Agent = ReturnType<typeof request.agent>;
type GroupPage = { total: number; items: Array<{ chatId: string; lastMessageAt: string | null }> };

/**
 * The 客户群 and 敏感行为审核 read models (lib/search/list-read-model.ts): what the sync, the callbacks and
 * 打标签 write is covered by their own suites (customer-sync, customer-callbacks, customer-groups); here the
 * archive's 最近沟通时间, a write killed between MongoDB and Elasticsearch, 数据权限, and a wiped index.
 */
describe('客户群 and 敏感行为审核 read models', () => {
  let app: TestApp;
  let admin: Agent;

  const group = (chatId: string, ownerUserid: string, createdAt: string) => ({
    tenantId: TENANT,
    chatId,
    name: `群${chatId}`,
    ownerUserid,
    createdAt: new Date(createdAt),
    members: [{ userid: ownerUserid, type: 1 }],
    memberCount: 1,
  });
  const alert = (id: string, member: string, triggeredAt: string) => ({
    _id: `${TENANT}:${id}:card`,
    tenantId: TENANT,
    behavior: 'card',
    msgid: id,
    from: member,
    senderType: 'staff',
    conversationId: `single:${member}|wm-x`,
    staffUserids: [member],
    triggeredAt: new Date(triggeredAt),
  });

  const groups = async (agent: Agent, query: Record<string, string> = {}) => {
    await refreshListSearch(app);
    return (await agent.get('/api/customer-groups').query(query).expect(200)).body as GroupPage;
  };
  const chatIds = (page: GroupPage) => page.items.map((row) => row.chatId);

  beforeAll(async () => {
    app = await startTestApp('list-read-models', { ES_INDEX_PREFIX: INDEX_PREFIX });
    const corp = await simulator.createCorp('读模型企业');
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE });
    await StaffModel.insertMany([
      { tenantId: TENANT, userid: 'owner-a', name: '群主甲', mobile: '13700000511', roleId: roles.staff },
      { tenantId: TENANT, userid: 'owner-b', name: '群主乙', mobile: '13700000512', roleId: roles.staff },
    ]);
    await app.startWorker();
    // The suite's indexes are new, so the api's start began refilling them from MongoDB: a refill still
    // reading would index the "killed" row below on its own, and the test could not tell the outbox did.
    await eventually(async () => {
      const needs = await Promise.all(
        [customerGroupReadModel, sensitiveAlertReadModel].map((model) =>
          indexNeedsRebuild(app.listSearch.es, listIndexNames(model.kind, model.version, INDEX_PREFIX)),
        ),
      );
      return !needs.includes(true);
    }, 60_000);
    await writeListRows(app.listSearch, customerGroupReadModel, TENANT, ['wr-a', 'wr-b'], () =>
      CustomerGroupModel.insertMany([
        group('wr-a', 'owner-a', '2026-11-01T02:00:00Z'),
        group('wr-b', 'owner-b', '2026-11-02T02:00:00Z'),
      ]),
    );
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it("the archive's 最近沟通时间 moves a group into the 最近沟通时间 filter, forward only", async () => {
    const message = (msgtime: string) =>
      ({ roomid: 'wr-a', msgtime: new Date(msgtime) }) as ChatMessageRecord;
    await updateGroupLastMessage(app.listSearch, TENANT, [message('2026-11-30T04:00:00Z')]);
    const day = { lastMessageFrom: '2026-11-30', lastMessageTo: '2026-11-30' };
    expect(chatIds(await groups(admin, day))).toEqual(['wr-a']);
    // An older message read late changes nothing.
    await updateGroupLastMessage(app.listSearch, TENANT, [message('2026-11-20T04:00:00Z')]);
    expect((await groups(admin, day)).items[0].lastMessageAt).toBe('2026-11-30T04:00:00.000Z');
  });

  it('a write killed between MongoDB and the index still reaches both lists, through the outbox', async () => {
    // What a process dying right after its MongoDB write leaves: the marks it made first, and the rows.
    const diedAt = new Date(Date.now() - 60_000);
    await markListRowsPending('customer-groups', TENANT, ['wr-killed'], diedAt);
    await CustomerGroupModel.create(group('wr-killed', 'owner-a', '2026-11-03T02:00:00Z'));
    await markListRowsPending('sensitive-alerts', TENANT, [`${TENANT}:m-killed:card`], diedAt);
    await SensitiveAlertModel.create(alert('m-killed', 'owner-a', '2026-11-03T02:00:00Z'));
    expect(chatIds(await groups(admin))).not.toContain('wr-killed');

    // The next start of the api or the worker wakes the tenant's drain.
    await prepareListSearch(app.listSearch, Object.values(LIST_READ_MODELS), createLogger('test', 'warn'));
    await eventually(async () => chatIds(await groups(admin)).includes('wr-killed'), 60_000);
    await eventually(async () => {
      await refreshListSearch(app);
      const page = await searchSensitiveAlertRows(app.listSearch, TENANT, { all: true }, alertQuery());
      return page.rows.some((row) => row.msgid === 'm-killed');
    }, 60_000);
    await eventually(async () => (await ListSearchOutboxModel.countDocuments({ tenantId: TENANT })) === 0);
  });

  it('rows a writer holds are indexed as written; with the index unreachable, through the outbox', async () => {
    const sendId = 'held-send';
    const recipient = (recipientId: string) => ({
      _id: `${sendId}|${recipientId}`,
      tenantId: TENANT,
      sendId,
      senderUserid: 'owner-a',
      recipientId,
      recipientName: `客户${recipientId}`,
    });
    const ids = ['c1', 'c2'].map((id) => recipient(id)._id);
    await writeListRows(app.listSearch, massSendRecipientReadModel, TENANT, ids, () =>
      MassSendRecipientModel.insertMany([recipient('c1'), recipient('c2')]),
    );
    // As the tracking pass writes an outcome: every outcome field and the version set, the row held whole.
    const outcome = (recipientId: string, status: 'sent' | 'failed') => {
      const change = {
        status,
        failReason: status === 'failed' ? ('not-friend' as const) : null,
        sentAt: status === 'sent' ? new Date('2026-11-06T02:00:00Z') : null,
        updatedAt: new Date(),
      };
      return {
        write: () =>
          MassSendRecipientModel.updateOne(
            { tenantId: TENANT, _id: recipient(recipientId)._id },
            { $set: change },
            { timestamps: false },
          ),
        written: [{ ...recipient(recipientId), ...change }],
      };
    };
    const statuses = async () => {
      await refreshListSearch(app);
      const page = await searchMassSendRecipients(app.listSearch, TENANT, sendId, { page: 1, pageSize: 20 });
      return Object.fromEntries(page.rows.map((row) => [row.recipientId, row.status]));
    };

    const sent = outcome('c1', 'sent');
    await writeListRows(app.listSearch, massSendRecipientReadModel, TENANT, [ids[0]], sent.write, {
      written: sent.written,
    });
    expect(await statuses()).toEqual({ c1: 'sent', c2: 'unsent' });

    // Elasticsearch unreachable for this writer: its marks stay, and the drain indexes the row from MongoDB.
    const unreachable = new ElasticsearchClient({ node: 'http://127.0.0.1:9', maxRetries: 0 });
    const failed = outcome('c2', 'failed');
    await writeListRows(
      { ...app.listSearch, es: unreachable },
      massSendRecipientReadModel,
      TENANT,
      [ids[1]],
      failed.write,
      {
        written: failed.written,
      },
    );
    await unreachable.close();
    await eventually(async () => (await statuses()).c2 === 'failed', 60_000);
    expect(await statuses()).toEqual({ c1: 'sent', c2: 'failed' });
    await eventually(async () => (await ListSearchOutboxModel.countDocuments({ tenantId: TENANT })) === 0);
  });

  it('数据权限: 只看本人 lists only the groups one owns and the alerts of one’s conversations (I-104)', async () => {
    await admin.put('/api/org/staff/owner-a/system-access').send({ enabled: true }).expect(200);
    await admin.put('/api/org/staff/owner-a/password').send({ password: STAFF_PASSWORD }).expect(204);
    const ownerA = request.agent(app.baseUrl);
    await ownerA.post('/api/auth/login').send({ phone: '13700000511', password: STAFF_PASSWORD }).expect(200);
    expect(chatIds(await groups(ownerA)).sort()).toEqual(['wr-a', 'wr-killed']);
    // Asking for another owner's groups narrows the scope, never widens it.
    expect((await groups(ownerA, { ownerUserid: 'owner-b' })).total).toBe(0);
    expect(chatIds(await groups(admin, { ownerUserid: 'owner-b' }))).toEqual(['wr-b']);

    await insertAlertsOnce(app.listSearch, TENANT, [
      alert('m-a', 'owner-a', '2026-11-04T02:00:00Z'),
      alert('m-b', 'owner-b', '2026-11-05T02:00:00Z'),
    ]);
    await refreshListSearch(app);
    const scoped = await searchSensitiveAlertRows(
      app.listSearch,
      TENANT,
      { all: false, userids: ['owner-a'] },
      alertQuery(),
    );
    expect(scoped.rows.map((row) => row.msgid)).toEqual(['m-a', 'm-killed']);
    expect(scoped.total).toBe(2);
    const all = await searchSensitiveAlertRows(app.listSearch, TENANT, { all: true }, alertQuery());
    expect(all.rows.map((row) => row.msgid)).toEqual(['m-b', 'm-a', 'm-killed']);
  });

  it('a wiped index is created again on the next read and refilled from MongoDB', async () => {
    const names = listIndexNames('customer-groups', customerGroupReadModel.version, INDEX_PREFIX);
    await app.listSearch.es.indices.delete({ index: names.index });
    await eventually(async () => (await groups(admin)).total === 3, 60_000);
  });
});

function alertQuery() {
  return { page: 1, pageSize: 20, behavior: 'all', status: 'all' } as const;
}

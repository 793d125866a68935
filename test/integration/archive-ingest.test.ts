// Slow (70 s): its Schedule ingests a whole archive, media files included, into MongoDB, GridFS and Elasticsearch.
// Mostly waits: the ingest Schedule's first tick is up to a minute away; the CPU stays mostly idle meanwhile.
import type { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import request from 'supertest';
import { ArchiveCursorModel } from '../../lib/models/archive-cursor.model';
import { ChatMessageModel } from '../../lib/models/chat-message.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { GroupMessageDayModel } from '../../lib/models/group-message-day.model';
import { StaffModel } from '../../lib/models/staff.model';
import { chatKeywordQuery } from '../../lib/search/chat-message-index';
import { ensureArchiveIngestSchedule } from '../../lib/temporal/archive-ingest-schedule';
import { archiveIngestScheduleId } from '../../lib/temporal/workflow-ids';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { archiveTotals, CHAT_INDEX, rotateArchiveKey, testSearchClient } from '../support/archive-fixture';
import {
  archiveScenario,
  populateCustomerCorp,
  simulator,
  type SimCorp,
  type SmallCustomerCorp,
} from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';

const TENANT = freshTenantId('archive');
/** A second tenant bound to the same corp with only the newer private key. */
const LATE_TENANT = freshTenantId('archive-late');

/** R-5-01, R-5.1 (data), R-3.1.5: the chat archive read into MongoDB and Elasticsearch. */
describe('chat archive ingest', () => {
  let app: TestApp;
  let corp: SimCorp;
  let built: SmallCustomerCorp;
  let es: ElasticsearchClient;
  let lastSeq = 0;
  let roles: { staff: string };
  const bigFile = { size: 700 * 1024 } as { size: number; sdkfileid: string; md5sum: string };
  /** The picture of a mixed (图文) message. */
  const mixedImage = { size: 600 * 1024 } as { size: number; sdkfileid: string; md5sum: string };
  let mixedMsgid = '';

  beforeAll(async () => {
    app = await startTestApp('archive-ingest');
    es = testSearchClient();
    corp = await simulator.createCorp('会话存档企业');
    built = await populateCustomerCorp(corp.corpId);
    ({ roles } = await createBoundTenant(TENANT, corp, { adminMobile: '13700000051' }));
    await StaffModel.create({
      tenantId: TENANT,
      roleId: roles.staff,
      userid: 'wangwei',
      name: '销售2',
      mobile: '13700000053',
      departmentIds: [1],
    });
    await createBoundTenant(LATE_TENANT, corp, { adminMobile: '13700000052' });
    await app.startWorker();
    await executeWorkflow(app.temporal.workflow, 'customerSyncWorkflow', {
      workflowId: `customers-sync/${TENANT}/archive-test`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT, trigger: 'manual' }],
    });

    // Messages under public key 1, then the key is rotated and more arrive under key 2.
    await rotateArchiveKey([TENANT], corp.corpId);
    await archiveScenario.generateConversations(corp.corpId, { count: 300, days: 7 });
    await rotateArchiveKey([TENANT, LATE_TENANT], corp.corpId);
    await archiveScenario.generateConversations(corp.corpId, { count: 300, days: 1 });
    // A file over two GetMediaData chunks, sent twice: downloaded and stored once.
    Object.assign(bigFile, await archiveScenario.storeMedia(corp.corpId, bigFile.size));
    for (const to of [built.customers[0], built.customers[1]]) {
      ({ seq: lastSeq } = await archiveScenario.archiveMessage(corp.corpId, {
        from: 'lina',
        tolist: [to],
        msgtype: 'file',
        body: {
          md5sum: bigFile.md5sum,
          filename: '年度合作方案.pdf',
          fileext: 'pdf',
          filesize: bigFile.size,
          sdkfileid: bigFile.sdkfileid,
        },
      }));
    }
    Object.assign(mixedImage, await archiveScenario.storeMedia(corp.corpId, mixedImage.size));
    const mixed = await archiveScenario.archiveMessage(corp.corpId, {
      from: 'lina',
      tolist: [built.customers[0]],
      msgtype: 'mixed',
      body: {
        item: [
          { type: 'text', content: JSON.stringify({ content: '新品图册请查收' }) },
          {
            type: 'image',
            content: JSON.stringify({
              md5sum: mixedImage.md5sum,
              filesize: mixedImage.size,
              sdkfileid: mixedImage.sdkfileid,
            }),
          },
        ],
      },
    });
    ({ seq: lastSeq, msgid: mixedMsgid } = mixed);
  }, 180_000);

  afterAll(async () => {
    await app.temporal.schedule
      .getHandle(archiveIngestScheduleId(TENANT))
      .delete()
      .catch(() => undefined);
    await es?.close();
    await app?.stop();
  });

  /** Keeps a download's bytes as they came (supertest parses only text by default). */
  const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };

  async function storedFile(fileKey: string): Promise<Buffer> {
    const bucket = new mongoose.mongo.GridFSBucket(mongoose.connection.db!, { bucketName: 'chatMedia' });
    const chunks: Buffer[] = [];
    for await (const chunk of bucket.openDownloadStreamByName(fileKey)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  it('its Schedule reads every message once, under both key versions, into MongoDB and Elasticsearch', async () => {
    await ensureArchiveIngestSchedule(app.temporal, app.config.temporalTaskQueue, TENANT);
    await eventually(
      async () => (await ArchiveCursorModel.findOne({ tenantId: TENANT }).lean())?.seq === lastSeq,
      120_000,
    );

    const totals = await archiveTotals(es, TENANT);
    expect(totals).toEqual({
      stored: lastSeq,
      distinctSeqs: lastSeq,
      indexed: lastSeq,
      groupMessages: totals.countedGroupMessages,
      countedGroupMessages: totals.countedGroupMessages,
    });
    expect(totals.groupMessages).toBeGreaterThan(0);
    const kinds = await ChatMessageModel.distinct('msgtype', { tenantId: TENANT });
    expect(kinds).toEqual(
      expect.arrayContaining(['text', 'image', 'file', 'link', 'chatrecord', 'mixed', 'revoke']),
    );
    const chatKinds = await ChatMessageModel.distinct('chatKind', { tenantId: TENANT });
    expect(chatKinds.sort()).toEqual(['external', 'group', 'internal']);
  }, 180_000);

  it('finds Chinese substrings through the keyword query', async () => {
    const stored = await ChatMessageModel.countDocuments({ tenantId: TENANT, content: /报价单/ });
    expect(stored).toBeGreaterThan(0);
    const found = await es.count({
      index: CHAT_INDEX,
      query: { bool: { filter: [{ term: { tenantId: TENANT } }, chatKeywordQuery('报价单')] } },
    });
    expect(found.count).toBe(stored);
    const crossing = await es.count({
      index: CHAT_INDEX,
      query: { bool: { filter: [{ term: { tenantId: TENANT } }, chatKeywordQuery('价单再')] } },
    });
    expect(crossing.count).toBe(
      await ChatMessageModel.countDocuments({ tenantId: TENANT, content: /价单再/ }),
    );
  });

  it('keeps each media file once in GridFS, whole', async () => {
    const messages = await ChatMessageModel.find({ tenantId: TENANT, 'media.md5sum': bigFile.md5sum }).lean();
    expect(messages).toHaveLength(2);
    expect(new Set(messages.map((m) => m.media?.fileKey)).size).toBe(1);
    const bytes = await storedFile(messages[0].media!.fileKey!);
    expect(bytes.length).toBe(bigFile.size);
    expect(createHash('md5').update(bytes).digest('hex')).toBe(bigFile.md5sum);
    // Top-level files and mixed messages' items share the store: one GridFS file per distinct file.
    const fileKeys = new Set([
      ...((await ChatMessageModel.distinct('media.fileKey', {
        tenantId: TENANT,
        'media.fileKey': { $exists: true },
      })) as string[]),
      ...((await ChatMessageModel.distinct('itemMedia.fileKey', {
        tenantId: TENANT,
        'itemMedia.fileKey': { $exists: true },
      })) as string[]),
    ]);
    expect(await mongoose.connection.collection('chatMedia.files').countDocuments()).toBe(fileKeys.size);
  });

  it('stores the picture inside a mixed message once, and the message points at it', async () => {
    const message = await ChatMessageModel.findOne({ tenantId: TENANT, msgid: mixedMsgid }).lean();
    expect(message?.content).toBe('新品图册请查收');
    expect(message?.itemMedia).toEqual([
      expect.objectContaining({ item: 1, sdkfileid: mixedImage.sdkfileid, md5sum: mixedImage.md5sum }),
    ]);
    const bytes = await storedFile(message!.itemMedia![0].fileKey!);
    expect(bytes.length).toBe(mixedImage.size);
    expect(createHash('md5').update(bytes).digest('hex')).toBe(mixedImage.md5sum);
    const agent = request.agent(app.baseUrl);
    await agent.post('/api/auth/login').send({ phone: '13700000051', password: ADMIN_PASSWORD }).expect(200);
    const shown = await agent
      .get('/api/archive/media')
      .query({ msgid: mixedMsgid, item: 1 })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(shown.headers['content-type']).toBe('image/jpeg');
    expect(
      createHash('md5')
        .update(shown.body as Buffer)
        .digest('hex'),
    ).toBe(mixedImage.md5sum);
    // The text item has no file.
    await agent.get('/api/archive/media').query({ msgid: mixedMsgid, item: 0 }).expect(404);
    const file = await ChatMessageModel.findOne({ tenantId: TENANT, 'media.md5sum': bigFile.md5sum }).lean();
    const downloaded = await agent
      .get('/api/archive/media')
      .query({ msgid: file!.msgid })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(downloaded.headers['content-disposition']).toContain('attachment');
    expect(
      createHash('md5')
        .update(downloaded.body as Buffer)
        .digest('hex'),
    ).toBe(bigFile.md5sum);

    // The generated traffic's mixed messages carry pictures too: every one of them was downloaded.
    const mixedMessages = await ChatMessageModel.find({ tenantId: TENANT, msgtype: 'mixed' }).lean();
    expect(mixedMessages.length).toBeGreaterThan(1);
    for (const mixed of mixedMessages) {
      expect(mixed.itemMedia?.length).toBeGreaterThan(0);
      expect(mixed.itemMedia!.every((media) => Boolean(media.fileKey))).toBe(true);
    }
  });

  it("sets customers' 近期沟通时间 and feeds 群画像's trend", async () => {
    const customer = built.customers[0];
    const latest = await ChatMessageModel.findOne({
      tenantId: TENANT,
      chatKind: 'external',
      externalUserids: customer,
    })
      .sort({ msgtime: -1 })
      .lean();
    const stored = await CustomerModel.findOne({ tenantId: TENANT, externalUserid: customer }).lean();
    expect(stored?.lastContactAt?.getTime()).toBeGreaterThanOrEqual(latest!.msgtime.getTime());

    const room = built.chats[0];
    const days = await GroupMessageDayModel.find({ tenantId: TENANT, roomid: room }).lean();
    const fromCustomers = await ChatMessageModel.countDocuments({
      tenantId: TENANT,
      roomid: room,
      senderType: 'external',
    });
    expect(days.reduce((sum, day) => sum + day.customers, 0)).toBe(fromCustomers);
  });

  it('reading the whole archive again doubles nothing', async () => {
    const before = await archiveTotals(es, TENANT);
    const contact = await CustomerModel.findOne({
      tenantId: TENANT,
      externalUserid: built.customers[0],
    }).lean();
    await ArchiveCursorModel.updateOne({ tenantId: TENANT }, { $set: { seq: 0 } });
    const summary = await executeWorkflow(app.temporal.workflow, 'archiveIngestWorkflow', {
      workflowId: `archive-ingest/${TENANT}/reread`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT, limit: 250 }],
    });
    expect(summary).toMatchObject({ stored: lastSeq, seq: lastSeq });
    expect(await archiveTotals(es, TENANT)).toEqual(before);
    const again = await CustomerModel.findOne({
      tenantId: TENANT,
      externalUserid: built.customers[0],
    }).lean();
    expect(again?.lastContactAt).toEqual(contact?.lastContactAt);
  }, 120_000);

  it('内容存档 pages one conversation newest first by cursor, with 消息类型 and 聊天时间 filters', async () => {
    const agent = request.agent(app.baseUrl);
    await agent.post('/api/auth/login').send({ phone: '13700000051', password: ADMIN_PASSWORD }).expect(200);
    const room = `room:${built.chats[0]}`;
    const total = await ChatMessageModel.countDocuments({ tenantId: TENANT, conversationId: room });
    const seen: string[] = [];
    const times: number[] = [];
    let before: string | null | undefined;
    do {
      const page = (
        await agent
          .get('/api/archive/messages')
          .query({ conversationId: room, pageSize: 25, ...(before ? { before } : {}) })
          .expect(200)
      ).body as { items: Array<{ msgid: string; msgtime: string }>; nextCursor: string | null };
      seen.push(...page.items.map((item) => item.msgid));
      times.push(...page.items.map((item) => Date.parse(item.msgtime)));
      before = page.nextCursor;
    } while (before);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const texts = (
      await agent
        .get('/api/archive/messages')
        .query({ conversationId: room, msgtype: 'text', pageSize: 100 })
        .expect(200)
    ).body.items as Array<{ msgtype: string }>;
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((item) => item.msgtype === 'text')).toBe(true);
    const future = await agent
      .get('/api/archive/messages')
      .query({ conversationId: room, from: '2099-01-01', to: '2099-01-31' })
      .expect(200);
    expect(future.body).toEqual({ items: [], nextCursor: null });
    const bad = await agent
      .get('/api/archive/messages')
      .query({ conversationId: room, before: 'x' })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('分页参数有误');
    await agent.get('/api/archive/messages').query({ conversationId: 'nope' }).expect(400);
  });

  it('shows a 只看本人 member only the conversations they take part in (数据权限)', async () => {
    const admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: '13700000051', password: ADMIN_PASSWORD }).expect(200);
    await admin.put('/api/org/staff/wangwei/system-access').send({ enabled: true }).expect(200);
    await admin.put('/api/org/staff/wangwei/password').send({ password: 'Staff1234' }).expect(204);
    const wangwei = request.agent(app.baseUrl);
    await wangwei.post('/api/auth/login').send({ phone: '13700000053', password: 'Staff1234' }).expect(200);
    const pane = async (conversationId: string) =>
      (
        (await wangwei.get('/api/archive/messages').query({ conversationId }).expect(200)).body as {
          items: unknown[];
        }
      ).items.length;
    // 客户群1 is lina's (wangwei is not in it); 客户群2 is wangwei's.
    expect(await pane(`room:${built.chats[0]}`)).toBe(0);
    expect(await pane(`room:${built.chats[1]}`)).toBeGreaterThan(0);
    expect(await pane(`single:${['lina', built.customers[0]].sort().join('|')}`)).toBe(0);
    // Nor the files of chats they are not in.
    await wangwei.get('/api/archive/media').query({ msgid: mixedMsgid, item: 1 }).expect(404);
  });

  it('stops, storing nothing past it, at a message sealed under a key version the tenant has no private key for', async () => {
    await expect(
      executeWorkflow(app.temporal.workflow, 'archiveIngestWorkflow', {
        workflowId: `archive-ingest/${LATE_TENANT}/missing-key`,
        taskQueue: app.config.temporalTaskQueue,
        args: [{ tenantId: LATE_TENANT }],
      }),
    ).rejects.toThrow();
    // Nothing past it; the health panel's line says why (the cursor keeps the failed attempt).
    const cursor = await ArchiveCursorModel.findOne({ tenantId: LATE_TENANT }).lean();
    expect(cursor?.seq).toBe(0);
    expect(cursor?.lastError).toContain('没有公钥版本 1 对应的会话存档私钥');
    expect(await ChatMessageModel.countDocuments({ tenantId: LATE_TENANT })).toBe(0);
  }, 60_000);
});

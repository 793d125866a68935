import { MockActivityEnvironment } from '@temporalio/testing';
import request from 'supertest';
import { createMassSendActivities } from '../../activities/mass-send.activities';
import { loadExternalContactCredentials } from '../../activities/tenant-credentials';
import { MassSendRecipientModel } from '../../lib/models/mass-send-recipient.model';
import { MassSendTemplateModel } from '../../lib/models/mass-send-template.model';
import { WeComClient } from '../../lib/wecom/client';
import { WeComApiError } from '../../lib/wecom/errors';
import { createMassSendApi } from '../../lib/wecom/mass-send-api';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { refreshListSearch } from '../support/list-search';
import {
  massSendScenario,
  populateCustomerCorp,
  simulator,
  type SimCorp,
  type SmallCustomerCorp,
} from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { downloadedSheet } from '../support/xlsx-download';

const TENANT = freshTenantId('mass-send');
const ADMIN_MOBILE = '13700000601';

type Agent = ReturnType<typeof request.agent>;
interface Row {
  id: string;
  status: string;
  sendAt: string | null;
  progress: { total: number; sent: number; unsent: number; failed: number };
}

/**
 * 群发管理 through the api, the worker and the simulator: the audience preview (I-62, I-65), 立即发送
 * creating one template per sender exactly once, drafts, a scheduled send edited and cancelled, and the
 * refusals (too soon, edit after it went out, delete of a sent one).
 */
describe('群发管理', () => {
  let app: TestApp;
  let corp: SimCorp;
  let built: SmallCustomerCorp;
  let admin: Agent;

  const audience = (tags: string[], exclude: string[]) => ({
    kind: 'customers',
    customers: { mode: 'filter', adderUserids: [], tagIds: tags, excludeTagIds: exclude },
  });
  const rows = async (): Promise<Row[]> => {
    await refreshListSearch(app);
    return (await admin.get('/api/mass-sends').expect(200)).body.items as Row[];
  };
  const rowOf = async (id: string) => (await rows()).find((row) => row.id === id);

  beforeAll(async () => {
    app = await startTestApp('mass-sends');
    corp = await simulator.createCorp('群发企业');
    await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE });
    built = await populateCustomerCorp(corp.corpId);
    await massSendScenario.settings(corp.corpId, { dispatchSeconds: 1 });
    await app.startWorker();
    for (const workflowType of ['corpTagSyncWorkflow', 'customerSyncWorkflow'] as const) {
      await executeWorkflow(app.temporal.workflow, workflowType, {
        workflowId: `${workflowType}/${TENANT}`,
        taskQueue: app.config.temporalTaskQueue,
        args: [{ tenantId: TENANT, trigger: 'schedule' }],
      });
    }
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('previews who will receive it: tags any-of, minus the excluded, each customer once', async () => {
    await refreshListSearch(app);
    const preview = await admin
      .post('/api/mass-sends/audience-preview')
      .send({
        audience: audience([built.tags.vip, built.tags.hot], [built.tags.normal]),
        page: 1,
        pageSize: 20,
      })
      .expect(200);
    // 张三 carries VIP and 高意向 (three adders, sent once); 李四 carries 高意向 but also the excluded 普通.
    expect(preview.body.total).toBe(1);
    expect(preview.body.items).toEqual([
      {
        id: built.customers[0],
        name: '张三',
        sender: { userid: expect.any(String), name: expect.any(String) },
      },
    ]);
  });

  it('立即发送 creates one template per sender, once, and the list shows it sent', async () => {
    const created = await admin
      .post('/api/mass-sends')
      .send({
        audience: { kind: 'customers', customers: { mode: 'all' } },
        text: '双十二会员日',
        timing: { mode: 'now' },
      })
      .expect(201);
    await eventually(async () => (await rowOf(created.body.id))?.status === 'sent', 60_000);
    const row = await rowOf(created.body.id);
    expect(row?.progress.total).toBe(built.customers.length);
    const templates = await MassSendTemplateModel.find({ tenantId: TENANT, sendId: created.body.id }).lean();
    const senders = new Set(templates.map((template) => template.senderUserid));
    expect(templates.every((template) => template.state === 'created')).toBe(true);
    const { perSender } = await massSendScenario.templates(corp.corpId);
    for (const sender of senders) expect(perSender[sender]).toBe(1);

    const results = await admin.get(`/api/mass-sends/${created.body.id}/results`).query({ status: 'unsent' });
    expect(results.status).toBe(200);
    expect(results.body.total).toBe(built.customers.length);
    const exported = await downloadedSheet(
      admin.get(`/api/mass-sends/${created.body.id}/results/export`).query({ status: 'unsent' }),
      '发送结果',
    );
    expect(exported.header).toEqual(['处理人', '客户', '完成情况', '完成时间']);
    expect(exported.body).toHaveLength(built.customers.length);
    expect(
      exported.body.every(([sender, , outcome, at]) => sender && outcome === '未发送' && at === '-'),
    ).toBe(true);

    // One member sends all of theirs in the client; 刷新 has the workflow ask WeCom now, not in 10 minutes.
    const { templates: simSends } = await massSendScenario.templates(corp.corpId);
    const template = simSends.find((candidate) => candidate.msgid === templates[0].msgid)!;
    const member = template.tasks[0].userid;
    await massSendScenario.confirm(corp.corpId, template.msgid, member);
    const theirs = (
      await admin.get(`/api/mass-sends/${created.body.id}/results`).query({ senderUserid: member })
    ).body.total as number;
    expect(theirs).toBeGreaterThan(0);
    const refreshed = await admin.post(`/api/mass-sends/${created.body.id}/results/refresh`).expect(202);
    expect(refreshed.body).toEqual({ refreshing: true });
    await eventually(async () => {
      await refreshListSearch(app);
      const sent = await admin.get(`/api/mass-sends/${created.body.id}/results`).query({ status: 'sent' });
      return sent.body.total === theirs ? sent.body : undefined;
    }, 60_000);
    // The pass writes the send's progress after its recipients: the list shows it a moment later.
    const progress = await eventually(async () => {
      const row = await rowOf(created.body.id);
      return row?.progress.sent === theirs ? row.progress : undefined;
    }, 30_000);
    expect(progress).toEqual({
      total: built.customers.length,
      sent: theirs,
      unsent: built.customers.length - theirs,
      failed: 0,
    });
    const sentSheet = await downloadedSheet(
      admin.get(`/api/mass-sends/${created.body.id}/results/export`).query({ status: 'sent' }),
      '发送结果',
    );
    expect(sentSheet.body).toHaveLength(theirs);
    expect(
      sentSheet.body.every(([, , outcome, at]) => outcome === '已发送' && /^\d{4}-/.test(String(at))),
    ).toBe(true);
    await admin
      .put(`/api/mass-sends/${created.body.id}`)
      .send({ audience: audience([built.tags.vip], []), text: '改', timing: { mode: 'now' } })
      .expect(409);
    await admin.delete(`/api/mass-sends/${created.body.id}`).expect(409);
  }, 90_000);

  it('keeps drafts, and edits and cancels a scheduled send before its time', async () => {
    const draft = await admin
      .post('/api/mass-sends')
      .send({ audience: audience([built.tags.vip], []), text: '草稿', timing: { mode: 'now' }, draft: true })
      .expect(201);
    expect(draft.body.status).toBe('draft');
    const inADay = new Date(Date.now() + 24 * 3_600_000).toISOString();
    const scheduled = await admin
      .put(`/api/mass-sends/${draft.body.id}`)
      .send({
        audience: audience([built.tags.vip], []),
        text: '定时',
        timing: { mode: 'scheduled', sendAt: inADay },
      })
      .expect(200);
    expect(scheduled.body.status).toBe('scheduled');
    const inTwoDays = new Date(Date.now() + 48 * 3_600_000).toISOString();
    const edited = await admin
      .put(`/api/mass-sends/${draft.body.id}`)
      .send({
        audience: audience([built.tags.vip], []),
        text: '改期',
        timing: { mode: 'scheduled', sendAt: inTwoDays },
      })
      .expect(200);
    expect(edited.body.sendAt).toBe(inTwoDays);
    await admin.post(`/api/mass-sends/${draft.body.id}/cancel`).expect(202);
    await eventually(async () => (await rowOf(draft.body.id))?.status === 'cancelled', 30_000);

    const another = await admin
      .post('/api/mass-sends')
      .send({
        audience: audience([built.tags.vip], []),
        text: '删除我',
        timing: { mode: 'now' },
        draft: true,
      })
      .expect(201);
    await admin.delete(`/api/mass-sends/${another.body.id}`).expect(204);
    expect(await rowOf(another.body.id)).toBeUndefined();
  }, 60_000);

  it('refuses a time less than 5 minutes ahead and an audience that reaches no one', async () => {
    const soon = new Date(Date.now() + 60_000).toISOString();
    const tooSoon = await admin
      .post('/api/mass-sends')
      .send({
        audience: audience([built.tags.vip], []),
        text: '太早',
        timing: { mode: 'scheduled', sendAt: soon },
      })
      .expect(400);
    expect(tooSoon.body.error.message).toBe('定时发送时间需晚于当前时间5分钟以上');
    const nobody = await admin
      .post('/api/mass-sends')
      .send({ audience: audience([built.tags.vip], [built.tags.vip]), text: '无人', timing: { mode: 'now' } })
      .expect(400);
    expect(nobody.body.error.message).toBe('发送范围内没有客户');
  });

  it('creates a sender’s template exactly once when a worker dies around the WeCom call', async () => {
    // A draft whose recipients are resolved as the workflow resolves them; then its templates are created by
    // the activity itself, as a retried attempt would run it after each kind of crash.
    const draft = await admin
      .post('/api/mass-sends')
      .send({
        audience: audience([built.tags.vip, built.tags.normal], []),
        text: '断点续发',
        timing: { mode: 'now' },
        draft: true,
      })
      .expect(201);
    const ref = { tenantId: TENANT, sendId: draft.body.id as string };
    const massSend = createMassSendApi(new WeComClient({ baseUrl: app.config.wecomApiBase }));
    const activities = createMassSendActivities({
      massSend,
      credentials: loadExternalContactCredentials,
      listSearch: app.listSearch,
    });
    // As Temporal runs an activity: retried while it fails retryably (WeCom's 41063 right after creation).
    const run = async <A extends unknown[], R>(
      activity: (...args: A) => Promise<R>,
      ...args: A
    ): Promise<R> => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return (await new MockActivityEnvironment().run(activity, ...args)) as R;
        } catch (error) {
          if (!(error instanceof WeComApiError && error.retryable) || attempt >= 30) throw error;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    };
    const { senders } = await run(activities.resolveMassSendRecipients, ref);
    expect(senders.length).toBeGreaterThan(1);
    const [diedAfterCall, diedBeforeCall] = senders;
    const countsBefore = (await massSendScenario.templates(corp.corpId)).perSender;

    // Died after WeCom created the template, before the answer was stored: only the intent is there.
    const credentials = await loadExternalContactCredentials(TENANT);
    const recipients = await MassSendRecipientModel.find(
      { tenantId: TENANT, sendId: ref.sendId, senderUserid: diedAfterCall },
      { recipientId: 1 },
    ).lean();
    await MassSendTemplateModel.create({
      _id: `${ref.sendId}|${diedAfterCall}|0`,
      tenantId: TENANT,
      sendId: ref.sendId,
      senderUserid: diedAfterCall,
      chunk: 0,
      state: 'intent',
      intentAt: new Date(),
    });
    const orphan = await massSend.addMsgTemplate(credentials, {
      chat_type: 'single',
      sender: diedAfterCall,
      external_userid: recipients.map((row) => row.recipientId),
      text: { content: '断点续发' },
    });
    // Died before the call: the intent is there, WeCom has nothing.
    await MassSendTemplateModel.create({
      _id: `${ref.sendId}|${diedBeforeCall}|0`,
      tenantId: TENANT,
      sendId: ref.sendId,
      senderUserid: diedBeforeCall,
      chunk: 0,
      state: 'intent',
      intentAt: new Date(),
    });

    for (const sender of senders)
      await run(activities.createSenderTemplates, { ...ref, senderUserid: sender });
    // And once more, as a retry after everything was stored.
    for (const sender of senders)
      await run(activities.createSenderTemplates, { ...ref, senderUserid: sender });

    const countsAfter = (await massSendScenario.templates(corp.corpId)).perSender;
    for (const sender of senders) expect(countsAfter[sender] - (countsBefore[sender] ?? 0)).toBe(1);
    const adopted = await MassSendTemplateModel.findOne({
      tenantId: TENANT,
      _id: `${ref.sendId}|${diedAfterCall}|0`,
    }).lean();
    expect(adopted).toMatchObject({ state: 'created', msgid: orphan.created ? orphan.msgid : 'none' });
  }, 60_000);
});

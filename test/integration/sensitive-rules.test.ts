// Slow (55 s): it ingests an archive and matches every message against the rules.
// Mostly waits: each archive it writes waits for the ingest Schedule's next minute; the CPU stays mostly idle meanwhile.
import request from 'supertest';
import { onMessagesIngested } from '../../lib/archive/ingested-messages-hook';
import type { ChatMessageRecord } from '../../lib/archive/chat-message-record';
import { ArchiveCursorModel } from '../../lib/models/archive-cursor.model';
import { AuditLogModel } from '../../lib/models/audit-log.model';
import { ChatMessageModel } from '../../lib/models/chat-message.model';
import { StaffModel } from '../../lib/models/staff.model';
import { SensitiveAlertModel } from '../../lib/models/sensitive-alert.model';
import { ensureArchiveIngestSchedule } from '../../lib/temporal/archive-ingest-schedule';
import {
  archiveIngestScheduleId,
  sensitiveNoticeWorkflowId,
  sensitiveReviewWorkflowId,
} from '../../lib/temporal/workflow-ids';
import { reviewStateQuery } from '../../workflows/sensitive-review.contract';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { downloadedSheet } from '../support/xlsx-download';
import { refreshListSearch } from '../support/list-search';
import { rotateArchiveKey } from '../support/archive-fixture';
import { ensureCallbackSettings } from '../../lib/wecom/binding-store';
import {
  archiveScenario,
  customerScenario,
  populateCustomerCorp,
  simulator,
  type SimCorp,
} from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('sensitive');
const ADMIN_MOBILE = '13700000061';
type Agent = ReturnType<typeof request.agent>;
interface RuleView {
  id: string;
  name: string;
  words: string[];
  sentiment: string;
  enabled: boolean;
  hitCount: number;
  creatorName: string;
}

/** 敏感消息管理 and 敏感行为设置: rules and settings through the api, detection in the real archive ingest. */
describe('sensitive-message rules', () => {
  let app: TestApp;
  let corp: SimCorp;
  let admin: Agent;
  let customer: string;
  let lastSeq = 0;
  const rules: Record<string, RuleView> = {};

  beforeAll(async () => {
    app = await startTestApp('sensitive-rules');
    corp = await simulator.createCorp('敏感词企业');
    customer = (await populateCustomerCorp(corp.corpId)).customers[0];
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE });
    // zhaomin may log in and review (管理员, all data): the app message gives her the review links.
    await StaffModel.create({
      tenantId: TENANT,
      userid: 'zhaomin',
      name: '销售三号',
      departmentIds: [1],
      roleId: roles.admin,
      systemEnabled: true,
    });
    await rotateArchiveKey([TENANT], corp.corpId);
    const { customers } = await ensureCallbackSettings(TENANT);
    await simulator.setCustomersCallback(corp.corpId, {
      url: `${app.baseUrl}/wecom/callback/${TENANT}/customers`,
      token: customers.token,
      encodingAesKey: customers.aesKey,
    });
    await app.startWorker();
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
  }, 120_000);

  afterAll(async () => {
    await app?.temporal.schedule
      .getHandle(archiveIngestScheduleId(TENANT))
      .delete()
      .catch(() => undefined);
    await app?.stop();
  });

  const say = async (from: string, to: string, content: string) => {
    ({ seq: lastSeq } = await simulator.archiveText(corp.corpId, { from, tolist: [to], content }));
  };
  const ingested = () =>
    eventually(
      async () => (await ArchiveCursorModel.findOne({ tenantId: TENANT }).lean())?.seq === lastSeq,
      90_000,
    );
  const list = async (query: Record<string, string> = {}) =>
    (await admin.get('/api/sensitive-rules').query(query).expect(200)).body as {
      items: RuleView[];
      total: number;
    };

  it('creates rules closed, 负向 by default, words split on "，" only, with the manual’s errors', async () => {
    const created = await admin
      .post('/api/sensitive-rules')
      .send({ name: '辱骂', words: ' 滚 ，垃圾，，滚，a,b ' })
      .expect(201);
    rules.insult = created.body as RuleView;
    expect(rules.insult).toMatchObject({
      name: '辱骂',
      words: ['滚', '垃圾', 'a,b'],
      sentiment: 'negative',
      enabled: false,
      hitCount: 0,
      creatorName: '管理员',
    });
    rules.money = (
      await admin
        .post('/api/sensitive-rules')
        .send({ name: '资金', words: '转账，垃圾', sentiment: 'neutral' })
        .expect(201)
    ).body as RuleView;
    rules.closed = (
      await admin.post('/api/sensitive-rules').send({ name: '一直关闭', words: '报价' }).expect(201)
    ).body as RuleView;

    const tooLong = await admin
      .post('/api/sensitive-rules')
      .send({ name: '一二三四五六七八九十一', words: '滚' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain('规则名称不能超过10个字符');
    const noWords = await admin.post('/api/sensitive-rules').send({ name: '空', words: '，， ' });
    expect(noWords.body.error.message).toContain('请输入敏感词');
    const longWords = await admin.post('/api/sensitive-rules').send({ name: '长', words: '字'.repeat(501) });
    expect(longWords.body.error.message).toContain('敏感词最多输入500个字');
    const taken = await admin.post('/api/sensitive-rules').send({ name: '辱骂', words: '滚' }).expect(409);
    expect(taken.body.error.message).toBe('规则名称已存在');
    expect(await AuditLogModel.countDocuments({ tenantId: TENANT, action: 'sensitive-rule.create' })).toBe(3);
  });

  it('lists newest first, searches by name and filters by 状态', async () => {
    expect((await list()).items.map((r) => r.name)).toEqual(['一直关闭', '资金', '辱骂']);
    expect((await list({ keyword: '资' })).items.map((r) => r.name)).toEqual(['资金']);
    await admin.put(`/api/sensitive-rules/${rules.insult.id}/enabled`).send({ enabled: true }).expect(200);
    await admin.put(`/api/sensitive-rules/${rules.money.id}/enabled`).send({ enabled: true }).expect(200);
    expect((await list({ status: 'enabled' })).items.map((r) => r.name)).toEqual(['资金', '辱骂']);
    expect((await list({ status: 'disabled' })).items.map((r) => r.name)).toEqual(['一直关闭']);
  });

  it('keeps 敏感行为设置, defaults first, at least one audited party', async () => {
    const defaults = await admin.get('/api/sensitive-behavior-settings').expect(200);
    expect(defaults.body).toMatchObject({
      behaviors: [],
      auditedParties: ['customer', 'staff'],
      notifyByApp: true,
    });
    const settings = {
      behaviors: ['sensitive-message', 'card'],
      auditedParties: ['customer', 'staff'],
      auditedUserids: [],
      notifyGroupOwner: true,
      notifyTrigger: true,
      notifyUserids: ['zhaomin'],
      notifyByApp: true,
    };
    const none = await admin
      .put('/api/sensitive-behavior-settings')
      .send({ ...settings, auditedParties: [] });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain('请至少选择一个被审计范围');
    await admin.put('/api/sensitive-behavior-settings').send(settings).expect(200);
    expect((await admin.get('/api/sensitive-behavior-settings').expect(200)).body).toEqual(settings);
  });

  it('matches every ingested message: one row per message and rule, none for closed rules', async () => {
    // Chats between two members are not monitored (R-7.6-09); red packets are not watched here.
    await say('lina', 'wangwei', '垃圾');
    ({ seq: lastSeq } = await archiveScenario.archiveMessage(corp.corpId, {
      from: 'lina',
      tolist: [customer],
      msgtype: 'card',
      body: { corpname: '敏感词企业', userid: 'wangwei' },
    }));
    await say('lina', customer, '你这个垃圾，滚');
    await say(customer, 'lina', '我先转账给你');
    await say('lina', customer, '报价单明天发');
    await say('lina', customer, 'A,B 不算');
    await ensureArchiveIngestSchedule(app.temporal, app.config.temporalTaskQueue, TENANT);
    await ingested();

    expect(
      (await SensitiveAlertModel.find({ tenantId: TENANT, behavior: 'card' }).lean()).map((a) => a.from),
    ).toEqual(['lina']);
    const hits = (await SensitiveAlertModel.find({ tenantId: TENANT, behavior: 'sensitive-message' }).lean())
      .map((h) => [h.content, h.ruleName, h.words, h.senderType])
      .sort((a, b) => String(a).localeCompare(String(b)));
    expect(hits).toEqual(
      [
        ['你这个垃圾，滚', '资金', ['垃圾'], 'staff'],
        ['你这个垃圾，滚', '辱骂', ['垃圾', '滚'], 'staff'],
        ['我先转账给你', '资金', ['转账'], 'external'],
      ].sort((a, b) => String(a).localeCompare(String(b))),
    );
    const byName = new Map((await list()).items.map((r) => [r.name, r.hitCount]));
    expect(Object.fromEntries(byName)).toEqual({ 辱骂: 1, 资金: 2, 一直关闭: 0 });
    expect((await list({ sort: 'hitCount-asc' })).items.map((r) => r.name)).toEqual([
      '一直关闭',
      '辱骂',
      '资金',
    ]);
    expect((await list({ sort: 'hitCount-desc' })).items.map((r) => r.name)).toEqual([
      '资金',
      '辱骂',
      '一直关闭',
    ]);
  }, 120_000);

  it('changes nothing when a batch is delivered again', async () => {
    const stored = (await ChatMessageModel.find({
      tenantId: TENANT,
    }).lean()) as unknown as ChatMessageRecord[];
    await onMessagesIngested(app.listSearch, TENANT, stored);
    await onMessagesIngested(app.listSearch, TENANT, stored);
    expect(await SensitiveAlertModel.countDocuments({ tenantId: TENANT })).toBe(4);
    expect(Object.fromEntries((await list()).items.map((r) => [r.name, r.hitCount]))).toEqual({
      辱骂: 1,
      资金: 2,
      一直关闭: 0,
    });
  });

  it('sees edits, switches and deletions on the next batch, and keeps hits of deleted rules', async () => {
    await admin
      .put(`/api/sensitive-rules/${rules.closed.id}`)
      .send({ name: '报价类', words: '报价单', sentiment: 'positive' })
      .expect(200);
    await admin.put(`/api/sensitive-rules/${rules.closed.id}/enabled`).send({ enabled: true }).expect(200);
    await admin.put(`/api/sensitive-rules/${rules.money.id}/enabled`).send({ enabled: false }).expect(200);
    await admin.delete(`/api/sensitive-rules/${rules.insult.id}`).expect(204);
    await admin.delete(`/api/sensitive-rules/${rules.insult.id}`).expect(404);

    await say('lina', customer, '垃圾报价单，转账吧');
    await app.temporal.schedule.getHandle(archiveIngestScheduleId(TENANT)).trigger();
    await ingested();

    const latest = await SensitiveAlertModel.find({ tenantId: TENANT, content: '垃圾报价单，转账吧' }).lean();
    expect(latest.map((h) => [h.ruleName, h.sentiment, h.words])).toEqual([
      ['报价类', 'positive', ['报价单']],
    ]);
    expect(await SensitiveAlertModel.countDocuments({ tenantId: TENANT, ruleId: rules.insult.id })).toBe(1);
    const listed = (await list()).items;
    expect(listed.map((r) => [r.name, r.enabled, r.hitCount])).toEqual([
      ['报价类', true, 1],
      ['资金', false, 2],
    ]);
    expect(await AuditLogModel.distinct('action', { tenantId: TENANT, action: /^sensitive-rule\./ })).toEqual(
      expect.arrayContaining(['sensitive-rule.update', 'sensitive-rule.switch', 'sensitive-rule.delete']),
    );
  }, 120_000);

  it('records 删除好友 once per customer event, whoever deletes whom (R-7.6-03, I-111)', async () => {
    const current = (await admin.get('/api/sensitive-behavior-settings').expect(200)).body as object;
    await admin
      .put('/api/sensitive-behavior-settings')
      .send({ ...current, behaviors: ['delete-friend'] })
      .expect(200);
    const deleteFriend = () =>
      SensitiveAlertModel.find({ tenantId: TENANT, behavior: 'delete-friend' }).sort({ from: 1 }).lean();

    const byStaff = await customerScenario.endRelation(corp.corpId, customer, 'lina', 'member');
    await eventually(async () => (await deleteFriend()).length === 1, 60_000);
    await simulator.replay(corp.corpId, byStaff.delivery!.id);
    await simulator.replay(corp.corpId, byStaff.delivery!.id);
    const byCustomer = await customerScenario.endRelation(corp.corpId, customer, 'zhaomin', 'customer');
    await eventually(async () => (await deleteFriend()).length === 2, 60_000);
    await simulator.replay(corp.corpId, byCustomer.delivery!.id);

    const rows = await deleteFriend();
    expect(rows.map((row) => [row.from, row.senderType, row.content])).toEqual(
      [
        ['lina', 'staff', ''],
        [customer, 'external', ''],
      ].sort(),
    );
  }, 120_000);

  it('lists the alerts newest first, by 敏感行为 and 触发时间, searched by 发送人 (R-5.3.1)', async () => {
    type AlertPage = {
      total: number;
      items: Array<{
        behavior: string;
        senderName: string;
        senderType: string;
        ruleName: string | null;
        content: string;
        words: string[];
      }>;
    };
    // The ingest indexes its alerts without waiting for Elasticsearch's refresh.
    const alerts = async (query: Record<string, string> = {}) => {
      await refreshListSearch(app);
      return (await admin.get('/api/sensitive-alerts').query(query).expect(200)).body as AlertPage;
    };
    // The org sync's row for lina (not run in this suite): the list shows members by name.
    await StaffModel.create({ tenantId: TENANT, userid: 'lina', name: '销售一号' });
    const all = await alerts();
    expect(all.total).toBe(7);
    expect(all.items[0].behavior).toBe('delete-friend');
    const messages = await alerts({ behavior: 'sensitive-message' });
    expect(messages.total).toBe(4);
    expect(messages.items[0]).toMatchObject({ ruleName: '报价类', words: ['报价单'], senderType: 'staff' });
    // 详情 of a card is "[名片]" (I-85), of a deleted friend "--" (R-5.3.1-08).
    expect((await alerts({ behavior: 'card' })).items.map((a) => [a.senderType, a.content])).toEqual([
      ['staff', '[名片]'],
    ]);
    expect((await alerts({ behavior: 'delete-friend' })).items.map((a) => a.content)).toEqual(['--', '--']);
    const linaName = messages.items[0].senderName;
    expect(linaName).not.toBe('lina');
    expect(
      (await alerts({ keyword: linaName.slice(0, 2) })).items.every((a) => a.senderName === linaName),
    ).toBe(true);
    expect((await alerts({ from: new Date(Date.now() + 3_600_000).toISOString() })).total).toBe(0);
    const bad = await admin.get('/api/sensitive-alerts').query({ behavior: 'nope' });
    expect(bad.body.error.message).toContain('敏感行为类型不正确');
  });

  describe('审核 (R-5.3.1): a notice per chat message, a review workflow per alert', () => {
    const reviewState = (alertId: string) =>
      app.temporal.workflow.getHandle(sensitiveReviewWorkflowId(TENANT, alertId)).query(reviewStateQuery);
    const noticesTo = async (userid: string, text: string) =>
      (await simulator.appMessages(corp.corpId, userid)).messages.filter((m) =>
        JSON.stringify(m.content).includes(text),
      );
    const transferAlert = async () =>
      (await SensitiveAlertModel.findOne({
        tenantId: TENANT,
        senderType: 'external',
        words: '转账',
      }).lean())!;
    type AlertPage = {
      total: number;
      items: Array<{
        id: string;
        status: string;
        reviewerName: string | null;
        reviewNote: string;
        reviewedAt: string | null;
      }>;
    };
    // The ingest indexes its alerts without waiting for Elasticsearch's refresh.
    const alerts = async (query: Record<string, string> = {}) => {
      await refreshListSearch(app);
      return (await admin.get('/api/sensitive-alerts').query(query).expect(200)).body as AlertPage;
    };

    /** Waits for the app message workflow of a chat message to finish. */
    const noticeSent = async (alert: { msgid?: string | null }) =>
      app.temporal.workflow.getHandle(sensitiveNoticeWorkflowId(TENANT, alert.msgid!)).result();

    it('messages each recipient once per chat message, listing every rule it hit (R-7.6-10, I-110/I-111)', async () => {
      const card = (await SensitiveAlertModel.findOne({ tenantId: TENANT, behavior: 'card' }).lean())!;
      await noticeSent(card);
      expect(await noticesTo('zhaomin', '发名片')).toHaveLength(1);
      expect(await noticesTo('lina', '发名片')).toHaveLength(1);

      // Two rules hit one sentence: two rows to review, one message to each recipient naming both.
      const insultRows = await SensitiveAlertModel.find({
        tenantId: TENANT,
        content: '你这个垃圾，滚',
      }).lean();
      const insult = insultRows.map((row) => row._id).sort();
      expect(insult).toHaveLength(2);
      await noticeSent(insultRows[0]);
      const [toReviewer] = await noticesTo('zhaomin', '你这个垃圾，滚');
      expect(await noticesTo('zhaomin', '你这个垃圾，滚')).toHaveLength(1);
      const text = toReviewer.content.content;
      for (const line of [
        '触发人：lina',
        '发送人类别：员工',
        '敏感行为：敏感消息',
        '辱骂（垃圾、滚）',
        '资金（垃圾）',
        '详情：你这个垃圾，滚',
      ]) {
        expect(text).toContain(line);
      }
      // zhaomin may review: a link to each row's review dialog; lina may not log in: no links.
      for (const id of insult) {
        expect(text).toContain(`/archive/sensitive-behaviors?review=${encodeURIComponent(id)}`);
      }
      const [toFollower] = await noticesTo('lina', '你这个垃圾，滚');
      expect(await noticesTo('lina', '你这个垃圾，滚')).toHaveLength(1);
      expect(toFollower.content.content).toContain('资金（垃圾）');
      expect(toFollower.content.content).not.toContain('review=');

      // A customer's message: its follower in the chat hears about it, with the rule and its words.
      const transfer = await transferAlert();
      await noticeSent(transfer);
      expect(await noticesTo('lina', '资金（转账）')).toHaveLength(1);
      expect(await noticesTo('zhaomin', '资金（转账）')).toHaveLength(1);
    }, 90_000);

    it('reviews and re-reviews: the row at once, the workflow durably, each audited', async () => {
      const { _id: id } = await transferAlert();
      const bad = await admin
        .post(`/api/sensitive-alerts/${encodeURIComponent(id)}/review`)
        .send({ verdict: 'x' });
      expect(bad.body.error.message).toContain('请选择审核结果');
      const long = await admin
        .post(`/api/sensitive-alerts/${encodeURIComponent(id)}/review`)
        .send({ verdict: 'violation', note: '字'.repeat(201) });
      expect(long.body.error.message).toContain('备注不能超过200个字');
      await admin.post('/api/sensitive-alerts/nope/review').send({ verdict: 'violation' }).expect(404);

      await admin
        .post(`/api/sensitive-alerts/${encodeURIComponent(id)}/review`)
        .send({ verdict: 'violation', note: '确有违规' })
        .expect(204);
      expect((await alerts({ status: 'reviewed' })).items).toEqual([
        expect.objectContaining({ id, status: 'violation', reviewerName: '管理员', reviewNote: '确有违规' }),
      ]);
      expect((await alerts({ status: 'pending' })).items.map((a) => a.id)).not.toContain(id);
      // One search for 发送人 or 审核人 (R-5.3.1-02).
      expect((await alerts({ keyword: '管理' })).items.map((a) => a.id)).toEqual([id]);
      expect((await alerts({ keyword: '别人' })).total).toBe(0);
      const one = await admin.get(`/api/sensitive-alerts/${encodeURIComponent(id)}`).expect(200);
      expect(one.body).toMatchObject({ id, status: 'violation', content: '我先转账给你' });
      await admin.get('/api/sensitive-alerts/nope').expect(404);
      await eventually(async () => (await reviewState(id)).decision?.verdict === 'violation', 30_000);

      await admin
        .post(`/api/sensitive-alerts/${encodeURIComponent(id)}/review`)
        .send({ verdict: 'dismissed', note: '误报' })
        .expect(204);
      await eventually(async () => (await reviewState(id)).decision?.verdict === 'dismissed', 30_000);
      expect((await alerts({ status: 'reviewed' })).items.map((a) => [a.id, a.status, a.reviewNote])).toEqual(
        [[id, 'dismissed', '误报']],
      );
      const audits = await AuditLogModel.find({ tenantId: TENANT, action: 'sensitive-alert.review' })
        .sort({ at: 1 })
        .lean();
      expect(audits.map((a) => (a.after as { status: string }).status)).toEqual(['violation', 'dismissed']);
      const bogus = await admin.get('/api/sensitive-alerts').query({ status: 'nope' });
      expect(bogus.body.error.message).toContain('审核状态不正确');
    }, 90_000);

    it('exports what the list shows, filters and search applied, 详情 in full, with the review (R-5.3.3-01)', async () => {
      const exported = async (query: Record<string, string>) => {
        await refreshListSearch(app);
        return downloadedSheet(admin.get('/api/sensitive-alerts/export').query(query), '敏感行为');
      };
      const messages = await exported({ behavior: 'sensitive-message' });
      expect(messages.header).toEqual([
        '触发时间',
        '触发人',
        '发送人类别',
        '敏感行为',
        '命中规则',
        '好友/群名称',
        '详情',
        '状态',
        '审核结果',
        '审核人',
        '审核时间',
        '备注',
      ]);
      expect(messages.body).toHaveLength(4);
      expect(messages.body[0].slice(1, 11)).toEqual([
        '销售一号',
        '员工',
        '敏感消息',
        '报价类',
        '张三',
        '垃圾报价单，转账吧',
        '未审核',
        '-',
        '-',
        '-',
      ]);
      expect(messages.body.map((row) => row[4]).sort()).toEqual(['报价类', '资金', '资金', '辱骂'].sort());

      // 状态 and the 审核人 search narrow the export as they narrow the list.
      const { id, reviewedAt } = (await alerts({ status: 'reviewed' })).items[0];
      const china = new Date(Date.parse(reviewedAt!) + 8 * 3_600_000).toISOString().slice(0, 19);
      const reviewedRow = [
        '张三',
        '客户',
        '敏感消息',
        '资金',
        '张三',
        '我先转账给你',
        '已审核',
        '移除预警',
        '管理员',
        china.replace('T', ' '),
        '误报',
      ];
      expect((await exported({ status: 'reviewed' })).body.map((row) => row.slice(1))).toEqual([reviewedRow]);
      expect((await exported({ keyword: '管理' })).body.map((row) => row.slice(1))).toEqual([reviewedRow]);
      const pending = await exported({ status: 'pending', behavior: 'sensitive-message' });
      expect(pending.body).toHaveLength(3);
      expect(pending.body.every((row) => row[7] === '未审核')).toBe(true);
      expect((await alerts({ status: 'reviewed' })).items.map((a) => a.id)).toEqual([id]);
    });

    it('shows the hit in its conversation with the messages around it', async () => {
      const hit = (await SensitiveAlertModel.findOne({
        tenantId: TENANT,
        ruleName: '辱骂',
        content: '你这个垃圾，滚',
      }).lean())!;
      const context = (
        await admin.get(`/api/sensitive-alerts/${encodeURIComponent(hit._id)}/context`).expect(200)
      ).body as { words: string[]; messages: Array<{ content: string; msgtype: string; hit: boolean }> };
      expect(context.words).toEqual(['垃圾', '滚']);
      const at = context.messages.findIndex((m) => m.hit);
      expect(context.messages[at].content).toBe('你这个垃圾，滚');
      expect(context.messages.length).toBeLessThanOrEqual(11);
      expect(context.messages.slice(0, at).map((m) => m.msgtype)).toContain('card');
      expect(context.messages.slice(at + 1).map((m) => m.content)).toContain('我先转账给你');
      await admin.get('/api/sensitive-alerts/nope/context').expect(404);
    });

    it('keeps whom WeCom did not deliver a notice to, and names them in the review dialog', async () => {
      // 离职员工 is still staff here, but WeCom no longer has the member: the notice cannot reach them.
      await StaffModel.create({ tenantId: TENANT, userid: 'gone', name: '离职员工', departmentIds: [1] });
      await admin
        .put('/api/sensitive-behavior-settings')
        .send({
          behaviors: ['sensitive-message', 'card'],
          auditedParties: ['customer', 'staff'],
          auditedUserids: [],
          notifyGroupOwner: true,
          notifyTrigger: true,
          notifyUserids: ['zhaomin', 'gone'],
          notifyByApp: true,
        })
        .expect(200);
      // 报价类 is the rule still switched on (see the edits test above).
      await say('lina', customer, '又发报价单');
      await app.temporal.schedule.getHandle(archiveIngestScheduleId(TENANT)).trigger();
      await ingested();
      const hit = (await SensitiveAlertModel.findOne({ tenantId: TENANT, content: '又发报价单' }).lean())!;
      await noticeSent(hit);
      expect(await noticesTo('zhaomin', '又发报价单')).toHaveLength(1);

      const context = (
        await admin.get(`/api/sensitive-alerts/${encodeURIComponent(hit._id)}/context`).expect(200)
      ).body as { noticeUndelivered: unknown[] };
      expect(context.noticeUndelivered).toEqual([
        { userid: 'gone', name: '离职员工', reason: 'invaliduser' },
      ]);
      // Delivered to everyone: nothing to show.
      const earlier = (await SensitiveAlertModel.findOne({ tenantId: TENANT, behavior: 'card' }).lean())!;
      const delivered = await admin
        .get(`/api/sensitive-alerts/${encodeURIComponent(earlier._id)}/context`)
        .expect(200);
      expect(delivered.body.noticeUndelivered).toEqual([]);
    }, 120_000);
  });
});

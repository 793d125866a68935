// Slow (30 s): reminders wait for their minute, one of them for a worker to start again.
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import request from 'supertest';
import { AuditLogModel } from '../../lib/models/audit-log.model';
import { ContactRecordModel } from '../../lib/models/contact-record.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { contactReminderWorkflowId } from '../../lib/temporal/workflow-ids';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { indexSeededCustomers } from '../support/customer-search';
import { simulator, type SimCorp } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId, createMember } from '../support/tenant-fixture';

const TENANT = freshTenantId('records');
const MB = 1024 * 1024;

describe('联系记录 and 提醒事项 (R-3.1.3, I-49, I-50)', () => {
  let app: TestApp;
  let corp: SimCorp;
  let admin: ReturnType<typeof request.agent>;
  let lina: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    app = await startTestApp('contact-records');
    await app.startWorker();
    corp = await simulator.createCorp('联系记录企业');
    for (const [userid, name, mobile] of [
      ['admin', '管理员', '13700000401'],
      ['lina', '李娜', '13700000402'],
      ['wang', '王强', '13700000403'],
    ]) {
      await simulator.addUser(corp.corpId, { userid, name, mobile, department: [1] });
    }
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: '13700000401' });
    // zhao is staff here but no longer in the WeCom corp (left, and no callback has told us yet).
    for (const [userid, name, mobile] of [
      ['lina', '李娜', '13700000402'],
      ['wang', '王强', '13700000403'],
      ['zhao', '赵敏', '13700000404'],
    ]) {
      await createMember(TENANT, {
        userid,
        name,
        mobile,
        roleId: roles.staff,
      });
    }
    // lina's customer, and one only wang added (outside lina's 只看本人).
    await CustomerModel.create({
      tenantId: TENANT,
      externalUserid: 'wm-lina-1',
      name: '张三',
      adderUserids: ['lina'],
    });
    await CustomerModel.create({
      tenantId: TENANT,
      externalUserid: 'wm-wang-1',
      name: '李四',
      adderUserids: ['wang'],
    });
    await indexSeededCustomers(app.customerSearch, TENANT);
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: '13700000401', password: ADMIN_PASSWORD }).expect(200);
    lina = request.agent(app.baseUrl);
    await lina.post('/api/auth/login').send({ phone: '13700000402', password: ADMIN_PASSWORD }).expect(200);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  const records = (externalUserid: string) => `/api/customers/${externalUserid}/contact-records`;

  it('lists a customer’s records newest first, a page at a time', async () => {
    for (const text of ['第一次沟通', '第二次沟通', '第三次沟通']) {
      await lina.post(records('wm-lina-1')).send({ kind: 'record', text }).expect(201);
    }
    const first = await lina.get(records('wm-lina-1')).query({ page: 1, pageSize: 2 }).expect(200);
    expect(first.body.total).toBe(3);
    expect(first.body.items.map((r: { text: string }) => r.text)).toEqual(['第三次沟通', '第二次沟通']);
    expect(first.body.items[0]).toMatchObject({
      kind: 'record',
      creator: { userid: 'lina', name: '李娜' },
      mine: true,
    });
    const second = await lina.get(records('wm-lina-1')).query({ page: 2, pageSize: 2 }).expect(200);
    expect(second.body.items.map((r: { text: string }) => r.text)).toEqual(['第一次沟通']);
  });

  it('takes 1 to 100 characters of text, with the manual’s limit in the message', async () => {
    const long = await lina.post(records('wm-lina-1')).send({ kind: 'record', text: '字'.repeat(101) });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toContain('内容最多100个字');
    const empty = await lina.post(records('wm-lina-1')).send({ kind: 'record', text: '   ' });
    expect(empty.body.error.message).toContain('请输入内容');
    await lina
      .post(records('wm-lina-1'))
      .send({ kind: 'record', text: '字'.repeat(100) })
      .expect(201);
  });

  it('stores attachments of any type outside the record documents and streams them back', async () => {
    const bytes = randomBytes(3 * MB);
    const upload = await lina
      .post('/api/contact-record-attachments')
      .attach('file', bytes, { filename: '报价单.xyz', contentType: 'application/x-whatever' })
      .expect(201);
    expect(upload.body).toMatchObject({
      name: '报价单.xyz',
      size: bytes.length,
      contentType: 'application/x-whatever',
    });
    const created = await lina
      .post(records('wm-lina-1'))
      .send({ kind: 'record', text: '发了报价', attachmentIds: [upload.body.fileId] })
      .expect(201);
    expect(created.body.attachments).toEqual([upload.body]);

    const stored = await ContactRecordModel.findOne({ tenantId: TENANT, _id: created.body.id }).lean();
    expect(JSON.stringify(stored).length).toBeLessThan(2000);
    const chunks = await mongoose.connection
      .collection('contactRecordFiles.chunks')
      .countDocuments({ files_id: new mongoose.Types.ObjectId(upload.body.fileId) });
    expect(chunks).toBeGreaterThan(1);

    const download = await lina
      .get(`${records('wm-lina-1')}/${created.body.id}/attachments/${upload.body.fileId}`)
      .buffer(true)
      .parse((res, done) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => done(null, Buffer.concat(parts)));
      })
      .expect(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);

    // A file already in a record cannot be attached a second time.
    const again = await lina
      .post(records('wm-lina-1'))
      .send({ kind: 'record', text: '再发一次', attachmentIds: [upload.body.fileId] });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe('附件不存在或已被使用，请重新上传');
  });

  it('refuses an attachment over 20 MB and keeps none of it', async () => {
    const filesBefore = await mongoose.connection.collection('contactRecordFiles.files').countDocuments({});
    const tooBig = await lina
      .post('/api/contact-record-attachments')
      .attach('file', Buffer.alloc(20 * MB + 1, 1), { filename: 'big.bin' });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toBe('单个附件不能超过20M');
    expect(await mongoose.connection.collection('contactRecordFiles.files').countDocuments({})).toBe(
      filesBefore,
    );
    // Exactly 20 MB is allowed.
    await lina
      .post('/api/contact-record-attachments')
      .attach('file', Buffer.alloc(20 * MB, 2), { filename: 'limit.bin' })
      .expect(201);
  }, 60_000);

  it('shows and accepts records only for customers in the caller’s data scope', async () => {
    const hidden = await lina.get(records('wm-wang-1'));
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.message).toBe('客户不存在');
    expect((await lina.post(records('wm-wang-1')).send({ kind: 'record', text: '越权' })).status).toBe(404);
    await admin.post(records('wm-wang-1')).send({ kind: 'record', text: '管理员记录' }).expect(201);
    const page = await admin.get(records('wm-wang-1')).expect(200);
    expect(page.body.items[0]).toMatchObject({ text: '管理员记录', mine: true });
  });

  it('lets only the creator delete a record, and audits the deletion', async () => {
    const mine = await admin
      .post(records('wm-lina-1'))
      .send({ kind: 'record', text: '管理员的记录' })
      .expect(201);
    const refused = await lina.delete(`${records('wm-lina-1')}/${mine.body.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('只能删除自己创建的联系记录');
    await admin.delete(`${records('wm-lina-1')}/${mine.body.id}`).expect(204);
    const texts = (await admin.get(records('wm-lina-1')).expect(200)).body.items.map(
      (r: { text: string }) => r.text,
    );
    expect(texts).not.toContain('管理员的记录');
    const audit = await AuditLogModel.findOne({ tenantId: TENANT, action: 'contact-record.delete' }).lean();
    expect(audit).toMatchObject({
      target: { type: 'contact-record', id: mine.body.id },
      before: { text: '管理员的记录' },
    });
  });

  it('messages @colleagues at once and everyone at the reminder’s minute, through the WeCom app', async () => {
    const remindAt = new Date(Date.now() + 4000).toISOString();
    const created = await lina
      .post(records('wm-lina-1'))
      .send({ kind: 'reminder', text: '周五回访张三', mentionUserids: ['wang'], remindAt })
      .expect(201);
    expect(created.body.mentions).toEqual([{ userid: 'wang', name: '王强' }]);

    const mention = await eventually(async () =>
      (await simulator.appMessages(corp.corpId, 'wang')).messages.find(
        (m) => m.msgtype === 'textcard' && m.content.title === '李娜@了你',
      ),
    );
    expect(mention.content.description).toContain('周五回访张三');
    expect(mention.content.url).toBe(`${app.baseUrl}/h5/customer?externalUserid=wm-lina-1&tab=records`);

    await app.temporal.workflow.getHandle(contactReminderWorkflowId(TENANT, created.body.id)).result();
    const due = (await simulator.appMessages(corp.corpId)).messages.filter(
      (m) => m.content.title === '提醒事项到期' && m.content.description.includes('周五回访张三'),
    );
    expect(due).toHaveLength(1);
    expect(due[0].touser.sort()).toEqual(['lina', 'wang']);
    expect(new Date(due[0].sentAt).getTime()).toBeGreaterThanOrEqual(new Date(remindAt).getTime());
  }, 60_000);

  it('records the @colleagues WeCom did not deliver to, and shows them as 未送达', async () => {
    const partly = await lina
      .post(records('wm-lina-1'))
      .send({ kind: 'reminder', text: '提醒王强和赵敏', mentionUserids: ['wang', 'zhao'] })
      .expect(201);
    expect(partly.body.undelivered).toEqual([]);
    await app.temporal.workflow.getHandle(contactReminderWorkflowId(TENANT, partly.body.id)).result();
    const received = (await simulator.appMessages(corp.corpId)).messages.filter((m) =>
      String(m.content.description).includes('提醒王强和赵敏'),
    );
    expect(received.map((m) => m.touser)).toEqual([['wang']]);

    // Nobody of the send is in the corp: WeCom refuses it (81013), and the reminder still ends, recorded.
    const nobody = await lina
      .post(records('wm-lina-1'))
      .send({ kind: 'reminder', text: '只提醒赵敏', mentionUserids: ['zhao'] })
      .expect(201);
    await app.temporal.workflow.getHandle(contactReminderWorkflowId(TENANT, nobody.body.id)).result();

    const page = await lina.get(records('wm-lina-1')).query({ pageSize: 100 }).expect(200);
    const shown = (id: string) => page.body.items.find((r: { id: string }) => r.id === id).undelivered;
    expect(shown(partly.body.id)).toEqual([{ userid: 'zhao', name: '赵敏', reason: 'invaliduser' }]);
    expect(shown(nobody.body.id)).toEqual([{ userid: 'zhao', name: '赵敏', reason: 'invaliduser' }]);
  }, 60_000);

  it('keeps a reminder whose minute passed while no worker ran, and sends it when one is back', async () => {
    const remindAt = new Date(Date.now() + 2000);
    const created = await lina
      .post(records('wm-lina-1'))
      .send({ kind: 'reminder', text: '重启后仍提醒', remindAt: remindAt.toISOString() })
      .expect(201);
    await app.stopWorker();
    await new Promise((resolve) => setTimeout(resolve, Math.max(remindAt.getTime() - Date.now(), 0) + 500));
    const whileDown = (await simulator.appMessages(corp.corpId, 'lina')).messages.filter((m) =>
      String(m.content.description).includes('重启后仍提醒'),
    );
    expect(whileDown).toEqual([]);
    await app.startWorker();
    await app.temporal.workflow.getHandle(contactReminderWorkflowId(TENANT, created.body.id)).result();
    const sent = (await simulator.appMessages(corp.corpId, 'lina')).messages.filter((m) =>
      String(m.content.description).includes('重启后仍提醒'),
    );
    expect(sent).toHaveLength(1);
  }, 60_000);

  it('cancels the pending reminder when its record is deleted', async () => {
    const created = await lina
      .post(records('wm-lina-1'))
      .send({
        kind: 'reminder',
        text: '取消的提醒',
        remindAt: new Date(Date.now() + 60 * 60_000).toISOString(),
      })
      .expect(201);
    await lina.delete(`${records('wm-lina-1')}/${created.body.id}`).expect(204);
    await app.temporal.workflow.getHandle(contactReminderWorkflowId(TENANT, created.body.id)).result();
    const sent = (await simulator.appMessages(corp.corpId)).messages.filter((m) =>
      String(m.content.description).includes('取消的提醒'),
    );
    expect(sent).toEqual([]);
  });

  it('refuses a reminder in the past, or one with neither @ nor time', async () => {
    const past = await lina
      .post(records('wm-lina-1'))
      .send({ kind: 'reminder', text: '过去', remindAt: new Date(Date.now() - 60_000).toISOString() });
    expect(past.body.error.message).toBe('提醒时间须晚于当前时间');
    const empty = await lina.post(records('wm-lina-1')).send({ kind: 'reminder', text: '空提醒' });
    expect(empty.body.error.message).toContain('提醒事项请@同事或设置提醒时间');
    const unknown = await lina
      .post(records('wm-lina-1'))
      .send({ kind: 'reminder', text: '@谁', mentionUserids: ['nobody'] });
    expect(unknown.body.error.message).toBe('@的同事不存在：nobody');
  });
});

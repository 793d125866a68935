// Slow (50 s): it fills groups with concurrent scans, restarts the worker and follows the rotation workflow’s alerts.
import request from 'supertest';
import { businessDay } from '../../lib/org/manual-sync-quota';
import { GroupCodeGroupModel } from '../../lib/models/group-code-group.model';
import { qrPng } from '../../lib/qr/qr-png';
import { groupCodeWorkflowId } from '../../lib/temporal/workflow-ids';
import { groupCodeStateQuery } from '../../workflows/group-code.contract';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { simulator, type SimCorp } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId, createMember } from '../support/tenant-fixture';

const TENANT = freshTenantId('group-codes');
const OTHER = freshTenantId('group-codes-b');
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => businessDay(new Date(Date.now() + days * DAY));

type Agent = ReturnType<typeof request.agent>;
interface ScanAnswer {
  name: string;
  guide: string;
  group: { id: string; name: string; qrUrl: string } | null;
  message: string | null;
}

describe('群活码 (R-2.1): exact allocation, strategies, validations, landing, rotation alerts', () => {
  let app: TestApp;
  let corp: SimCorp;
  let admin: Agent;
  let lina: Agent;

  beforeAll(async () => {
    app = await startTestApp('group-codes');
    await app.startWorker();
    corp = await simulator.createCorp('群活码企业');
    await simulator.addUser(corp.corpId, {
      userid: 'admin',
      name: '管理员',
      mobile: '13700000501',
      department: [1],
    });
    await simulator.addUser(corp.corpId, {
      userid: 'lina',
      name: '李娜',
      mobile: '13700000502',
      department: [1],
    });
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: '13700000501' });
    await createMember(TENANT, {
      userid: 'lina',
      name: '李娜',
      mobile: '13700000502',
      roleId: roles.staff,
    });
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: '13700000501', password: ADMIN_PASSWORD }).expect(200);
    lina = request.agent(app.baseUrl);
    await lina.post('/api/auth/login').send({ phone: '13700000502', password: ADMIN_PASSWORD }).expect(200);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  async function uploadImage(agent: Agent, text: string): Promise<string> {
    const png = await qrPng(text, { width: 200, margin: 4 });
    const uploaded = await agent
      .post('/api/group-code-images')
      .attach('file', png, { filename: 'qr.png', contentType: 'image/png' })
      .expect(201);
    return uploaded.body.fileId as string;
  }

  async function createCode(
    agent: Agent,
    input: {
      strategy: string;
      groups: Array<{ name: string; scanLimit: number; store?: unknown }>;
      name?: string;
    },
  ) {
    const groups = [];
    for (const group of input.groups) {
      groups.push({ qrFileId: await uploadImage(agent, group.name), expiresOn: inDays(3), ...group });
    }
    const created = await agent
      .post('/api/group-codes')
      .send({
        name: input.name ?? '双十一活动',
        scene: '门店海报',
        strategy: input.strategy,
        guide: '扫码进群领福利',
        groups,
      })
      .expect(201);
    return created.body as { id: string; link: string; groups: Array<{ id: string; name: string }> };
  }

  const scan = async (codeId: string, body: object = {}, tenantId = TENANT) =>
    (
      await request(app.baseUrl)
        .post(`/api/public/group-codes/${tenantId}/${codeId}/scans`)
        .send(body)
        .expect(200)
    ).body as ScanAnswer;

  it('溢出: fills the first group to its limit, then the next, then says no group is available (异常)', async () => {
    const code = await createCode(admin, {
      strategy: 'overflow',
      groups: [
        { name: 'A群', scanLimit: 2 },
        { name: 'B群', scanLimit: 2 },
      ],
    });
    expect(code.link).toBe(`${app.baseUrl}/group-code/${TENANT}/${code.id}`);
    const landing = await request(app.baseUrl)
      .get(`/api/public/group-codes/${TENANT}/${code.id}`)
      .expect(200);
    expect(landing.body).toEqual({ name: '双十一活动', guide: '扫码进群领福利', strategy: 'overflow' });

    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await scan(code.id));
    expect(answers.map((answer) => answer.group?.name ?? null)).toEqual(['A群', 'A群', 'B群', 'B群', null]);
    expect(answers[4]).toMatchObject({ name: '双十一活动', message: '群已满或二维码已过期，请联系工作人员' });
    const image = await request(app.baseUrl).get(answers[0]!.group!.qrUrl).buffer(true).expect(200);
    expect(image.headers['content-type']).toBe('image/png');

    const list = await admin.get('/api/group-codes').query({ keyword: '双十一' }).expect(200);
    expect(list.body.items.find((row: { id: string }) => row.id === code.id)).toMatchObject({
      status: 'abnormal',
      scanCount: 5,
      groupCount: 2,
      creatorName: '管理员',
    });
    const detail = await admin.get(`/api/group-codes/${code.id}`).expect(200);
    expect(
      detail.body.groups.map((g: { scanCount: number; state: string; expiresAt: string }) => [
        g.scanCount,
        g.state,
      ]),
    ).toEqual([
      [2, 'full'],
      [2, 'full'],
    ]);
    expect(detail.body.groups[0].expiresAt).toBe(`${inDays(3)} 23:59:59`);

    // Raising a limit makes the group usable again: 正常 at once.
    const group = detail.body.groups[0];
    await admin
      .put(`/api/group-codes/${code.id}/groups/${group.id}`)
      .send({ qrFileId: group.qrFileId, name: group.name, expiresOn: group.expiresOn, scanLimit: 3 })
      .expect(200);
    expect((await admin.get(`/api/group-codes/${code.id}`).expect(200)).body.status).toBe('normal');
    expect((await scan(code.id)).group?.name).toBe('A群');
  });

  it('轮流 hands the groups out in turn; 就近 takes the nearest store and falls back to 溢出 without a position', async () => {
    const rotating = await createCode(admin, {
      strategy: 'round-robin',
      groups: [
        { name: '一群', scanLimit: 10 },
        { name: '二群', scanLimit: 10 },
        { name: '三群', scanLimit: 10 },
      ],
    });
    const turns = [];
    for (let i = 0; i < 6; i++) turns.push((await scan(rotating.id)).group?.name);
    expect(turns).toEqual(['一群', '二群', '三群', '一群', '二群', '三群']);

    const store = (name: string, latitude: number, longitude: number) => ({
      name,
      address: '',
      latitude,
      longitude,
    });
    const nearest = await createCode(admin, {
      strategy: 'nearest',
      groups: [
        { name: '上海店群', scanLimit: 10, store: store('上海店', 31.23, 121.47) },
        { name: '北京店群', scanLimit: 10, store: store('北京店', 39.9, 116.4) },
        { name: '深圳店群', scanLimit: 1, store: store('深圳店', 22.54, 114.06) },
      ],
    });
    expect((await scan(nearest.id, { latitude: 39.95, longitude: 116.3 })).group?.name).toBe('北京店群');
    expect((await scan(nearest.id, { latitude: 22.6, longitude: 114.1 })).group?.name).toBe('深圳店群');
    // 深圳 is full now: the next nearest store.
    expect((await scan(nearest.id, { latitude: 22.6, longitude: 114.1 })).group?.name).toBe('上海店群');
    // Location refused: the order the groups were added.
    expect((await scan(nearest.id)).group?.name).toBe('上海店群');
  });

  it('concurrent scans never pass a limit nor hand out an expired group', async () => {
    const code = await createCode(admin, {
      strategy: 'overflow',
      name: '并发测试',
      groups: [
        { name: '过期群', scanLimit: 100 },
        { name: '甲群', scanLimit: 15 },
        { name: '乙群', scanLimit: 15 },
        { name: '丙群', scanLimit: 15 },
      ],
    });
    // The first group's 有效期 ended yesterday at 24:00.
    await GroupCodeGroupModel.updateOne(
      { tenantId: TENANT, _id: code.groups[0]!.id },
      { $set: { expiresAt: new Date(Date.now() - DAY) } },
    );
    // Far more scans than places, all at once, against the real landing endpoint.
    const answers = await Promise.all(Array.from({ length: 120 }, () => scan(code.id)));
    const handed = new Map<string, number>();
    for (const answer of answers) {
      const name = answer.group?.name ?? '无';
      handed.set(name, (handed.get(name) ?? 0) + 1);
    }
    expect(Object.fromEntries(handed)).toEqual({ 甲群: 15, 乙群: 15, 丙群: 15, 无: 75 });
    const detail = await admin.get(`/api/group-codes/${code.id}`).expect(200);
    expect(detail.body).toMatchObject({ scanCount: 120, status: 'abnormal' });
    expect(
      detail.body.groups.map((g: { scanCount: number; state: string }) => [g.scanCount, g.state]),
    ).toEqual([
      [0, 'expired'],
      [15, 'full'],
      [15, 'full'],
      [15, 'full'],
    ]);
  });

  it('refuses bad input with the manual’s Chinese messages', async () => {
    const qrFileId = await uploadImage(admin, 'x');
    const group = { qrFileId, name: '群', expiresOn: inDays(1), scanLimit: 5 };
    const base = { name: '活码', scene: '场景', strategy: 'overflow', guide: '', groups: [group] };
    const refused = async (body: object, message: string) => {
      const answer = await admin.post('/api/group-codes').send(body);
      expect({ status: answer.status, message: answer.body.error?.message }).toEqual({
        status: 400,
        message: expect.stringContaining(message),
      });
    };
    await refused({ ...base, name: '' }, '请输入群活码名称');
    await refused({ ...base, name: '活'.repeat(31) }, '群活码名称不能超过30个字');
    await refused({ ...base, scene: '场'.repeat(31) }, '活动场景不能超过30个字');
    await refused({ ...base, strategy: undefined }, '请选择分配策略');
    await refused({ ...base, guide: '引'.repeat(31) }, '引导语不能超过30个字');
    await refused({ ...base, groups: [] }, '请至少添加一个实际群码');
    await refused({ ...base, groups: [{ ...group, name: '群'.repeat(31) }] }, '群名称不能超过30个字');
    await refused({ ...base, groups: [{ ...group, scanLimit: 0 }] }, '扫码限制次数须为正整数');
    await refused({ ...base, groups: [{ ...group, expiresOn: inDays(-1) }] }, '有效期须在');
    await refused({ ...base, groups: [{ ...group, expiresOn: inDays(9) }] }, '有效期须在');
    await refused({ ...base, strategy: 'nearest' }, '位置就近分配策略的实际群码须绑定门店');
    await refused({ ...base, iconFileId: '0'.repeat(24) }, '活码图片不存在，请重新上传');
    await admin
      .post('/api/group-codes')
      .send({ ...base, name: '活'.repeat(30), scene: '场'.repeat(30), guide: '引'.repeat(30) })
      .expect(201);

    for (const file of [
      { bytes: Buffer.from('GIF89a........'), contentType: 'image/gif', filename: 'a.gif' },
      { bytes: Buffer.from('not an image'), contentType: 'image/png', filename: 'fake.png' },
      {
        bytes: Buffer.concat([await qrPng('big', { width: 132, margin: 4 }), Buffer.alloc(2 * 1024 * 1024)]),
        contentType: 'image/png',
        filename: 'big.png',
      },
    ]) {
      const answer = await admin
        .post('/api/group-code-images')
        .attach('file', file.bytes, { filename: file.filename, contentType: file.contentType });
      expect({ status: answer.status, message: answer.body.error?.message }).toEqual({
        status: 400,
        message: '只能上传jpg/png格式图片，且不超过2M',
      });
    }
  });

  it('the QR downloads as a PNG with the icon in its centre; the list filters, and 数据权限 hides others’ codes', async () => {
    const iconFileId = await uploadImage(admin, 'icon');
    const code = await createCode(admin, {
      strategy: 'overflow',
      name: '带图标活码',
      groups: [{ name: '群', scanLimit: 5 }],
    });
    await admin
      .put(`/api/group-codes/${code.id}`)
      .send({ name: '带图标活码', scene: '门店海报', strategy: 'overflow', guide: '', iconFileId })
      .expect(200);
    const png = await admin
      .get(`/api/group-codes/${code.id}/qr`)
      .query({ download: '1' })
      .buffer(true)
      .expect(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['content-disposition']).toContain('attachment');

    const normal = await admin
      .get('/api/group-codes')
      .query({ status: 'normal', keyword: '带图标' })
      .expect(200);
    expect(normal.body.items.map((row: { name: string }) => row.name)).toEqual(['带图标活码']);
    expect(
      (await admin.get('/api/group-codes').query({ status: 'abnormal', keyword: '带图标' })).body.total,
    ).toBe(0);
    expect((await lina.get('/api/group-codes').expect(200)).body.total).toBe(0);
    await lina.get(`/api/group-codes/${code.id}`).expect(404);
    const own = await createCode(lina, {
      strategy: 'overflow',
      name: '李娜的活码',
      groups: [{ name: '群', scanLimit: 5 }],
    });
    expect(
      (await lina.get('/api/group-codes').expect(200)).body.items.map((r: { id: string }) => r.id),
    ).toEqual([own.id]);
    expect((await lina.get(`/api/group-codes/${own.id}`).expect(200)).body.creatorName).toBe('李娜');

    const columns = await admin
      .put('/api/group-codes/columns')
      .send({ columns: ['name', 'status'] })
      .expect(200);
    expect(columns.body.columns).toEqual(['name', 'status']);
  });

  it('the public landing endpoint answers only for the tenant its address names', async () => {
    const code = await createCode(admin, {
      strategy: 'overflow',
      name: '隔离活码',
      groups: [{ name: '群', scanLimit: 5 }],
    });
    const elsewhere = await request(app.baseUrl).get(`/api/public/group-codes/${OTHER}/${code.id}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.text).not.toContain('隔离活码');
    await request(app.baseUrl).post(`/api/public/group-codes/${OTHER}/${code.id}/scans`).send({}).expect(404);
    await request(app.baseUrl)
      .get(`/api/public/group-codes/${OTHER}/${code.id}/groups/${code.groups[0]!.id}/qr`)
      .expect(404);
    expect((await admin.get(`/api/group-codes/${code.id}`).expect(200)).body.scanCount).toBe(0);
  });

  it('the workflow survives a worker restart: a code filled while no worker runs is reported when one is back', async () => {
    const code = await createCode(admin, {
      strategy: 'overflow',
      name: '重启活码',
      groups: [{ name: '唯一群', scanLimit: 1 }],
    });
    const handle = app.temporal.workflow.getHandle(groupCodeWorkflowId(TENANT, code.id));
    await eventually(async () => (await handle.query(groupCodeStateQuery)).reviews > 0);
    await app.stopWorker();
    try {
      expect((await scan(code.id)).group?.name).toBe('唯一群');
      // The scan itself already stored 异常; the alert waits for a worker.
      expect((await admin.get(`/api/group-codes/${code.id}`).expect(200)).body.status).toBe('abnormal');
    } finally {
      await app.startWorker();
    }
    await eventually(async () =>
      (await simulator.appMessages(corp.corpId, 'admin')).messages.some(
        (m) => m.content.title === '群活码已异常' && String(m.content.description).includes('重启活码'),
      ),
    );
  });

  it('the rotation workflow messages the creator when the code is about to run dry and when it turns 异常; 删除 ends it', async () => {
    const code = await createCode(admin, {
      strategy: 'overflow',
      name: '提醒活码',
      groups: [{ name: '唯一群', scanLimit: 2 }],
    });
    const handle = app.temporal.workflow.getHandle(groupCodeWorkflowId(TENANT, code.id));
    const description = await handle.describe();
    expect(description.searchAttributes).toMatchObject({ TenantId: [TENANT], EntityType: ['group-code'] });
    await eventually(async () => {
      const state = await handle.query(groupCodeStateQuery);
      return state.status === 'normal';
    });

    const titles = async () =>
      (await simulator.appMessages(corp.corpId, 'admin')).messages
        .filter((m) => m.msgtype === 'textcard' && String(m.content.description).includes('提醒活码'))
        .map((m) => m.content.title);
    await scan(code.id);
    await eventually(async () => (await titles()).includes('群活码即将不可用'));
    await scan(code.id);
    await eventually(async () => (await titles()).includes('群活码已异常'));
    expect(await titles()).toEqual(['群活码即将不可用', '群活码已异常']);
    const message = (await simulator.appMessages(corp.corpId, 'admin')).messages.at(-1)!;
    expect(message.content.url).toBe(`${app.baseUrl}/acquisition/group-codes/${code.id}/groups`);

    await admin.delete(`/api/group-codes/${code.id}`).expect(204);
    await eventually(async () => (await handle.describe()).status.name === 'COMPLETED');
    const gone = await request(app.baseUrl).get(`/api/public/group-codes/${TENANT}/${code.id}`).expect(404);
    expect(gone.body.error.message).toBe('该群活码已失效');
  });

  // Last: lina is gone from WeCom afterwards.
  it('keeps an alert WeCom could not deliver to a creator who left, and lists it as 未送达', async () => {
    const code = await createCode(lina, {
      strategy: 'overflow',
      name: '离职活码',
      groups: [{ name: '唯一群', scanLimit: 1 }],
    });
    const handle = app.temporal.workflow.getHandle(groupCodeWorkflowId(TENANT, code.id));
    await eventually(async () => ((await handle.query('groupCodeState')) as { reviews: number }).reviews > 0);
    expect((await lina.get(`/api/group-codes/${code.id}`).expect(200)).body.alertUndelivered).toEqual([]);

    // She leaves the corp in the WeCom console; no contacts callback here, so she is still staff to us.
    await simulator.deleteUser(corp.corpId, 'lina');
    await scan(code.id);
    const undelivered = await eventually(async () => {
      const shown = (await lina.get(`/api/group-codes/${code.id}`).expect(200)).body;
      return shown.status === 'abnormal' && shown.alertUndelivered.length > 0
        ? shown.alertUndelivered
        : undefined;
    });
    expect(undelivered).toEqual([{ userid: 'lina', name: '李娜', reason: 'invaliduser' }]);
    const listed = (await admin.get('/api/group-codes').query({ keyword: '离职活码' }).expect(200)).body;
    expect(listed.items[0].alertUndelivered).toEqual(undelivered);
  });
});

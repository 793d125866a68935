import request from 'supertest';
import { hashPassword } from '../../lib/auth/password-hash';
import type {
  SopCalendar,
  SopPlan,
  SopPlanInput,
  SopScope,
  SopTaskInput,
} from '../../lib/contracts/sop.contract';
import { deriveCustomerFields } from '../../lib/customers/customer-derived';
import { AuditLogModel } from '../../lib/models/audit-log.model';
import { CorpTagGroupModel } from '../../lib/models/corp-tag.model';
import { CustomerGroupModel } from '../../lib/models/customer-group.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { RoleModel } from '../../lib/models/role.model';
import { SopPlanModel } from '../../lib/models/sop-plan.model';
import { SOP_REACH_ALL, SopReachModel } from '../../lib/models/sop-reach.model';
import { SopTargetModel } from '../../lib/models/sop-target.model';
import { SopTodoModel } from '../../lib/models/sop-todo.model';
import { StaffModel } from '../../lib/models/staff.model';
import { businessDay } from '../../lib/org/manual-sync-quota';
import { customerGroupReadModel } from '../../lib/search/customer-group-index';
import { writeListRows } from '../../lib/search/list-read-model';
import { sopTargetReadModel } from '../../lib/search/sop-target-index';
import { chinaHourOf } from '../../lib/sop/sop-calendar';
import { sopPlanWorkflowId } from '../../lib/temporal/workflow-ids';
import { indexSeededCustomers } from '../support/customer-search';
import { refreshListSearch } from '../support/list-search';
import { startTestApp, type TestApp } from '../support/app-harness';
import { ADMIN_PASSWORD, createTenant, freshTenantId, createMember } from '../support/tenant-fixture';

const TENANT = freshTenantId('sop');
const OTHER_TENANT = freshTenantId('sop-other');
const ADMIN_MOBILE = '13700000161';
const MEMBER_MOBILE = '13700000162';
const OTHER_ADMIN_MOBILE = '13700000163';
type Agent = ReturnType<typeof request.agent>;

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64)]);
const MP4 = Buffer.concat([Buffer.from('0000001866747970', 'hex'), Buffer.alloc(64)]);
const JPEG_HEAD = Buffer.from('ffd8ffe0', 'hex');
/** A file of exactly `size` bytes opening with `head`: uploads are checked by their first bytes, then sized. */
const padded = (head: Buffer, size: number) => Buffer.concat([head, Buffer.alloc(size - head.length, 1)]);

const TEXT_TASK: SopTaskInput = {
  name: '首日问候',
  timing: { mode: 'after', hours: 0, minutes: 0 },
  channel: 'message',
  contents: [{ kind: 'text', text: '您好，欢迎了解我们的产品' }],
};

const VIP_SCOPE: SopScope = { kind: 'customers', customers: { addedBetween: null, tagIds: ['et-vip'] } };

function planInput(overrides: Partial<SopPlanInput> = {}): SopPlanInput {
  return { name: '新客培育', scope: VIP_SCOPE, tasks: [TEXT_TASK], ...overrides } as SopPlanInput;
}

/** 客户运营 SOP's api (issue 16, R-8.1 … R-8.3, I-112 … I-118) on the real stack. */
describe('SOP', () => {
  let app: TestApp;
  let admin: Agent;
  /** 李娜, the default role: SOP to view, nothing to change, her own data only; a 跟进人 with her 待办. */
  let member: Agent;
  let otherAdmin: Agent;

  beforeAll(async () => {
    app = await startTestApp('sop-plans');
    const { roles } = await createTenant(TENANT, 'SOP企业', { adminMobile: ADMIN_MOBILE });
    await createTenant(OTHER_TENANT, '另一企业', { adminMobile: OTHER_ADMIN_MOBILE });
    await StaffModel.create([
      {
        tenantId: TENANT,
        userid: 'lina',
        name: '李娜',
        mobile: MEMBER_MOBILE,
        systemEnabled: true,
        roleId: roles.staff,
        passwordHash: await hashPassword(ADMIN_PASSWORD),
      },
      { tenantId: TENANT, userid: 'wang', name: '王强', mobile: '13700000164', roleId: roles.staff },
    ]);
    await CorpTagGroupModel.create({
      tenantId: TENANT,
      groupId: 'etg-level',
      name: '客户等级',
      tags: [
        { tagId: 'et-vip', name: 'VIP' },
        { tagId: 'et-new', name: '新客' },
      ],
    });
    const customer = (
      externalUserid: string,
      name: string,
      userid: string,
      addedAt: string,
      tagIds: string[],
    ) => {
      const follows = [{ userid, addedAt: new Date(addedAt), tagIds, remarkMobiles: [], addWay: 1 }];
      return {
        tenantId: TENANT,
        externalUserid,
        name,
        type: 2,
        avatar: `https://a.test/${externalUserid}.png`,
        follows,
        ...deriveCustomerFields(follows),
      };
    };
    await CustomerModel.create([
      customer('wm-1', '张三', 'wang', '2026-03-01T02:00:00Z', ['et-vip']),
      customer('wm-2', '李四', 'wang', '2026-03-05T02:00:00Z', ['et-vip', 'et-new']),
      customer('wm-3', '王五', 'lina', '2026-04-01T02:00:00Z', ['et-vip']),
      customer('wm-4', '赵六', 'lina', '2026-03-10T02:00:00Z', ['et-new']),
    ]);
    await indexSeededCustomers(app.customerSearch, TENANT);
    await writeListRows(
      app.listSearch,
      customerGroupReadModel,
      TENANT,
      ['wr-1'],
      () =>
        CustomerGroupModel.create({
          tenantId: TENANT,
          chatId: 'wr-1',
          name: '产品交流群',
          ownerUserid: 'wang',
          members: [{ userid: 'wang', type: 1 }],
        }),
      { refresh: 'wait_for' },
    );
    const login = async (phone: string) => {
      const agent = request.agent(app.baseUrl);
      await agent.post('/api/auth/login').send({ phone, password: ADMIN_PASSWORD }).expect(200);
      return agent;
    };
    admin = await login(ADMIN_MOBILE);
    member = await login(MEMBER_MOBILE);
    otherAdmin = await login(OTHER_ADMIN_MOBILE);
  }, 90_000);

  afterAll(async () => {
    await app?.stop();
  });

  const create = async (input: SopPlanInput = planInput()) =>
    (await admin.post('/api/sop/plans').send(input).expect(201)).body as SopPlan;
  const messageOf = (response: request.Response) => response.body.error.message as string;
  const upload = (agent: Agent, bytes: Buffer, filename: string, contentType: string) =>
    agent.post('/api/sop/media').attach('file', bytes, { filename, contentType });

  it('refuses bad plans with the manual’s messages', async () => {
    const refused = async (input: object) =>
      messageOf(await admin.post('/api/sop/plans').send(input).expect(400));
    expect(await refused(planInput({ name: '长'.repeat(41) }))).toContain('SOP计划名称最多40个字');
    expect(await refused(planInput({ name: ' ' }))).toContain('请输入SOP计划名称');
    expect(await refused(planInput({ tasks: [] }))).toContain('请添加推送任务');
    expect(
      await refused(
        planInput({ scope: { kind: 'customers', customers: { addedBetween: null, tagIds: [] } } }),
      ),
    ).toContain('请至少选择一个条件');
    expect(
      await refused(
        planInput({
          scope: { kind: 'groups', groups: { groupTagIds: [], ownerUserids: [], nameKeyword: '' } },
        }),
      ),
    ).toContain('请至少选择一个条件');
    const task = (change: object) => planInput({ tasks: [{ ...TEXT_TASK, ...change } as never] });
    expect(await refused(task({ name: '长'.repeat(31) }))).toContain('任务名称最多30个字');
    expect(await refused(task({ timing: { mode: 'after', hours: 24, minutes: 0 } }))).toContain('小时为0-23');
    expect(await refused(task({ timing: { mode: 'after', hours: 1, minutes: 60 } }))).toContain('分钟为0-59');
    expect(await refused(task({ timing: { mode: 'days', days: 366, time: '09:00' } }))).toContain(
      '天数为0-365',
    );
    expect(await refused(task({ contents: [] }))).toContain('请设置发送内容');
    expect(await refused(task({ contents: Array(6).fill({ kind: 'text', text: '一' }) }))).toContain(
      '最多添加5条消息',
    );
    expect(await refused(task({ contents: [{ kind: 'text', text: '字'.repeat(301) }] }))).toContain(
      '消息内容最多300个字',
    );
    // Exactly at the limits is fine.
    await create(
      planInput({
        name: '长'.repeat(40),
        tasks: [
          {
            ...TEXT_TASK,
            name: '名'.repeat(30),
            contents: Array(5).fill({ kind: 'text', text: '字'.repeat(300) }),
          },
        ] as never,
      }),
    );
  });

  it('creates a plan switched on, lists it newest first with its creator, and finds it by keyword', async () => {
    const before = Date.now();
    const plan = await create(planInput({ name: '沉睡客户唤醒计划' }));
    expect(plan).toMatchObject({
      name: '沉睡客户唤醒计划',
      scopeKind: 'customers',
      enabled: true,
      creator: { name: '管理员' },
      taskCount: 1,
    });
    expect(plan.tasks[0].id).toMatch(/^[0-9a-f]{24}$/);
    expect(Date.parse(plan.enabledAt!)).toBeGreaterThanOrEqual(before - 1000);
    const later = await create(planInput({ name: '会员复购计划' }));

    const list = (await admin.get('/api/sop/plans').expect(200)).body;
    expect(list.items[0]).toMatchObject({ id: later.id, name: '会员复购计划', taskCount: 1, enabled: true });
    expect(list.items[1].id).toBe(plan.id);
    const found = (await admin.get('/api/sop/plans').query({ keyword: '唤醒' }).expect(200)).body;
    expect(found.items.map((row: { id: string }) => row.id)).toEqual([plan.id]);
    expect(found.total).toBe(1);

    // The plan's workflow was started for it.
    const described = await app.temporal.workflow.getHandle(sopPlanWorkflowId(TENANT, plan.id)).describe();
    expect(described.status.name).toBe('RUNNING');
    const audit = await AuditLogModel.find({ tenantId: TENANT, action: 'sop-plan.create' }).lean();
    expect(audit.some((row) => row.target?.id === plan.id)).toBe(true);
  });

  it('while on, keeps name, scope and tasks and only adds new tasks (I-115); while off, renews changed tasks', async () => {
    const plan = await create();
    const saved = plan.tasks[0];
    const edit = (input: SopPlanInput) => admin.put(`/api/sop/plans/${plan.id}`).send(input);

    for (const changed of [
      planInput({ name: '改名', tasks: [saved] }),
      planInput({
        scope: { kind: 'customers', customers: { addedBetween: null, tagIds: ['et-new'] } },
        tasks: [saved],
      }),
      planInput({ tasks: [{ ...saved, name: '改了任务' }] }),
      planInput({ tasks: [{ ...saved, timing: { mode: 'after', hours: 1, minutes: 0 } }] }),
      planInput({ tasks: [{ ...TEXT_TASK, name: '别的任务' }] }),
    ]) {
      const refused = await edit(changed).expect(409);
      expect(refused.body.error).toMatchObject({
        code: 'SOP_ON_EDIT_REFUSED',
        message: '计划开启中，仅支持添加新的推送任务',
      });
    }
    const added = (await edit(planInput({ tasks: [saved, { ...TEXT_TASK, name: '次日回访' }] })).expect(200))
      .body as SopPlan;
    expect(added.tasks.map((task) => task.name)).toEqual(['首日问候', '次日回访']);
    expect(added.tasks[0].id).toBe(saved.id);
    expect(added.tasks[1].id).not.toBe(saved.id);

    const off = await admin.put(`/api/sop/plans/${plan.id}/switch`).send({ enabled: false }).expect(200);
    expect(off.body).toMatchObject({ id: plan.id, enabled: false });
    expect((await admin.get(`/api/sop/plans/${plan.id}`).expect(200)).body.enabledAt).toBeNull();

    const [first, second] = added.tasks;
    const reworked = (
      await edit({
        name: '改名后的计划',
        scope: { kind: 'groups', groups: { groupTagIds: [], ownerUserids: ['wang'], nameKeyword: '' } },
        tasks: [
          { ...first, name: '首日问候（改名）' },
          { ...second, channel: 'moments' },
        ],
      } as SopPlanInput).expect(200)
    ).body as SopPlan;
    expect(reworked).toMatchObject({ name: '改名后的计划', scopeKind: 'groups', enabled: false });
    expect(reworked.tasks[0]).toMatchObject({ id: first.id, name: '首日问候（改名）' });
    expect(reworked.tasks[1].id).not.toBe(second.id);
    expect(reworked.tasks[1].channel).toBe('moments');

    const on = await admin.put(`/api/sop/plans/${plan.id}/switch`).send({ enabled: true }).expect(200);
    expect(on.body.enabled).toBe(true);
    expect((await admin.get(`/api/sop/plans/${plan.id}`).expect(200)).body.enabledAt).not.toBeNull();
    const actions = (await AuditLogModel.find({ tenantId: TENANT }).lean())
      .filter((row) => row.target?.id === plan.id)
      .map((row) => row.action)
      .sort();
    expect(actions).toEqual([
      'sop-plan.create',
      'sop-plan.switch',
      'sop-plan.switch',
      'sop-plan.update',
      'sop-plan.update',
    ]);
  });

  it('deletes a plan only when it is off', async () => {
    const plan = await create(planInput({ name: '待删除计划' }));
    const refused = await admin.delete(`/api/sop/plans/${plan.id}`).expect(409);
    expect(refused.body.error).toMatchObject({
      code: 'SOP_ON_DELETE_REFUSED',
      message: '请先关闭计划再删除',
    });
    await admin.put(`/api/sop/plans/${plan.id}/switch`).send({ enabled: false }).expect(200);
    await admin.delete(`/api/sop/plans/${plan.id}`).expect(204);
    await admin.get(`/api/sop/plans/${plan.id}`).expect(404);
    const list = (await admin.get('/api/sop/plans').query({ keyword: '待删除' }).expect(200)).body;
    expect(list.total).toBe(0);
    expect((await SopPlanModel.findOne({ tenantId: TENANT, _id: plan.id }).lean())?.deletedAt).toBeInstanceOf(
      Date,
    );
  });

  it('counts the audience live: tags any-of AND add dates, groups by 群主, in the caller’s 数据权限', async () => {
    const reach = async (scope: unknown, agent = admin) =>
      (await agent.post('/api/sop/reach').send({ scope }).expect(200)).body.total as number;
    expect(await reach(VIP_SCOPE)).toBe(3);
    expect(
      await reach({ kind: 'customers', customers: { addedBetween: null, tagIds: ['et-vip', 'et-new'] } }),
    ).toBe(4);
    expect(
      await reach({
        kind: 'customers',
        customers: { addedBetween: { from: '2026-03-01', to: '2026-03-31' }, tagIds: ['et-vip'] },
      }),
    ).toBe(2);
    expect(
      await reach({
        kind: 'customers',
        customers: { addedBetween: { from: '2026-03-05', to: '2026-03-10' }, tagIds: [] },
      }),
    ).toBe(2);
    expect(
      await reach({ kind: 'groups', groups: { groupTagIds: [], ownerUserids: ['wang'], nameKeyword: '' } }),
    ).toBe(1);
    expect(
      await reach({ kind: 'groups', groups: { groupTagIds: [], ownerUserids: [], nameKeyword: '交流' } }),
    ).toBe(1);
    const bad = await admin
      .post('/api/sop/reach')
      .send({
        scope: {
          kind: 'customers',
          customers: { addedBetween: { from: '2026-03-10', to: '2026-03-01' }, tagIds: [] },
        },
      })
      .expect(400);
    expect(messageOf(bad)).toContain('开始日期不能晚于结束日期');
    // Another tenant's count never includes these customers.
    expect(await reach(VIP_SCOPE, otherAdmin)).toBe(0);
  });

  it('dry-runs a plan: per task, 跟进人 and China hour of the next 7 days', async () => {
    const plan = await create(
      planInput({
        tasks: [
          TEXT_TASK,
          { ...TEXT_TASK, name: '两小时后', timing: { mode: 'after', hours: 2, minutes: 30 } },
          { ...TEXT_TASK, name: '八天后', timing: { mode: 'days', days: 8, time: '09:00' } },
        ] as never,
      }),
    );
    const before = Date.now();
    const calendar = (await admin.get(`/api/sop/plans/${plan.id}/calendar`).expect(200)).body as SopCalendar;
    const after = Date.now();
    expect(calendar.audience).toBe(3);
    const [now, twoHours] = plan.tasks;
    const slotsOf = (taskId: string) =>
      calendar.slots
        .filter((slot) => slot.taskId === taskId)
        .map((slot) => ({ staff: slot.staff.name, count: slot.count, hour: slot.hour }))
        .sort((a, b) => a.staff.localeCompare(b.staff));
    const hours = (offset: number) => [chinaHourOf(before + offset), chinaHourOf(after + offset)];
    const first = slotsOf(now.id);
    expect(first.map(({ staff, count }) => ({ staff, count }))).toEqual(
      [
        { staff: '王强', count: 2 },
        { staff: '李娜', count: 1 },
      ].sort((a, b) => a.staff.localeCompare(b.staff)),
    );
    for (const slot of first) expect(hours(0)).toContain(slot.hour);
    for (const slot of slotsOf(twoHours.id)) expect(hours(150 * 60_000)).toContain(slot.hour);
    expect(slotsOf(plan.tasks[2].id)).toEqual([]);

    const draft = (
      await admin
        .post('/api/sop/calendar')
        .send({ scope: VIP_SCOPE, tasks: [{ timing: { mode: 'after', hours: 1, minutes: 0 } }] })
        .expect(200)
    ).body as SopCalendar;
    expect(draft.audience).toBe(3);
    expect(draft.slots.map((slot) => slot.taskId)).toEqual(['1', '1']);
    expect(draft.slots.reduce((sum, slot) => sum + slot.count, 0)).toBe(3);
    const groups = (
      await admin
        .post('/api/sop/calendar')
        .send({
          scope: { kind: 'groups', groups: { groupTagIds: [], ownerUserids: [], nameKeyword: '产品' } },
          tasks: [{ id: 't', timing: { mode: 'days', days: 1, time: '09:00' } }],
        })
        .expect(200)
    ).body as SopCalendar;
    expect(groups.audience).toBe(1);
    expect(groups.slots).toEqual([
      {
        taskId: 't',
        hour: `${businessDay(new Date(Date.now() + 86_400_000))} 09:00`,
        staff: { userid: 'wang', name: '王强' },
        count: 1,
      },
    ]);
  });

  it('takes jpg/png ≤2M and mp4 ≤10M, and contents only name the tenant’s own uploads', async () => {
    const image = await upload(admin, PNG, 'a.png', 'image/png').expect(201);
    expect(image.body).toMatchObject({ name: 'a.png', contentType: 'image/png', size: PNG.length });
    const loaded = await request(image.body.url as string)
      .get('')
      .expect(200);
    expect(loaded.headers['content-type']).toBe('image/png');
    const video = await upload(admin, MP4, 'v.mp4', 'video/mp4').expect(201);

    const imageRule = '只能上传jpg/png格式图片，且不超过2M';
    const videoRule = '只能上传mp4格式视频，且不超过10M';
    expect(messageOf(await upload(admin, PNG, 'a.gif', 'image/gif').expect(400))).toBe(imageRule);
    expect(messageOf(await upload(admin, MP4, 'v.mov', 'video/quicktime').expect(400))).toBe(videoRule);
    const twoMegabytes = 2 * 1024 * 1024;
    await upload(admin, padded(JPEG_HEAD, twoMegabytes), 'full.jpg', 'image/jpeg').expect(201);
    expect(
      messageOf(await upload(admin, padded(PNG, twoMegabytes + 1), 'big.png', 'image/png').expect(413)),
    ).toBe(imageRule);
    // A video may be larger than an image, up to its own limit.
    await upload(admin, padded(MP4, twoMegabytes + 1), 'mid.mp4', 'video/mp4').expect(201);
    expect(
      messageOf(await upload(admin, padded(MP4, 10 * 1024 * 1024 + 1), 'big.mp4', 'video/mp4').expect(413)),
    ).toBe(videoRule);

    const withContents = (contents: unknown[]) => planInput({ tasks: [{ ...TEXT_TASK, contents } as never] });
    const plan = await create(
      withContents([
        { kind: 'image', fileId: image.body.fileId },
        { kind: 'video', fileId: video.body.fileId },
        { kind: 'poster', title: '海报', fileId: image.body.fileId },
      ]),
    );
    expect(plan.tasks[0].contents).toHaveLength(3);
    const notOwn = async (contents: unknown[]) =>
      messageOf(await admin.post('/api/sop/plans').send(withContents(contents)).expect(400));
    expect(await notOwn([{ kind: 'image', fileId: '0123456789abcdef01234567' }])).toBe(
      '图片或视频不存在，请重新上传',
    );
    expect(await notOwn([{ kind: 'image', fileId: video.body.fileId }])).toBe('图片或视频不存在，请重新上传');
    const othersImage = await upload(otherAdmin, PNG, 'b.png', 'image/png').expect(201);
    expect(await notOwn([{ kind: 'news', title: '图文', fileId: othersImage.body.fileId }])).toBe(
      '图片或视频不存在，请重新上传',
    );
  });

  describe('计划详情 and the H5 待办, with the engine’s rows written here', () => {
    let plan: SopPlan;
    let imageId = '';
    const todoOf = (userid: string) => `${plan.id}|${plan.tasks[0].id}|29000000|${userid}`;

    beforeAll(async () => {
      imageId = (await upload(admin, PNG, 'card.png', 'image/png').expect(201)).body.fileId;
      plan = await create(
        planInput({
          name: '详情计划',
          tasks: [
            {
              ...TEXT_TASK,
              contents: [
                { kind: 'text', text: '新品上市' },
                { kind: 'image', fileId: imageId, name: 'card.png' },
              ],
            },
            { ...TEXT_TASK, name: '朋友圈', channel: 'moments' },
          ] as never,
        }),
      );
      const [task, moments] = plan.tasks;
      const dueAt = new Date('2026-12-01T02:00:00Z');
      const todo = (userid: string, taskId: string, targetCount: number, minute = 29000000) => ({
        _id: `${plan.id}|${taskId}|${minute}|${userid}`,
        tenantId: TENANT,
        planId: plan.id,
        taskId,
        assigneeUserid: userid,
        scopeKind: 'customers',
        taskName: taskId === task.id ? task.name : moments.name,
        channel: taskId === task.id ? 'message' : 'moments',
        contents: taskId === task.id ? task.contents : moments.contents,
        dueAt: new Date(dueAt.getTime() + (minute - 29000000) * 60_000),
        targetCount,
      });
      await SopTodoModel.create([
        todo('lina', task.id, 1),
        todo('wang', task.id, 2),
        todo('wang', task.id, 1, 29000060),
        todo('lina', moments.id, 1),
      ]);
      const target = (
        userid: string,
        taskId: string,
        memberId: string,
        memberName: string,
        minute = 29000000,
      ) => ({
        _id: `${plan.id}|${taskId}|${minute}|${userid}|${memberId}`,
        tenantId: TENANT,
        planId: plan.id,
        taskId,
        todoId: `${plan.id}|${taskId}|${minute}|${userid}`,
        memberId,
        memberName,
        assigneeUserid: userid,
        sentAt: dueAt,
      });
      const targets = [
        target('lina', task.id, 'wm-3', '王五'),
        target('wang', task.id, 'wm-1', '张三'),
        target('wang', task.id, 'wm-2', '李四'),
        target('lina', moments.id, 'wm-3', '王五'),
      ];
      await writeListRows(
        app.listSearch,
        sopTargetReadModel,
        TENANT,
        targets.map((row) => row._id),
        () => SopTargetModel.create(targets),
        { refresh: 'wait_for' },
      );
      // 张三 was reached on an earlier day (wang's earlier to-do of another plan node): all-time only.
      await SopReachModel.create(
        [task.id, SOP_REACH_ALL].map((taskId) => ({
          _id: `${plan.id}|${taskId}|*|wm-1`,
          tenantId: TENANT,
          planId: plan.id,
          taskId,
          day: SOP_REACH_ALL,
          memberId: 'wm-1',
        })),
      );
    });

    const stats = async (taskId?: string) =>
      (
        await admin
          .get(`/api/sop/plans/${plan.id}/stats`)
          .query(taskId ? { taskId } : {})
          .expect(200)
      ).body;

    it('shows the cards, 员工执行明细 and 客户接收明细, the staff filter inside the caller’s 数据权限', async () => {
      const [task] = plan.tasks;
      expect(await stats()).toEqual({ taskCount: 2, staffCount: 2, reachedToday: 0, reachedTotal: 1 });
      expect(await stats(task.id)).toEqual({ taskCount: 2, staffCount: 2, reachedToday: 0, reachedTotal: 1 });

      const staffRows = (
        await admin.get(`/api/sop/plans/${plan.id}/staff-rows`).query({ taskId: task.id }).expect(200)
      ).body;
      expect(staffRows.total).toBe(3);
      expect(staffRows.items[0]).toMatchObject({
        staff: { userid: 'wang', name: '王强' },
        targetCount: 1,
        done: false,
      });
      const wangs = (
        await admin
          .get(`/api/sop/plans/${plan.id}/staff-rows`)
          .query({ taskId: task.id, staffUserid: 'wang', page: 2, pageSize: 1 })
          .expect(200)
      ).body;
      expect(wangs).toMatchObject({
        total: 2,
        page: 2,
        items: [{ instanceId: todoOf('wang'), targetCount: 2 }],
      });

      const receipts = (
        await admin.get(`/api/sop/plans/${plan.id}/receipt-rows`).query({ taskId: task.id }).expect(200)
      ).body;
      expect(receipts.total).toBe(3);
      expect(receipts.items.map((row: { member: { name: string } }) => row.member.name).sort()).toEqual([
        '张三',
        '李四',
        '王五',
      ]);
      expect(receipts.items[0]).toMatchObject({ received: false, receivedAt: null });
      const missingTask = await admin.get(`/api/sop/plans/${plan.id}/receipt-rows`).expect(400);
      expect(messageOf(missingTask)).toContain('请选择任务节点');

      // 李娜 (只看本人): the plan is the admin's, outside her 数据权限, and so are its rows.
      await member.get(`/api/sop/plans/${plan.id}/staff-rows`).query({ taskId: task.id }).expect(404);
      await member.get(`/api/sop/plans/${plan.id}/receipt-rows`).query({ taskId: task.id }).expect(404);
    });

    it('gives the member their own to-dos, contents with loadable files, targets with tags, and 我已完成', async () => {
      const [task, moments] = plan.tasks;
      const open = (await member.get('/api/h5/sop-todos').expect(200)).body;
      expect(open.items.map((card: { id: string }) => card.id).sort()).toEqual(
        [todoOf('lina'), `${plan.id}|${moments.id}|29000000|lina`].sort(),
      );
      expect(open.items[0].description).toMatch(/^管理员发布了新的任务“.+”，请及时去完成哟~$/);

      const path = `/api/h5/sop-todos/${encodeURIComponent(todoOf('lina'))}`;
      const detail = (await member.get(path).expect(200)).body;
      expect(detail).toMatchObject({ taskName: task.name, channel: 'message', targetCount: 1, done: false });
      expect(detail.contents[0]).toEqual({ kind: 'text', text: '新品上市' });
      const image = await request(detail.contents[1].fileUrl as string)
        .get('')
        .expect(200);
      expect(image.headers['content-type']).toBe('image/png');

      const targets = (await member.get(`${path}/targets`).expect(200)).body;
      expect(targets).toMatchObject({
        total: 1,
        items: [{ id: 'wm-3', name: '王五', avatar: 'https://a.test/wm-3.png', type: 2, tags: ['VIP'] }],
      });
      const momentsPath = `/api/h5/sop-todos/${encodeURIComponent(`${plan.id}|${moments.id}|29000000|lina`)}`;
      expect((await member.get(`${momentsPath}/targets`).expect(200)).body).toMatchObject({
        total: 0,
        items: [],
      });

      // Another member's to-do is unknown to her, and to the other tenant.
      await member.get(`/api/h5/sop-todos/${encodeURIComponent(todoOf('wang'))}`).expect(404);
      await member.post(`/api/h5/sop-todos/${encodeURIComponent(todoOf('wang'))}/complete`).expect(404);
      await otherAdmin.get(path).expect(404);

      const done = (await member.post(`${path}/complete`).expect(200)).body;
      expect(done).toMatchObject({ done: true, doneAt: expect.any(String) });
      const again = (await member.post(`${path}/complete`).expect(200)).body;
      expect(again.doneAt).toBe(done.doneAt);

      expect(
        (await member.get('/api/h5/sop-todos').query({ tab: 'done' }).expect(200)).body.items,
      ).toMatchObject([{ id: todoOf('lina'), done: true }]);
      expect((await member.get('/api/h5/sop-todos').expect(200)).body.total).toBe(1);

      expect(await stats(task.id)).toEqual({ taskCount: 2, staffCount: 2, reachedToday: 1, reachedTotal: 2 });
      expect(await stats()).toMatchObject({ reachedToday: 1, reachedTotal: 2 });
      expect(
        await SopReachModel.countDocuments({
          tenantId: TENANT,
          planId: plan.id,
          day: businessDay(new Date()),
        }),
      ).toBe(2);
      await refreshListSearch(app);
      const receipts = (
        await admin
          .get(`/api/sop/plans/${plan.id}/receipt-rows`)
          .query({ taskId: task.id, staffUserid: 'lina' })
          .expect(200)
      ).body;
      expect(receipts.items).toMatchObject([
        { member: { id: 'wm-3' }, received: true, staff: { name: '李娜' } },
      ]);
      const staffRows = (
        await admin
          .get(`/api/sop/plans/${plan.id}/staff-rows`)
          .query({ taskId: task.id, staffUserid: 'lina' })
          .expect(200)
      ).body;
      expect(staffRows.items).toMatchObject([{ done: true, doneAt: done.doneAt }]);
    });
  });

  it('shows a 只看本人 creator the rows of their own staff only, whichever member they ask for', async () => {
    const role = await RoleModel.create({
      tenantId: TENANT,
      name: 'SOP运营',
      functionPermissions: ['operation.sop', 'operation.sop.create'],
      dataScope: 'self',
    });
    await createMember(TENANT, {
      userid: 'zhou',
      name: '周敏',
      mobile: '13700000165',
      roleId: String(role._id),
    });
    const zhou = request.agent(app.baseUrl);
    await zhou.post('/api/auth/login').send({ phone: '13700000165', password: ADMIN_PASSWORD }).expect(200);
    const own = (
      await zhou
        .post('/api/sop/plans')
        .send(planInput({ name: '周敏的计划' }))
        .expect(201)
    ).body as SopPlan;
    // Her 实时计算 counts only her own customers (she follows none).
    expect((await zhou.post('/api/sop/reach').send({ scope: VIP_SCOPE }).expect(200)).body.total).toBe(0);
    const taskId = own.tasks[0].id;
    const todos = ['zhou', 'wang'].map((userid) => ({
      _id: `${own.id}|${taskId}|29000000|${userid}`,
      tenantId: TENANT,
      planId: own.id,
      taskId,
      assigneeUserid: userid,
      scopeKind: 'customers',
      taskName: own.tasks[0].name,
      channel: 'message',
      contents: own.tasks[0].contents,
      dueAt: new Date(),
      targetCount: 1,
    }));
    await SopTodoModel.create(todos);
    const targets = todos.map((todo, at) => ({
      _id: `${todo._id}|wm-${at + 1}`,
      tenantId: TENANT,
      planId: own.id,
      taskId,
      todoId: todo._id,
      memberId: `wm-${at + 1}`,
      assigneeUserid: todo.assigneeUserid,
      sentAt: new Date(),
    }));
    await writeListRows(
      app.listSearch,
      sopTargetReadModel,
      TENANT,
      targets.map((row) => row._id),
      () => SopTargetModel.create(targets),
      { refresh: 'wait_for' },
    );
    for (const query of [{ taskId }, { taskId, staffUserid: 'wang' }]) {
      const staffRows = (await zhou.get(`/api/sop/plans/${own.id}/staff-rows`).query(query).expect(200)).body;
      const receipts = (await zhou.get(`/api/sop/plans/${own.id}/receipt-rows`).query(query).expect(200))
        .body;
      const expected = query.staffUserid ? [] : ['zhou'];
      expect(staffRows.items.map((row: { staff: { userid: string } }) => row.staff.userid)).toEqual(expected);
      expect(receipts.items.map((row: { staff: { userid: string } }) => row.staff.userid)).toEqual(expected);
    }
    // The admin (全部) sees both, and zhou's plan in the list; she does not see the admin's plans.
    const all = (await admin.get(`/api/sop/plans/${own.id}/staff-rows`).query({ taskId }).expect(200)).body;
    expect(all.total).toBe(2);
    const hers = (await zhou.get('/api/sop/plans').expect(200)).body;
    expect(hers.items.map((row: { id: string }) => row.id)).toEqual([own.id]);
  });

  it('lets a read-only role look but not change, and shows it only plans of its 数据权限', async () => {
    const plan = await create(planInput({ name: '只读可见' }));
    // 李娜's role: 只看本人, and the plan is the admin's.
    expect((await member.get('/api/sop/plans').expect(200)).body.total).toBe(0);
    await member.get(`/api/sop/plans/${plan.id}`).expect(404);
    await member.post('/api/sop/plans').send(planInput()).expect(403);
    await member.put(`/api/sop/plans/${plan.id}`).send(planInput()).expect(403);
    await member.put(`/api/sop/plans/${plan.id}/switch`).send({ enabled: false }).expect(403);
    await member.delete(`/api/sop/plans/${plan.id}`).expect(403);
    await member.post('/api/sop/reach').send({ scope: VIP_SCOPE }).expect(403);
    await upload(member, PNG, 'a.png', 'image/png').expect(403);
    // Another tenant sees nothing of it.
    expect((await otherAdmin.get('/api/sop/plans').expect(200)).body.total).toBe(0);
    await otherAdmin.get(`/api/sop/plans/${plan.id}`).expect(404);
    await otherAdmin.put(`/api/sop/plans/${plan.id}/switch`).send({ enabled: false }).expect(404);
    expect((await admin.get(`/api/sop/plans/${plan.id}`).expect(200)).body.enabled).toBe(true);
  });
});

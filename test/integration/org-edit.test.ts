// Slow (45 s): every edit is followed to WeCom, one saved while Temporal was unreachable to the next org sync.
// Mostly waits: the edit saved while Temporal is unreachable waits for the next org sync; the CPU stays mostly idle.
import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { callerFor } from '../../api/auth/caller';
import { renameDepartment } from '../../api/modules/org-edit/department-edit.use-case';
import { loadCallerAccess } from '../../lib/access/caller-access';
import { createLogger } from '../../lib/logger';
import { orgWriteBackWorkflowId } from '../../lib/temporal/workflow-ids';
import { AuditLogModel } from '../../lib/models/audit-log.model';
import { OrgChangeModel } from '../../lib/models/org-change.model';
import { RoleModel } from '../../lib/models/role.model';
import { StaffModel } from '../../lib/models/staff.model';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { stackEnv } from '../support/stack-env';
import { populateCorp, simulator, type SimCorp } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';

const TENANT = freshTenantId('orgedit');

/** Validation messages name the field at the end, e.g. "请输入姓名（name）". */
const messageOf = (response: { body: { error?: { message: string } } }) =>
  response.body.error?.message.replace(/（[^）]*）$/, '');

async function simPut(path: string, body: unknown) {
  const response = await fetch(`${stackEnv.wecomApiBase}/sim${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator PUT ${path}: ${response.status}`);
}

describe('org editing written back to WeCom (R-7.1.1-02..10, R-7.1.3, I-95..I-100)', () => {
  let app: TestApp;
  let corp: SimCorp;
  let agent: ReturnType<typeof request.agent>;
  let roleId: string;
  let syncs = 0;

  async function syncOrg() {
    syncs += 1;
    await executeWorkflow(app.temporal.workflow, 'orgSyncWorkflow', {
      workflowId: `org-sync/${TENANT}/test-${syncs}`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT, trigger: 'schedule' }],
    });
  }

  const wecom = () => simulator.corp(corp.corpId);
  const wecomDepartment = async (id: number) =>
    (await wecom()).departments.find((d) => d.id === id) as
      { id: number; name: string; parentid: number; order: number } | undefined;
  const wecomUser = async (userid: string) =>
    (await wecom()).users.find((u) => u.userid === userid) as Record<string, unknown> | undefined;
  const changesOf = (targetId: string) =>
    OrgChangeModel.find({ tenantId: TENANT, targetId }).sort({ seq: 1 }).lean();
  const settled = (targetId: string) =>
    eventually(async () => {
      const changes = await changesOf(targetId);
      return changes.length > 0 && changes.every((c) => c.status !== 'pending') ? changes : undefined;
    });

  beforeAll(async () => {
    app = await startTestApp('org-edit');
    corp = await simulator.createCorp('编辑测试企业');
    await populateCorp(corp.corpId, 3); // 销售部(2) > 华东区(3); 研发中心(4); staff001..003
    const secrets = await createBoundTenant(TENANT, corp, { adminMobile: '13700000031' });
    // Changes made in WeCom's console come back as change_contact callbacks.
    await simulator.setContactsCallback(corp.corpId, {
      url: `${app.baseUrl}/wecom/callback/${TENANT}/contacts`,
      token: secrets.callbackToken,
      encodingAesKey: secrets.callbackAesKey,
    });
    roleId = String((await RoleModel.create({ tenantId: TENANT, name: '普通员工', builtIn: 'staff' }))._id);
    await app.startWorker();
    await syncOrg();
    agent = request.agent(app.baseUrl);
    await agent.post('/api/auth/login').send({ phone: '13700000031', password: ADMIN_PASSWORD }).expect(200);
  });

  afterAll(async () => {
    await simPut('/outage', { mode: 'off', corpId: corp?.corpId }).catch(() => undefined);
    await app?.stop();
  });

  describe('departments', () => {
    it('refuses bad names with the manual’s rule (1–32 characters, none of \\ : ? " < > |)', async () => {
      const cases: Array<[unknown, string]> = [
        ['', '请输入部门名称'],
        ['部'.repeat(33), '部门名称不能超过32个字符'],
        ['销售:一部', '部门名称不能包含 \\ : ? " < > | 等字符'],
        ['a|b', '部门名称不能包含 \\ : ? " < > | 等字符'],
      ];
      for (const [name, message] of cases) {
        const response = await agent.post('/api/org/departments').send({ parentId: 1, name });
        expect({ name, status: response.status, message: messageOf(response) }).toEqual({
          name,
          status: 400,
          message,
        });
      }
      const ok = await agent.post('/api/org/departments').send({ parentId: 1, name: '部'.repeat(32) });
      expect(ok.status).toBe(202);
    });

    it('adds a sub-department at once (pending), and WeCom gets it with the same id', async () => {
      const response = await agent.post('/api/org/departments').send({ parentId: 2, name: '华南区' });
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({ name: '华南区', parentId: 2, writeBack: { status: 'pending' } });
      const id = response.body.id as number;
      await settled(String(id));
      expect(await wecomDepartment(id)).toMatchObject({ name: '华南区', parentid: 2 });
      const tree = (await agent.get('/api/org/departments')).body.items;
      expect(tree.find((d: { id: number }) => d.id === id).writeBack).toBeUndefined();
      const audit = await AuditLogModel.findOne({ tenantId: TENANT, action: 'department.create' }).lean();
      expect(audit?.after).toMatchObject({ name: expect.any(String) });
    });

    it('keeps sibling names unique', async () => {
      const response = await agent.post('/api/org/departments').send({ parentId: 1, name: '研发中心' });
      expect(response.status).toBe(409);
      expect(response.body.error.message).toBe('同一上级部门下已有同名部门');
    });

    it('allows 5 levels below the corp root, not 6 (I-96), for new and moved departments', async () => {
      // 销售部(1) > 华东区(2) > 上海(3) > 浦东(4) > 张江(5)
      let parentId = 3;
      for (const name of ['上海', '浦东', '张江']) {
        const created = await agent.post('/api/org/departments').send({ parentId, name });
        expect(created.status).toBe(202);
        parentId = created.body.id;
      }
      const sixth = await agent.post('/api/org/departments').send({ parentId, name: '六级' });
      expect(sixth.status).toBe(400);
      expect(sixth.body.error.message).toBe('部门最多5级');
      // 销售部 spans 5 levels: it cannot go under 研发中心, nor under its own sub-department.
      const tooDeep = await agent.put('/api/org/departments/2/position').send({ parentId: 4, index: 0 });
      expect(tooDeep.status).toBe(400);
      expect(tooDeep.body.error.message).toBe('部门最多5级');
      const cycle = await agent.put('/api/org/departments/2/position').send({ parentId: 3, index: 0 });
      expect(cycle.body.error.message).toBe('不能移动到该部门自身或其下级部门下');
    });

    it('renames and moves (reorder and re-parent), and WeCom follows', async () => {
      const renamed = await agent.patch('/api/org/departments/4').send({ name: '产品研发中心' });
      expect(renamed.status).toBe(202);
      // 研发中心 (order 1) goes before 销售部 (order 3) among the root's children.
      const reordered = await agent.put('/api/org/departments/4/position').send({ parentId: 1, index: 0 });
      expect(reordered.status).toBe(202);
      const created = await agent.post('/api/org/departments').send({ parentId: 1, name: '临时组' });
      const moved = await agent
        .put(`/api/org/departments/${created.body.id}/position`)
        .send({ parentId: 4, index: 0 });
      expect(moved.body).toMatchObject({ parentId: 4 });
      await settled('4');
      await settled(String(created.body.id));
      const root = (await wecom()).departments.filter((d) => (d as { parentid?: number }).parentid === 1);
      expect(root[0]).toMatchObject({ id: 4, name: '产品研发中心' });
      expect(await wecomDepartment(created.body.id)).toMatchObject({ parentid: 4 });
    });

    it('deletes only an empty department, with the manual’s message otherwise (R-7.1.1-09)', async () => {
      const withMembers = await agent.delete('/api/org/departments/4');
      expect(withMembers.status).toBe(409);
      expect(withMembers.body.error.message).toBe('该部门下还有数据存在，请先清除数据再删除');
      const withChildren = await agent.delete('/api/org/departments/2');
      expect(withChildren.body.error.message).toBe('该部门下还有数据存在，请先清除数据再删除');

      const empty = await agent.post('/api/org/departments').send({ parentId: 1, name: '待删除' });
      await settled(String(empty.body.id));
      expect((await agent.delete(`/api/org/departments/${empty.body.id}`)).status).toBe(202);
      const tree = (await agent.get('/api/org/departments')).body.items;
      expect(tree.some((d: { id: number }) => d.id === empty.body.id)).toBe(false);
      await settled(String(empty.body.id));
      expect(await wecomDepartment(empty.body.id)).toBeUndefined();
      const audit = await AuditLogModel.findOne({ tenantId: TENANT, action: 'department.delete' }).lean();
      expect(audit?.before).toMatchObject({ name: '待删除' });
    });
  });

  describe('staff', () => {
    const valid = () => ({
      userid: 'zhangsan',
      name: '张三',
      alias: '小张',
      gender: '1',
      mobile: '13912340001',
      telephone: '021-12345678',
      email: 'zhangsan@example.com',
      address: '上海市',
      departmentIds: [3, 2],
      position: '销售经理',
      roleId,
    });

    it('offers every role but 超级管理员 for the 角色 field', async () => {
      const options = (await agent.get('/api/org/role-options')).body as Array<{ name: string }>;
      expect(options.map((o) => o.name)).toEqual(expect.arrayContaining(['普通员工', '员工', '管理员']));
      expect(options.map((o) => o.name)).not.toContain('超级管理员');
    });

    it('checks every field with Chinese messages (R-7.1.3-02..06, I-100)', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ name: '' }, '请输入姓名'],
        [{ name: '名'.repeat(65) }, '姓名为1–64个字符'],
        [{ userid: '' }, '请输入帐号'],
        [{ userid: '张三' }, '帐号为1–64位字母、数字或 _-@.，以字母或数字开头'],
        [{ userid: '_abc' }, '帐号为1–64位字母、数字或 _-@.，以字母或数字开头'],
        [{ mobile: '' }, '请输入手机号'],
        [{ mobile: '12345' }, '请输入正确的手机号'],
        [{ email: 'a@b.c' }, '邮箱长度为6–64个字节'],
        [{ email: `${'a'.repeat(60)}@b.cn` }, '邮箱长度为6–64个字节'],
        [{ email: 'not-an-email' }, '邮箱格式不正确'],
        [{ departmentIds: [] }, '请选择部门'],
        [{ position: '职'.repeat(129) }, '职务不能超过128个字符'],
        [{ roleId: '' }, '请选择角色'],
      ];
      for (const [override, message] of cases) {
        const response = await agent.post('/api/org/staff').send({ ...valid(), ...override });
        expect({ override, status: response.status, message: messageOf(response) }).toEqual({
          override,
          status: 400,
          message,
        });
      }
      const noRole = await agent
        .post('/api/org/staff')
        .send({ ...valid(), roleId: '000000000000000000000000' });
      expect(noRole.body.error.message).toBe('角色不存在');
    });

    it('creates a member, 关闭系统, and WeCom gets them with the main department first', async () => {
      const response = await agent.post('/api/org/staff').send(valid());
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({ userid: 'zhangsan', systemEnabled: false, roleId });
      await settled('zhangsan');
      expect(await wecomUser('zhangsan')).toMatchObject({
        name: '张三',
        mobile: '13912340001',
        email: 'zhangsan@example.com',
        department: [3, 2],
        main_department: 3,
        position: '销售经理',
      });
    });

    it('keeps 帐号, 手机 and 邮箱 unique in the tenant', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ userid: 'ZhangSan', mobile: '13912340009', email: '' }, '该帐号已存在'],
        [{ userid: 'lisi', mobile: '13912340001', email: '' }, '该手机号已存在'],
        [{ userid: 'lisi', mobile: '13912340009', email: 'ZHANGSAN@example.com' }, '该邮箱已存在'],
      ];
      for (const [override, message] of cases) {
        const response = await agent.post('/api/org/staff').send({ ...valid(), ...override });
        expect({ status: response.status, message: messageOf(response) }).toEqual({
          status: 409,
          message,
        });
      }
    });

    it('edits a member (帐号 read-only) and WeCom follows; the audit has before and after', async () => {
      const refused = await agent.patch('/api/org/staff/zhangsan').send({ userid: 'other' });
      expect(messageOf(refused)).toBe('帐号创建后不能修改');
      const response = await agent
        .patch('/api/org/staff/zhangsan')
        .send({ position: '销售总监', departmentIds: [2] });
      expect(response.status).toBe(202);
      await settled('zhangsan');
      expect(await wecomUser('zhangsan')).toMatchObject({ position: '销售总监', department: [2] });
      const audit = await AuditLogModel.findOne({ tenantId: TENANT, action: 'staff.update' }).lean();
      expect(audit?.before).toEqual({ position: '销售经理', departmentIds: [3, 2] });
      expect(audit?.after).toEqual({ position: '销售总监', departmentIds: [2] });
    });

    it('deletes a member: gone from the list and from WeCom, seat freed, record kept as history', async () => {
      await agent.put('/api/org/staff/staff001/system-access').send({ enabled: true }).expect(200);
      const seatsBefore = (await agent.get('/api/org/seats')).body.used;
      expect((await agent.delete('/api/org/staff/staff001')).status).toBe(202);
      expect((await agent.get('/api/org/seats')).body.used).toBe(seatsBefore - 1);
      const list = (await agent.get('/api/org/staff').query({ keyword: '员工1' })).body.items;
      expect(list.some((s: { userid: string }) => s.userid === 'staff001')).toBe(false);
      await settled('staff001');
      expect(await wecomUser('staff001')).toBeUndefined();
      const kept = await StaffModel.findOne({ tenantId: TENANT, userid: 'staff001' }).lean();
      expect(kept?.deletedAt).toBeInstanceOf(Date);
    });

    it('cannot delete oneself', async () => {
      const response = await agent.delete('/api/org/staff/admin');
      expect(response.body.error.message).toBe('不能删除自己');
    });
  });

  describe('WeCom failures', () => {
    it('an outage delays an edit, the hourly sync does not undo it, and it lands when WeCom is back', async () => {
      await simPut('/outage', { mode: 'busy', paths: ['/department/update'], corpId: corp.corpId });
      try {
        await agent.patch('/api/org/departments/3').send({ name: '华东大区' }).expect(202);
        await eventually(async () => {
          const [change] = (await changesOf('3')).slice(-1);
          return change.status === 'pending' && change.attempts >= 2;
        });
        await syncOrg();
        const tree = (await agent.get('/api/org/departments')).body.items;
        expect(tree.find((d: { id: number }) => d.id === 3)).toMatchObject({
          name: '华东大区',
          writeBack: { status: 'pending' },
        });
        expect((await wecomDepartment(3))?.name).toBe('华东区');
      } finally {
        await simPut('/outage', { mode: 'off', corpId: corp.corpId });
      }
      await settled('3');
      expect((await wecomDepartment(3))?.name).toBe('华东大区');
    });

    it('an HTTP 503 from WeCom is retried the same way', async () => {
      await simPut('/outage', { mode: 'http-503', paths: ['/user/update'], corpId: corp.corpId });
      try {
        await agent.patch('/api/org/staff/staff002').send({ position: '工程师' }).expect(202);
        await eventually(async () => ((await changesOf('staff002')).slice(-1)[0]?.attempts ?? 0) >= 1);
      } finally {
        await simPut('/outage', { mode: 'off', corpId: corp.corpId });
      }
      await settled('staff002');
      expect(await wecomUser('staff002')).toMatchObject({ position: '工程师' });
    });

    it('a refusal marks the edit failed with WeCom’s errcode and rolls back to WeCom’s truth', async () => {
      // Someone adds 市场部 in WeCom directly (no callback): we do not know it yet, WeCom refuses ours.
      await fetch(`${stackEnv.wecomApiBase}/sim/corps/${corp.corpId}/departments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 500, name: '市场部', parentid: 1 }),
      });
      const created = await agent.post('/api/org/departments').send({ parentId: 1, name: '市场部' });
      expect(created.status).toBe(202);
      const change = (await settled(String(created.body.id))).slice(-1)[0];
      expect(change).toMatchObject({
        status: 'failed',
        errcode: 60008,
        message: '同一上级部门下已有同名部门',
      });
      const tree = (await agent.get('/api/org/departments')).body.items;
      expect(tree.some((d: { id: number }) => d.id === created.body.id)).toBe(false);
      const failed = (await agent.get('/api/org/write-backs').query({ status: 'failed' })).body;
      expect(failed.items[0]).toMatchObject({ targetName: '市场部', errcode: 60008 });

      // An edit of an existing member refused by WeCom: the local value goes back to WeCom's.
      await simulator.addUser(corp.corpId, {
        userid: 'outsider',
        name: '外部',
        mobile: '13912349999',
        department: [1],
      });
      await agent.patch('/api/org/staff/staff002').send({ mobile: '13912349999' }).expect(202);
      const mobileChange = (await settled('staff002')).slice(-1)[0];
      expect(mobileChange).toMatchObject({ status: 'failed', errcode: 60104, message: '该手机号已存在' });
      const staff = (await agent.get('/api/org/staff/staff002')).body;
      expect(staff.mobile).not.toBe('13912349999');
      expect(staff.writeBack).toMatchObject({ status: 'failed', message: '该手机号已存在' });
    });

    it('edits of a member WeCom does not have (the platform-made admin) stay here', async () => {
      await agent.patch('/api/org/staff/admin').send({ position: '总经理' }).expect(202);
      const admin = (await agent.get('/api/org/staff/admin')).body;
      expect(admin.position).toBe('总经理');
      expect(admin.writeBack).toBeUndefined();
      expect(await changesOf('admin')).toHaveLength(0);
    });

    it('a change_contact callback updates the other fields but not one with a pending edit', async () => {
      await simPut('/outage', { mode: 'busy', paths: ['/user/update'], corpId: corp.corpId });
      try {
        await agent.patch('/api/org/staff/staff003').send({ position: '本地职务' }).expect(202);
        // Someone changes the same member in WeCom's console meanwhile.
        await simulator.updateUser(corp.corpId, 'staff003', { position: '企业微信职务', alias: '小三' });
        const member = await eventually(async () => {
          const found = await StaffModel.findOne({ tenantId: TENANT, userid: 'staff003' }).lean();
          return found?.alias === '小三' ? found : undefined;
        });
        expect(member.position).toBe('本地职务');
      } finally {
        await simPut('/outage', { mode: 'off', corpId: corp.corpId });
      }
      await settled('staff003');
      expect(await wecomUser('staff003')).toMatchObject({ position: '本地职务', alias: '小三' });
    });

    it('an edit saved while Temporal could not be reached is applied after the next org sync', async () => {
      // A real client aimed at a port where no Temporal listens: the hand-off fails as in an outage.
      const unreachable = new Client({
        connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 }),
      });
      const created = await agent.post('/api/org/departments').send({ parentId: 1, name: '离线部' });
      const deptId = created.body.id as number;
      await settled(String(deptId));
      // The running write-back would find the new edit in MongoDB by itself; the case is one with none running.
      await app.temporal.workflow
        .getHandle(orgWriteBackWorkflowId(TENANT))
        .terminate('test: no write-back running');
      const admin = (await StaffModel.findOne({ tenantId: TENANT, mobile: '13700000031' }).lean())!;
      const session = {
        tenantId: TENANT,
        staffId: String(admin._id),
        userid: admin.userid,
        roleId: admin.roleId ?? '',
        departmentIds: admin.departmentIds,
      };
      await renameDepartment(
        callerFor(session, await loadCallerAccess(TENANT, admin)),
        { deptId, name: '离线改名部' },
        {
          temporal: { client: unreachable, taskQueue: app.config.temporalTaskQueue },
          log: createLogger('test', 'silent'),
        },
      );
      const [change] = (await changesOf(String(deptId))).slice(-1);
      expect(change.status).toBe('pending');

      await syncOrg();
      await eventually(
        async () =>
          (await OrgChangeModel.findOne({ tenantId: TENANT, _id: change._id }).lean())?.status === 'applied',
      );
      expect((await wecomDepartment(deptId))?.name).toBe('离线改名部');
    });

    it('a read-only contacts secret fails the edit and turns editing off with the I-95 message', async () => {
      expect((await agent.get('/api/org/editability')).body).toEqual({ editable: true, message: null });
      await simPut(`/corps/${corp.corpId}/contacts-permission`, { mode: 'read-only' });
      await agent.patch('/api/org/departments/2').send({ name: '销售一部' }).expect(202);
      const changes = await settled('2');
      expect(changes.slice(-1)[0]).toMatchObject({ status: 'failed', errcode: 48002 });
      expect((await wecomDepartment(2))?.name).toBe('销售部');
      const tree = (await agent.get('/api/org/departments')).body.items;
      expect(tree.find((d: { id: number }) => d.id === 2)).toMatchObject({
        name: '销售部',
        writeBack: { status: 'failed', message: '通讯录为只读权限，请在企业微信后台修改' },
      });
      expect((await agent.get('/api/org/editability')).body).toEqual({
        editable: false,
        message: '通讯录为只读权限，请在企业微信后台修改',
      });
      const refused = await agent.post('/api/org/departments').send({ parentId: 1, name: '新部门' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe('通讯录为只读权限，请在企业微信后台修改');
    });
  });
});

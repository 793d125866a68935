// Slow (45 s): it calls every endpoint of the api as another tenant.
import mongoose, { Types } from 'mongoose';
import { MassSendModel } from '../../lib/models/mass-send.model';
import { HandoverModel } from '../../lib/models/handover.model';
import { massSendReadModel } from '../../lib/search/mass-send-index';
import { KnowledgeItemModel } from '../../lib/models/knowledge-item.model';
import { KnowledgeTreeVersionModel } from '../../lib/models/knowledge-tree.model';
import { knowledgeReadModel } from '../../lib/search/knowledge-index';
import { SopPlanModel } from '../../lib/models/sop-plan.model';
import { SopTodoModel } from '../../lib/models/sop-todo.model';
import { sopPlanReadModel } from '../../lib/search/sop-plan-index';
import { indexSeededCustomers } from '../support/customer-search';
import { StaffCodeModel } from '../../lib/models/staff-code.model';
import { WelcomeMessageModel } from '../../lib/models/welcome-message.model';
import { CustomerTaggingJobModel } from '../../lib/models/customer-tagging-job.model';
import request from 'supertest';
import { SensitiveRuleModel } from '../../lib/models/sensitive-rule.model';
import { StaffModel } from '../../lib/models/staff.model';
import { DepartmentModel } from '../../lib/models/department.model';
import { RoleModel } from '../../lib/models/role.model';
import { CorpTagGroupModel } from '../../lib/models/corp-tag.model';
import { CustomerGroupModel } from '../../lib/models/customer-group.model';
import { GroupTagGroupModel } from '../../lib/models/group-tag.model';
import { ContactRecordModel } from '../../lib/models/contact-record.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { GroupCodeGroupModel } from '../../lib/models/group-code-group.model';
import { GroupCodeModel } from '../../lib/models/group-code.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { sessionCookie } from '../support/session-cookie';
import { simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { customerGroupReadModel } from '../../lib/search/customer-group-index';
import { writeListRows } from '../../lib/search/list-read-model';

const TENANT_A = freshTenantId('iso-a');
const TENANT_B = freshTenantId('iso-b');
// Text that only tenant A's data contains: no answer to tenant B may show it.
const A_MARKER = '甲方独有';

const MASS_SEND_DRAFT = {
  audience: { kind: 'customers', customers: { mode: 'all' } },
  text: '乙方群发',
  timing: { mode: 'now' },
};
const SOP_PLAN = {
  name: '乙方SOP',
  scope: { kind: 'customers', customers: { tagIds: ['et-a-tag'] } },
  tasks: [
    {
      name: '乙方任务',
      timing: { mode: 'after', hours: 0, minutes: 0 },
      channel: 'message',
      contents: [{ kind: 'text', text: '乙' }],
    },
  ],
};
/** Request bodies that a valid request of each operation would carry; others get `{}`. */
const SAMPLE_BODIES: Record<string, unknown> = {
  'PUT /api/org/staff/{userid}/system-access': { enabled: false },
  'POST /api/auth/login': { phone: '13700000071', password: ADMIN_PASSWORD },
  'POST /api/org/departments': { parentId: 1, name: '乙方新部门' },
  'PATCH /api/org/departments/{deptId}': { name: '乙方改名' },
  'PUT /api/org/departments/{deptId}/position': { parentId: 1, index: 0 },
  'PATCH /api/org/staff/{userid}': { name: '乙方改名' },
  'POST /api/roles': { name: '乙方角色', dataScope: 'self' },
  'PUT /api/roles/{roleId}': { name: '乙方改名', dataScope: 'self' },
  'PUT /api/org/staff/{userid}/password': { password: 'Passw0rd1' },
  // 'PUT /api/org/staff/{userid}/role' gets tenant A's own role in beforeAll.
  // Valid input that WeCom refuses (unknown corp): the save runs as tenant B up to the live check.
  // Tenant B's super admin sets the same password again: runs as B, changes nothing of A.
  'PUT /api/auth/password': { currentPassword: ADMIN_PASSWORD, newPassword: ADMIN_PASSWORD },
  'PUT /api/wecom/binding': { corpId: 'ww0000000000000000', agentId: 1000002 },
  'POST /api/tags/corp-groups': { name: '乙方标签组', tags: [{ name: '乙' }] },
  'PUT /api/tags/corp-groups/{groupId}': { name: '乙方改名' },
  'PUT /api/tags/corp-groups-order': { ids: ['et-a-group'] },
  'POST /api/tags/corp-groups/{groupId}/tags': { name: '乙' },
  'PUT /api/tags/corp-groups/{groupId}/tags-order': { ids: ['et-a-tag'] },
  'PUT /api/tags/corp-tags/{id}': { name: '乙' },
  'POST /api/tags/group-groups': { name: '乙方群标签组' },
  'PUT /api/tags/group-groups/{groupId}': { name: '乙方改名' },
  'POST /api/tags/group-groups/{groupId}/tags': { name: '乙' },
  'PUT /api/tags/group-tags/{id}': { name: '乙' },
  'PUT /api/customer-groups/{chatId}/tags': { tagIds: [] },
  // 'PUT /api/tags/group-groups-order', '…/tags-order' and 'POST /api/customer-groups/tags' get A's ids in beforeAll.
  'PUT /api/customers/columns': { columns: ['name', 'tags'] },
  'PUT /api/customer-groups/columns': { columns: ['name', 'owner'] },
  // Tenant A's customer and tag: unknown to B (400 / 404), A's tags untouched.
  'POST /api/customers/tags': { externalUserids: ['wm-isolation-a'], addTagIds: ['et-a-tag'] },
  'PATCH /api/customers/{externalUserid}': { phone: '110' },
  'PUT /api/customers/{externalUserid}/enterprise': { level: 'A' },
  'POST /api/customers/{externalUserid}/contact-records': { kind: 'record', text: '乙方记录' },
  // Tenant A's member and code: unknown to B (400 / 404).
  'POST /api/staff-codes': { kind: 'single', userids: ['a-member'], scene: '乙方活码' },
  'PUT /api/staff-codes/{codeId}': { userids: ['a-member'], scene: '乙方活码' },
  'POST /api/welcome-messages/default': { text: '乙方欢迎语' },
  'PUT /api/welcome-messages/default/{welcomeId}': { text: '乙方欢迎语' },
  'POST /api/welcome-messages/group': { text: '乙方群欢迎语' },
  'PUT /api/welcome-messages/group/{welcomeId}': { text: '乙方群欢迎语' },
  'PUT /api/group-codes/columns': { columns: ['name', 'status'] },
  'PUT /api/group-codes/{codeId}': { name: '乙方活码', scene: '乙方场景', strategy: 'overflow' },
  // Valid 实际群码 input whose image tenant B does not hold: refused as B (400 / 404), A untouched.
  'POST /api/group-codes': {
    name: '乙方活码',
    scene: '乙方场景',
    strategy: 'overflow',
    groups: [{ qrFileId: '0'.repeat(24), name: '乙方群', expiresOn: '2099-01-01', scanLimit: 1 }],
  },
  'POST /api/group-codes/{codeId}/groups': {
    qrFileId: '0'.repeat(24),
    name: '乙',
    expiresOn: '2099-01-01',
    scanLimit: 1,
  },
  'PUT /api/group-codes/{codeId}/groups/{groupId}': {
    qrFileId: '0'.repeat(24),
    name: '乙',
    expiresOn: '2099-01-01',
    scanLimit: 1,
  },
  'POST /api/h5/customers/{externalUserid}/tags': { addTagIds: ['et-a-tag'] },
  'POST /api/mass-sends': { ...MASS_SEND_DRAFT, draft: true },
  'PUT /api/mass-sends/{sendId}': { ...MASS_SEND_DRAFT, draft: true },
  'POST /api/mass-sends/audience-preview': { audience: MASS_SEND_DRAFT.audience, page: 1, pageSize: 10 },
  // Tenant A's category and item (in the walk's {categoryId} / {itemId}): unknown to B (400 / 404).
  'POST /api/knowledge/{kind}/categories': { name: '乙方分类', parentId: 'kb-a-category' },
  'PATCH /api/knowledge/{kind}/categories/{categoryId}': { name: '乙方改名' },
  'PUT /api/knowledge/{kind}/categories/{categoryId}/position': { parentId: null, index: 0 },
  'POST /api/knowledge/scripts/items': { question: '乙', answer: '乙', categoryId: 'kb-a-category' },
  'PUT /api/knowledge/scripts/items/{itemId}': { question: '乙', answer: '乙' },
  'POST /api/knowledge/phrases/items': { content: '乙', categoryId: 'kb-a-category' },
  'PUT /api/knowledge/phrases/items/{itemId}': { content: '乙' },
  'POST /api/knowledge/links/items': { name: '乙', url: 'http://127.0.0.1:9/', categoryId: 'kb-a-category' },
  'PUT /api/knowledge/links/items/{itemId}': { name: '乙', url: 'http://127.0.0.1:9/' },
  'POST /api/h5/knowledge/{itemId}/use': { action: 'send', actionId: 'isolation-1' },
  'POST /api/sop/plans': SOP_PLAN,
  'PUT /api/sop/plans/{planId}': SOP_PLAN,
  'PUT /api/sop/plans/{planId}/switch': { enabled: false },
  'POST /api/sop/reach': { scope: SOP_PLAN.scope },
  'POST /api/sop/calendar': { scope: SOP_PLAN.scope, tasks: [SOP_PLAN.tasks[0]] },
  'POST /api/sensitive-rules': { name: '乙方规则', words: '乙，丙' },
  'PUT /api/sensitive-rules/{ruleId}': { name: '乙方改名', words: '乙' },
  'PUT /api/sensitive-rules/{ruleId}/enabled': { enabled: true },
  'POST /api/sensitive-alerts/{alertId}/review': { verdict: 'dismissed', note: '乙方' },
  // Tenant B's own figures: a short backfill runs as B.
  'POST /api/analytics/rollups/backfill': { from: '2026-01-01', to: '2026-01-02' },
  'PATCH /api/h5/customers/{externalUserid}': { phone: '110' },
  // A tenant's session is no platform operator: the wrong account is refused like any other.
  'POST /api/platform/auth/login': { username: '乙方', password: ADMIN_PASSWORD },
  // Tenant B's own Udesk (unknown to the simulator's Udesk: refused as B) and switch (nothing saved: 400).
  'PUT /api/integrations/udesk': { domain: 'yifang.udesk.cn', adminEmail: 'b@example.com', apiToken: 'b' },
  'PUT /api/integrations/udesk/enabled': { enabled: true },
  // 在职继承 of tenant A's member and customer: B's customer list has no such customer (400).
  'POST /api/handovers': {
    kind: 'onjob',
    handoverUserid: 'a-member',
    takeoverUserid: 'b-member',
    externalUserids: ['wm-isolation-a'],
  },
  // The same check before 确定: B's customer list has no such customer, so it is not eligible (no name shown).
  'POST /api/handovers/onjob/preview': {
    handoverUserid: 'a-member',
    takeoverUserid: 'b-member',
    externalUserids: ['wm-isolation-a'],
  },
  // Tenant A's member among B's managers: B's settings only.
  'PUT /api/customer-loss-alert-settings': {
    enabled: true,
    notifyMember: true,
    managerUserids: ['a-member'],
  },
  'PUT /api/sensitive-behavior-settings': {
    behaviors: ['card'],
    auditedParties: ['staff'],
    auditedUserids: [],
    notifyGroupOwner: false,
    notifyTrigger: true,
    notifyUserids: [],
    notifyByApp: true,
  },
};
/** Operations whose JSON body is all optional: `{}` is a valid request and runs as tenant B. */
const EMPTY_BODY_IS_VALID = new Set<string>([
  // A scan without a location.
  'POST /api/public/group-codes/{tenantId}/{codeId}/scans',
]);
/** Tenant A's 群活码 and its 实际群码: tenant B's admin calls and B's public landing address aim at them. */
const groupCodeOfA = { code: '', group: '' };
/** Tenant A's 群标签 group and tag ids (ObjectIds), aimed at by tenant B's calls. */
const groupTagsOfA = { group: '', tag: '' };
let roleOfA = '';
let recordOfA = '';
let jobOfA = '';
let ruleOfA = '';
/** Tenant A's 群发 (a draft, in the list's index), aimed at by tenant B's `{sendId}` calls. */
let massSendOfA = '';
/** Tenant A's 离职继承 (finished), aimed at by tenant B's `{handoverId}` calls. */
const handoverOfA = new Types.ObjectId().toHexString();
const CUSTOMER_OF_A = 'wm-isolation-a';
/** Tenant A's 话术 (in its own category), aimed at by tenant B's `{itemId}` calls. */
const knowledgeItemOfA = new Types.ObjectId().toHexString();
/** Tenant A's SOP计划 (on, in the list's index) and its member's 待办, aimed at by tenant B's calls. */
const sopPlanOfA = new Types.ObjectId().toHexString();
const sopTodoOfA = `${sopPlanOfA}|task-a|29000000|a-member`;
/** Tenant A's 员工活码 and 欢迎语 (ObjectIds), aimed at by tenant B's calls. */
const acquisitionOfA = { code: '', welcome: '' };

async function snapshotOf(tenantId: string): Promise<string> {
  const db = mongoose.connection.db!;
  const collections = (await db.listCollections().toArray()).map((c) => c.name).sort();
  const parts: unknown[] = [];
  for (const name of collections) {
    const filter = name === 'tenants' ? { _id: tenantId as never } : { tenantId };
    parts.push([name, await db.collection(name).find(filter).sort({ _id: 1 }).toArray()]);
  }
  return JSON.stringify(parts);
}

describe('tenant isolation: every endpoint, called by another tenant', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('tenant-isolation');
    const corpA = await simulator.createCorp(`${A_MARKER}企业`);
    const corpB = await simulator.createCorp('乙方企业');
    const { roles } = await createBoundTenant(TENANT_A, corpA, { adminMobile: '13700000070' });
    await createBoundTenant(TENANT_B, corpB, { adminMobile: '13700000071' });
    await DepartmentModel.create({ tenantId: TENANT_A, deptId: 1, name: `${A_MARKER}部门`, parentId: 0 });
    const roleA = await RoleModel.create({ tenantId: TENANT_A, name: `${A_MARKER}角色`, dataScope: 'all' });
    roleOfA = String(roleA._id);
    SAMPLE_BODIES['PUT /api/org/staff/{userid}/role'] = { roleId: roleOfA };
    SAMPLE_BODIES['POST /api/org/staff'] = {
      userid: 'b-member',
      name: '乙方员工',
      mobile: '13700000079',
      departmentIds: [1],
      roleId: roleOfA,
    };
    await CorpTagGroupModel.create({
      tenantId: TENANT_A,
      groupId: 'et-a-group',
      name: `${A_MARKER}标签组`,
      tags: [{ tagId: 'et-a-tag', name: `${A_MARKER}标签` }],
    });
    const groupTagGroup = await GroupTagGroupModel.create({
      tenantId: TENANT_A,
      name: `${A_MARKER}群标签组`,
      tags: [{ name: `${A_MARKER}群标签` }],
    });
    groupTagsOfA.group = String(groupTagGroup._id);
    groupTagsOfA.tag = String(groupTagGroup.tags[0]._id);
    SAMPLE_BODIES['PUT /api/tags/group-groups-order'] = { ids: [groupTagsOfA.group] };
    SAMPLE_BODIES['PUT /api/tags/group-groups/{groupId}/tags-order'] = { ids: [groupTagsOfA.tag] };
    SAMPLE_BODIES['POST /api/customer-groups/tags'] = { chatIds: ['wr-a'], tagIds: [groupTagsOfA.tag] };
    // Indexed as every writer of groups does, so that B's 客户群 list would show it if it leaked.
    await writeListRows(
      app.listSearch,
      customerGroupReadModel,
      TENANT_A,
      ['wr-a'],
      () =>
        CustomerGroupModel.create({
          tenantId: TENANT_A,
          chatId: 'wr-a',
          name: `${A_MARKER}客户群`,
          ownerUserid: 'a-member',
          members: [{ userid: 'a-member', type: 1 }],
          groupTagIds: [groupTagsOfA.tag],
        }),
      { refresh: 'wait_for' },
    );
    // Tenant A's admin leaves traces everywhere (audit log included) under a name B must never see.
    await StaffModel.updateOne(
      { tenantId: TENANT_A, userid: 'admin' },
      { $set: { name: `${A_MARKER}管理员` } },
    );
    await request(app.baseUrl)
      .post('/api/auth/login')
      .send({ phone: '13700000070', password: ADMIN_PASSWORD })
      .expect(200);
    await CustomerModel.create({
      tenantId: TENANT_A,
      externalUserid: CUSTOMER_OF_A,
      name: `${A_MARKER}客户`,
      follows: [{ userid: 'admin', addedAt: new Date(), tagIds: ['et-a-tag'] }],
      adderUserids: ['admin'],
      ownerUserid: 'admin',
      tagIds: ['et-a-tag'],
      active: true,
    });
    await indexSeededCustomers(app.customerSearch, TENANT_A);
    jobOfA = String(
      (
        await CustomerTaggingJobModel.create({
          tenantId: TENANT_A,
          actorStaffId: 'a',
          customers: 1,
          relations: [{ externalUserid: CUSTOMER_OF_A, userid: `${A_MARKER}` }],
          status: 'completed',
        })
      )._id,
    );
    const recordA = await ContactRecordModel.create({
      tenantId: TENANT_A,
      externalUserid: CUSTOMER_OF_A,
      kind: 'record',
      text: `${A_MARKER}联系记录`,
      creator: { staffId: '000000000000000000000000', userid: 'admin', name: `${A_MARKER}管理员` },
    });
    recordOfA = String(recordA._id);
    acquisitionOfA.code = String(
      (
        await StaffCodeModel.create({
          tenantId: TENANT_A,
          kind: 'single',
          userids: ['a-member'],
          memberUserids: ['a-member'],
          scene: `${A_MARKER}活码`,
          welcomeText: `${A_MARKER}欢迎语`,
          creatorName: `${A_MARKER}管理员`,
        })
      )._id,
    );
    acquisitionOfA.welcome = String(
      (await WelcomeMessageModel.create({ tenantId: TENANT_A, kind: 'group', text: `${A_MARKER}群欢迎语` }))
        ._id,
    );
    const codeA = await GroupCodeModel.create({
      tenantId: TENANT_A,
      name: `${A_MARKER}群活码`,
      scene: `${A_MARKER}场景`,
      strategy: 'overflow',
      guide: `${A_MARKER}引导语`,
      creator: { staffId: 'a', userid: 'admin', name: `${A_MARKER}管理员` },
      groupCount: 1,
    });
    groupCodeOfA.code = String(codeA._id);
    const groupA = await GroupCodeGroupModel.create({
      tenantId: TENANT_A,
      codeId: groupCodeOfA.code,
      position: 0,
      qrFileId: recordOfA,
      name: `${A_MARKER}群`,
      expiresOn: '2099-01-01',
      expiresAt: new Date('2099-01-01T16:00:00Z'),
      scanLimit: 5,
      remaining: 5,
    });
    groupCodeOfA.group = String(groupA._id);
    ruleOfA = String(
      (
        await SensitiveRuleModel.create({
          tenantId: TENANT_A,
          name: `${A_MARKER}规则`,
          words: [`${A_MARKER}词`],
          createdBy: { staffId: 'a', name: `${A_MARKER}管理员` },
        })
      )._id,
    );
    await HandoverModel.create({
      _id: handoverOfA,
      tenantId: TENANT_A,
      kind: 'resigned',
      handoverUserid: 'a-member',
      takeoverUserid: `${A_MARKER}接替`,
      customers: [{ externalUserid: CUSTOMER_OF_A, status: 'done' }],
      groups: [],
      createdBy: { staffId: 'a', userid: 'a-member' },
      finishedAt: new Date('2026-01-02T00:00:00Z'),
    });
    massSendOfA = new Types.ObjectId().toHexString();
    await writeListRows(
      app.listSearch,
      massSendReadModel,
      TENANT_A,
      [massSendOfA],
      () =>
        MassSendModel.create({
          _id: massSendOfA,
          tenantId: TENANT_A,
          ...MASS_SEND_DRAFT,
          kind: 'customers',
          text: `${A_MARKER}群发`,
          status: 'draft',
          creator: { staffId: 'a', userid: 'admin', name: `${A_MARKER}管理员` },
        }),
      { refresh: 'wait_for' },
    );
    await KnowledgeTreeVersionModel.create({
      _id: `${TENANT_A}|scripts|0`,
      tenantId: TENANT_A,
      kind: 'scripts',
      version: 0,
      at: new Date(),
      nodes: [
        { id: 'uncategorized', name: '未分类', fixed: true, children: [] },
        { id: 'kb-a-category', name: `${A_MARKER}分类`, fixed: false, children: [] },
      ],
    });
    await writeListRows(
      app.listSearch,
      knowledgeReadModel,
      TENANT_A,
      [knowledgeItemOfA],
      () =>
        KnowledgeItemModel.create({
          _id: knowledgeItemOfA,
          tenantId: TENANT_A,
          kind: 'scripts',
          categoryId: 'kb-a-category',
          question: `${A_MARKER}问题`,
          similar: [`${A_MARKER}相似问`],
          answer: `${A_MARKER}答案`,
        }),
      { refresh: 'wait_for' },
    );
    await writeListRows(
      app.listSearch,
      sopPlanReadModel,
      TENANT_A,
      [sopPlanOfA],
      () =>
        SopPlanModel.create({
          _id: sopPlanOfA,
          tenantId: TENANT_A,
          name: `${A_MARKER}SOP`,
          scopeKind: 'customers',
          scope: SOP_PLAN.scope,
          tasks: [{ ...SOP_PLAN.tasks[0], id: 'task-a', name: `${A_MARKER}任务` }],
          enabled: true,
          enabledAt: new Date(),
          creator: { staffId: 'a', userid: 'admin', name: `${A_MARKER}管理员` },
        }),
      { refresh: 'wait_for' },
    );
    await SopTodoModel.create({
      _id: sopTodoOfA,
      tenantId: TENANT_A,
      planId: sopPlanOfA,
      taskId: 'task-a',
      assigneeUserid: 'a-member',
      scopeKind: 'customers',
      taskName: `${A_MARKER}任务`,
      channel: 'message',
      contents: [{ kind: 'text', text: A_MARKER }],
      dueAt: new Date(),
      targetCount: 1,
    });
    await StaffModel.create({
      tenantId: TENANT_A,
      userid: 'a-member',
      name: `${A_MARKER}员工`,
      mobile: '13700000072',
      systemEnabled: true,
      roleId: roles.staff,
    });
  });

  afterAll(async () => {
    await app?.stop();
  });

  let cookieOfB: string | undefined;

  /**
   * The cookies of a session of tenant B's admin, alone on each call as a fresh client's would be. A new login
   * only when a call has ended the session (logout, a password change): a login is a bcrypt check, and one for
   * each of the document's operations cost most of the walk's time.
   */
  async function sessionOfB(): Promise<string> {
    if (cookieOfB && (await request(app.baseUrl).get('/api/auth/me').set('Cookie', cookieOfB)).status === 200)
      return cookieOfB;
    cookieOfB = await sessionCookie(app.baseUrl, '13700000071', ADMIN_PASSWORD);
    return cookieOfB;
  }

  it('reads nothing of tenant A and changes nothing of it', async () => {
    const document = (await request(app.baseUrl).get('/api/openapi.json')).body as {
      paths: Record<
        string,
        Record<
          string,
          { security?: Array<Record<string, unknown>>; requestBody?: { content: Record<string, unknown> } }
        >
      >;
    };
    // An operation walked with `{}` stops at validation and never reaches its tenant scoping: every JSON body
    // needs a sample here, so an endpoint added later cannot pass the walk untested.
    const withoutSample = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        // A platform operation refuses a tenant session before reading its body.
        .filter(([, spec]) => !spec.security?.some((scheme) => 'platform' in scheme))
        .filter(([, spec]) => spec.requestBody?.content['application/json'])
        .map(([method]) => `${method.toUpperCase()} ${path}`)
        .filter((operation) => !(operation in SAMPLE_BODIES) && !EMPTY_BODY_IS_VALID.has(operation)),
    );
    expect(withoutSample).toEqual([]);
    const before = await snapshotOf(TENANT_A);

    const walked: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, spec] of Object.entries(operations)) {
        const operation = `${method.toUpperCase()} ${path}`;
        const cookie = await sessionOfB();
        // Aim every path parameter at tenant A's own records.
        // The public landing page's address names its tenant: B's address with A's code must find nothing.
        const url = path
          .replace('{tenantId}', path.startsWith('/api/public/') ? TENANT_B : TENANT_A)
          .replace('{codeId}', groupCodeOfA.code)
          .replace('{groupId}', path.includes('/group-codes/') ? groupCodeOfA.group : '{groupId}')
          .replace('{userid}', 'a-member')
          .replace('{roleId}', roleOfA)
          .replace('{deptId}', '1')
          .replace('{chatId}', 'wr-a')
          .replace('{groupId}', path.includes('/corp-') ? 'et-a-group' : groupTagsOfA.group)
          .replace('{id}', path.includes('/corp-') ? 'et-a-tag' : groupTagsOfA.tag)
          .replace('{externalUserid}', CUSTOMER_OF_A)
          .replace('{jobId}', jobOfA)
          .replace('{recordId}', recordOfA)
          .replace('{ruleId}', ruleOfA)
          .replace('{sendId}', massSendOfA)
          .replace('{handoverId}', handoverOfA)
          .replace('{fileId}', recordOfA)
          .replace('{codeId}', acquisitionOfA.code)
          .replace('{welcomeId}', acquisitionOfA.welcome)
          .replace('{kind}', 'scripts')
          .replace('{categoryId}', 'kb-a-category')
          .replace('{itemId}', knowledgeItemOfA)
          .replace('{planId}', sopPlanOfA)
          .replace('{todoId}', encodeURIComponent(sopTodoOfA));
        const client = request(app.baseUrl);
        const call = client[method as 'get' | 'post' | 'put' | 'patch' | 'delete'](url)
          .set('Cookie', cookie)
          .query({
            msg_signature: '0'.repeat(40),
            timestamp: '1',
            nonce: '1',
            echostr: 'AAAA',
          });
        const response =
          method === 'get' ? await call : await call.send((SAMPLE_BODIES[operation] ?? {}) as object);
        // Binary answers (a QR PNG) have no text; they carry no names either.
        const text = response.text ?? '';
        expect({ operation, leaked: text.includes(A_MARKER) }).toEqual({ operation, leaked: false });
        expect({ operation, status: response.status }).not.toEqual({ operation, status: 500 });
        // A tenant operation must really have run as tenant B, not stopped at the door;
        // a platform operation must refuse a tenant session outright.
        if (spec.security?.some((scheme) => 'session' in scheme))
          expect({ operation, status: response.status }).not.toEqual({ operation, status: 401 });
        if (spec.security?.some((scheme) => 'platform' in scheme))
          expect({ operation, status: response.status }).toEqual({ operation, status: 401 });
        walked.push(operation);
      }
    }

    expect(walked.length).toBe(
      Object.values(document.paths).reduce((sum, operations) => sum + Object.keys(operations).length, 0),
    );
    expect(await snapshotOf(TENANT_A)).toBe(before);
  }, 180_000);
});

import mongoose from 'mongoose';
import request from 'supertest';
import { StaffModel } from '../../lib/models/staff.model';
import { DepartmentModel } from '../../lib/models/department.model';
import { RoleModel } from '../../lib/models/role.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT_A = freshTenantId('iso-a');
const TENANT_B = freshTenantId('iso-b');
// Text that only tenant A's data contains: no answer to tenant B may show it.
const A_MARKER = '甲方独有';

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
};
let roleOfA = '';

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
    // Tenant A's admin leaves traces everywhere (audit log included) under a name B must never see.
    await StaffModel.updateOne(
      { tenantId: TENANT_A, userid: 'admin' },
      { $set: { name: `${A_MARKER}管理员` } },
    );
    await request(app.baseUrl)
      .post('/api/auth/login')
      .send({ phone: '13700000070', password: ADMIN_PASSWORD })
      .expect(200);
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

  /** A fresh session of tenant B's admin for every call, so that calling logout cannot end the walk. */
  async function loggedInAsB() {
    const agent = request.agent(app.baseUrl);
    await agent.post('/api/auth/login').send({ phone: '13700000071', password: ADMIN_PASSWORD }).expect(200);
    return agent;
  }

  it('reads nothing of tenant A and changes nothing of it', async () => {
    const document = (await request(app.baseUrl).get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, { security?: Array<Record<string, unknown>> }>>;
    };
    const before = await snapshotOf(TENANT_A);

    const walked: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, spec] of Object.entries(operations)) {
        const operation = `${method.toUpperCase()} ${path}`;
        const agentB = await loggedInAsB();
        // Aim every path parameter at tenant A's own records.
        const url = path
          .replace('{tenantId}', TENANT_A)
          .replace('{userid}', 'a-member')
          .replace('{roleId}', roleOfA)
          .replace('{deptId}', '1');
        const call = agentB[method as 'get' | 'post' | 'put' | 'patch' | 'delete'](url).query({
          msg_signature: '0'.repeat(40),
          timestamp: '1',
          nonce: '1',
          echostr: 'AAAA',
        });
        const response =
          method === 'get' ? await call : await call.send((SAMPLE_BODIES[operation] ?? {}) as object);
        expect({ operation, leaked: response.text.includes(A_MARKER) }).toEqual({ operation, leaked: false });
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
  });
});

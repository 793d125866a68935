import request from 'supertest';
import { ALL_PERMISSION_KEYS } from '../../lib/access/permission-catalogue';
import { RoleModel } from '../../lib/models/role.model';
import { StaffModel } from '../../lib/models/staff.model';
import { ANY_LOGGED_IN_USER, NO_PERMISSION_MESSAGE } from '../../api/auth/authorize';
import { OPENAPI_PATH } from '../../api/openapi/registry';
import { startTestApp, type TestApp } from '../support/app-harness';
import { simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('perm-walk');
const ADMIN_MOBILE = '13700000191';
const WALKER = { userid: 'walker', name: '巡检员', mobile: '13700000192', departmentIds: [1] };
const WALKER_PASSWORD = 'Walker1234';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Operation {
  method: Method;
  path: string;
  keys: string[];
}

/**
 * The role walk (issue 18): for every route that declares a 功能权限, a logged-in member whose role holds
 * every permission but that route's gets 403 with the manual's message. The routes come from the OpenAPI
 * document (`x-permission`, written by defineRoute from the same declaration that guards the route), so a
 * new endpoint is walked without anyone listing it. One role is edited between groups of routes: the
 * permission check reads the role as it is now.
 */
describe('功能权限: every route refuses a role that lacks its permission', () => {
  let app: TestApp;
  let walker: ReturnType<typeof request.agent>;
  let walkRoleId: string;

  beforeAll(async () => {
    app = await startTestApp('perm-walk');
    const corp = await simulator.createCorp('权限巡检企业');
    await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE });
    const admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
    const created = await admin
      .post('/api/roles')
      .send({ name: '巡检角色', functionPermissions: [...ALL_PERMISSION_KEYS], dataScope: 'all' })
      .expect(201);
    walkRoleId = created.body.id as string;
    await StaffModel.create({ tenantId: TENANT, ...WALKER, roleId: walkRoleId });
    await admin.put(`/api/org/staff/${WALKER.userid}/system-access`).send({ enabled: true }).expect(200);
    await admin
      .put(`/api/org/staff/${WALKER.userid}/password`)
      .send({ password: WALKER_PASSWORD })
      .expect(204);
    walker = request.agent(app.baseUrl);
    await walker
      .post('/api/auth/login')
      .send({ phone: WALKER.mobile, password: WALKER_PASSWORD })
      .expect(200);
  });

  afterAll(async () => {
    await app?.stop();
  });

  async function guardedOperations(): Promise<Operation[]> {
    const document = (await request(app.baseUrl).get(OPENAPI_PATH).expect(200)).body as {
      paths: Record<string, Partial<Record<Method, { 'x-permission'?: string[] }>>>;
    };
    return Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(
          ([, operation]) =>
            operation?.['x-permission'] && !operation['x-permission'].includes(ANY_LOGGED_IN_USER),
        )
        .map(([method, operation]) => ({
          method: method as Method,
          path,
          keys: operation!['x-permission']!,
        })),
    );
  }

  /** A concrete URL for an OpenAPI path: the permission check runs before validation, so any id will do. */
  const urlOf = (path: string) => path.replace(/\{\w+\}/g, 'walk1');

  const holdOnly = (keys: string[]) =>
    RoleModel.updateOne({ tenantId: TENANT, _id: walkRoleId }, { $set: { functionPermissions: keys } });

  it('answers 403 无权限执行该操作 on every route whose permission the role lacks', async () => {
    const operations = await guardedOperations();
    // Not vacuous: the document declares permissions on the product's routes.
    expect(operations.length).toBeGreaterThan(100);

    const byKeys = new Map<string, Operation[]>();
    for (const operation of operations) {
      const id = [...operation.keys].sort().join('|');
      byKeys.set(id, [...(byKeys.get(id) ?? []), operation]);
    }

    const letThrough: string[] = [];
    for (const [id, group] of byKeys) {
      const lacking = new Set(id.split('|'));
      await holdOnly(ALL_PERMISSION_KEYS.filter((key) => !lacking.has(key)));
      for (const { method, path } of group) {
        const answer = await walker[method](urlOf(path)).send({});
        if (answer.status !== 403 || answer.body?.error?.message !== NO_PERMISSION_MESSAGE) {
          letThrough.push(`${method.toUpperCase()} ${path} without ${id}: ${answer.status}`);
        }
      }
    }
    expect(letThrough).toEqual([]);
  }, 300_000);

  it('lets the same member through once the role holds the permission again', async () => {
    await holdOnly([...ALL_PERMISSION_KEYS]);
    await walker.get('/api/roles').expect(200);
    // GET /api/roles takes either key (the role picker of 员工 needs the list too).
    await holdOnly(
      ALL_PERMISSION_KEYS.filter((key) => key !== 'system.roles' && key !== 'system.org.staff-role'),
    );
    const refused = await walker.get('/api/roles');
    expect(refused.status).toBe(403);
  });
});

import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app-harness';

describe('health and OpenAPI', () => {
  let app: TestApp;

  afterEach(async () => {
    await app?.stop();
  });

  it('reports every component with its latency, 200 when all are up', async () => {
    app = await startTestApp('health');
    const response = await request(app.baseUrl).get('/api/health');
    expect(response.status).toBe(200);
    for (const name of ['mongo', 'elasticsearch', 'temporal', 'wecom']) {
      expect(response.body.components[name]).toEqual({ status: 'ok', latencyMs: expect.any(Number) });
    }
  });

  it('answers 503 naming the component that is down', async () => {
    app = await startTestApp('health-down', { ES_URL: 'http://127.0.0.1:9' });
    const response = await request(app.baseUrl).get('/api/health');
    expect(response.status).toBe(503);
    expect(response.body.status).toBe('error');
    expect(response.body.components.elasticsearch.status).toBe('error');
    expect(response.body.components.mongo.status).toBe('ok');
  });

  it('documents every endpoint the api serves in an OpenAPI 3.1 document', async () => {
    app = await startTestApp('openapi');
    const response = await request(app.baseUrl).get('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const documented = Object.entries(response.body.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(
      [
        'GET /api/audit-logs',
        'GET /api/staff-codes',
        'POST /api/staff-codes',
        'GET /api/staff-codes/preview-qr',
        'GET /api/staff-codes/{codeId}',
        'PUT /api/staff-codes/{codeId}',
        'DELETE /api/staff-codes/{codeId}',
        'GET /api/staff-codes/{codeId}/trend',
        'GET /api/staff-codes/{codeId}/adds',
        'GET /api/staff-codes/{codeId}/qr',
        'GET /api/public/qr-preview',
        'GET /api/welcome-messages/default',
        'POST /api/welcome-messages/default',
        'PUT /api/welcome-messages/default/{welcomeId}',
        'DELETE /api/welcome-messages/default/{welcomeId}',
        'GET /api/welcome-messages/group',
        'POST /api/welcome-messages/group',
        'PUT /api/welcome-messages/group/{welcomeId}',
        'DELETE /api/welcome-messages/group/{welcomeId}',
        'POST /api/welcome-images',
        'GET /api/public/welcome-images/{tenantId}/{fileId}',
        'GET /api/customers',
        'GET /api/customers/columns',
        'GET /api/customers/options',
        'PUT /api/customers/columns',
        'POST /api/customers/tags',
        'GET /api/customers/tag-jobs/{jobId}',
        'GET /api/customers/{externalUserid}',
        'PUT /api/customers/{externalUserid}/enterprise',
        'PATCH /api/customers/{externalUserid}',
        'GET /api/auth/me',
        'GET /api/health',
        'GET /api/openapi.json',
        'GET /api/org/departments',
        'GET /api/org/seats',
        'GET /api/org/staff',
        'GET /api/org/sync',
        'GET /wecom/callback/{tenantId}/contacts',
        'GET /wecom/callback/{tenantId}/customers',
        'POST /wecom/callback/{tenantId}/customers',
        'GET /api/auth/wecom/start',
        'PUT /api/auth/password',
        'GET /api/auth/wecom/callback',
        'GET /api/wecom/binding',
        'PUT /api/wecom/binding',
        'POST /api/wecom/binding/doctor',
        'POST /api/wecom/binding/archive-key-pair',
        'GET /api/wecom/health',
        'GET /api/platform/tenants/{tenantId}/wecom-health',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'POST /api/org/sync',
        'POST /wecom/callback/{tenantId}/contacts',
        'PUT /api/org/staff/{userid}/system-access',
        'GET /api/org/editability',
        'POST /api/org/departments',
        'PATCH /api/org/departments/{deptId}',
        'PUT /api/org/departments/{deptId}/position',
        'DELETE /api/org/departments/{deptId}',
        'GET /api/org/role-options',
        'POST /api/org/staff',
        'GET /api/org/staff/{userid}',
        'PATCH /api/org/staff/{userid}',
        'DELETE /api/org/staff/{userid}',
        'GET /api/org/write-backs',
        'PUT /api/org/staff/{userid}/role',
        'PUT /api/org/staff/{userid}/password',
        'GET /api/roles',
        'GET /api/roles/permission-tree',
        'POST /api/roles',
        'PUT /api/roles/{roleId}',
        'DELETE /api/roles/{roleId}',
        'GET /api/customers/{externalUserid}/contact-records',
        'POST /api/customers/{externalUserid}/contact-records',
        'DELETE /api/customers/{externalUserid}/contact-records/{recordId}',
        'GET /api/customers/{externalUserid}/contact-records/{recordId}/attachments/{fileId}',
        'POST /api/contact-record-attachments',
        'GET /api/contact-record-colleagues',
        'GET /api/group-codes',
        'GET /api/group-codes/columns',
        'PUT /api/group-codes/columns',
        'POST /api/group-code-images',
        'GET /api/group-code-images/{fileId}',
        'POST /api/group-codes',
        'GET /api/group-codes/{codeId}',
        'PUT /api/group-codes/{codeId}',
        'DELETE /api/group-codes/{codeId}',
        'GET /api/group-codes/{codeId}/qr',
        'POST /api/group-codes/{codeId}/groups',
        'PUT /api/group-codes/{codeId}/groups/{groupId}',
        'DELETE /api/group-codes/{codeId}/groups/{groupId}',
        'GET /api/public/group-codes/{tenantId}/{codeId}',
        'POST /api/public/group-codes/{tenantId}/{codeId}/scans',
        'GET /api/public/group-codes/{tenantId}/{codeId}/groups/{groupId}/qr',
        'GET /api/h5/auth/start',
        'GET /api/h5/auth/callback',
        'GET /api/h5/jssdk-config',
        'GET /api/h5/customers/{externalUserid}',
        'PATCH /api/h5/customers/{externalUserid}',
        'GET /api/h5/tag-options',
        'POST /api/h5/customers/{externalUserid}/tags',
        'POST /api/platform/auth/login',
        'GET /api/platform/auth/me',
        'POST /api/platform/auth/logout',
        'GET /api/platform/tenants',
        'POST /api/platform/tenants',
        'PATCH /api/platform/tenants/{tenantId}',
        'GET /api/tags/corp-groups',
        'POST /api/tags/corp-groups',
        'PUT /api/tags/corp-groups/{groupId}',
        'DELETE /api/tags/corp-groups/{groupId}',
        'PUT /api/tags/corp-groups-order',
        'POST /api/tags/corp-groups/{groupId}/tags',
        'PUT /api/tags/corp-groups/{groupId}/tags-order',
        'PUT /api/tags/corp-tags/{id}',
        'DELETE /api/tags/corp-tags/{id}',
        'GET /api/tags/group-groups',
        'POST /api/tags/group-groups',
        'PUT /api/tags/group-groups/{groupId}',
        'DELETE /api/tags/group-groups/{groupId}',
        'PUT /api/tags/group-groups-order',
        'POST /api/tags/group-groups/{groupId}/tags',
        'PUT /api/tags/group-groups/{groupId}/tags-order',
        'PUT /api/tags/group-tags/{id}',
        'DELETE /api/tags/group-tags/{id}',
        'GET /api/handovers/resigned-customers',
        'GET /api/handovers/resigned-groups',
        'GET /api/handovers',
        'POST /api/handovers',
        'GET /api/handovers/{handoverId}',
        'POST /api/handovers/{handoverId}/refresh',
        'GET /api/handovers/resigned-members',
        'POST /api/handovers/onjob/preview',
        'GET /api/customer-losses',
        'GET /api/customer-losses/export',
        'GET /api/customer-loss-alert-settings',
        'PUT /api/customer-loss-alert-settings',
        'GET /api/customer-groups/columns',
        'PUT /api/customer-groups/columns',
        'GET /api/customer-groups',
        'POST /api/customer-groups/tags',
        'PUT /api/customer-groups/{chatId}/tags',
        'GET /api/customer-groups/{chatId}/portrait',
        'GET /api/customer-groups/{chatId}/message-trend',
        'GET /api/archive/messages',
        'GET /api/archive/conversations',
        'GET /api/archive/customers',
        'GET /api/archive/search',
        'GET /api/archive/media',
        'GET /api/sensitive-rules',
        'POST /api/sensitive-rules',
        'PUT /api/sensitive-rules/{ruleId}',
        'PUT /api/sensitive-rules/{ruleId}/enabled',
        'DELETE /api/sensitive-rules/{ruleId}',
        'GET /api/sensitive-behavior-settings',
        'PUT /api/sensitive-behavior-settings',
        'GET /api/integrations',
        'GET /api/integrations/udesk',
        'PUT /api/integrations/udesk',
        'PUT /api/integrations/udesk/enabled',
        'GET /api/sensitive-alerts',
        'GET /api/sensitive-alerts/export',
        'GET /api/sensitive-alerts/{alertId}',
        'GET /api/sensitive-alerts/{alertId}/context',
        'POST /api/sensitive-alerts/{alertId}/review',
        'GET /api/analytics/sensitive-behaviors',
        'GET /api/analytics/sensitive-behaviors/ranking',
        'GET /api/analytics/sensitive-behaviors/ranking/export',
        'GET /api/analytics/sensitive-words/ranking',
        'GET /api/analytics/sensitive-words/ranking/export',
        'GET /api/mass-sends',
        'POST /api/mass-sends',
        'POST /api/mass-sends/audience-preview',
        'GET /api/mass-sends/{sendId}',
        'PUT /api/mass-sends/{sendId}',
        'DELETE /api/mass-sends/{sendId}',
        'POST /api/mass-sends/{sendId}/cancel',
        'POST /api/mass-sends/{sendId}/remind',
        'GET /api/mass-sends/{sendId}/results',
        'GET /api/mass-sends/{sendId}/results/export',
        'POST /api/mass-sends/{sendId}/results/refresh',
        'GET /api/knowledge/link-preview',
        'GET /api/knowledge/{kind}/tree',
        'POST /api/knowledge/{kind}/categories',
        'PATCH /api/knowledge/{kind}/categories/{categoryId}',
        'PUT /api/knowledge/{kind}/categories/{categoryId}/position',
        'DELETE /api/knowledge/{kind}/categories/{categoryId}',
        'GET /api/knowledge/{kind}/items',
        'POST /api/knowledge/scripts/items',
        'PUT /api/knowledge/scripts/items/{itemId}',
        'POST /api/knowledge/phrases/items',
        'PUT /api/knowledge/phrases/items/{itemId}',
        'POST /api/knowledge/links/items',
        'PUT /api/knowledge/links/items/{itemId}',
        'GET /api/knowledge/{kind}/items/{itemId}',
        'DELETE /api/knowledge/{kind}/items/{itemId}',
        'GET /api/h5/knowledge',
        'GET /api/h5/knowledge/trees',
        'POST /api/h5/knowledge/{itemId}/use',
        'GET /api/sop/plans',
        'POST /api/sop/plans',
        'GET /api/sop/plans/{planId}',
        'PUT /api/sop/plans/{planId}',
        'DELETE /api/sop/plans/{planId}',
        'PUT /api/sop/plans/{planId}/switch',
        'POST /api/sop/reach',
        'GET /api/sop/plans/{planId}/calendar',
        'POST /api/sop/calendar',
        'POST /api/sop/media',
        'GET /api/public/sop-media/{tenantId}/{fileId}',
        'GET /api/sop/plans/{planId}/stats',
        'GET /api/sop/plans/{planId}/staff-rows',
        'GET /api/sop/plans/{planId}/receipt-rows',
        'GET /api/h5/sop-todos',
        'GET /api/h5/sop-todos/{todoId}',
        'GET /api/h5/sop-todos/{todoId}/targets',
        'POST /api/h5/sop-todos/{todoId}/complete',
        'GET /api/analytics/staff-options',
        'GET /api/analytics/customers/overview',
        'GET /api/analytics/customers/chats',
        'GET /api/analytics/customers/groups',
        'GET /api/analytics/customers/group-days',
        'GET /api/analytics/customers/group-chats/export',
        'GET /api/analytics/customers/group-members/export',
        'GET /api/analytics/staff/contacts',
        'GET /api/analytics/staff/contacts/export',
        'GET /api/analytics/staff/groups',
        'GET /api/analytics/staff/groups/export',
        'GET /api/analytics/consistency',
        'GET /api/analytics/rollups/backfill',
        'POST /api/analytics/rollups/backfill',
        'GET /api/customers/sync',
        'POST /api/customers/sync',
        'GET /api/customer-groups/sync',
        'POST /api/customer-groups/sync',
        'GET /api/tags/sync',
        'POST /api/tags/sync',
      ].sort(),
    );
  });

  it('documents the permission (x-permission) of every tenant session operation', async () => {
    app = await startTestApp('openapi-permissions');
    const document = (await request(app.baseUrl).get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, { security?: object[]; 'x-permission'?: string[] }>>;
    };
    const sessionOperations = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, spec]) => spec.security?.some((scheme) => 'session' in scheme))
        .map(([method, spec]) => ({
          operation: `${method.toUpperCase()} ${path}`,
          permission: spec['x-permission'],
        })),
    );
    expect(sessionOperations.length).toBeGreaterThan(5);
    for (const { operation, permission } of sessionOperations) {
      expect({ operation, documented: (permission ?? []).length > 0 }).toEqual({
        operation,
        documented: true,
      });
    }
    expect(sessionOperations).toContainEqual({
      operation: 'GET /api/auth/me',
      permission: ['any-logged-in-user'],
    });
    expect(sessionOperations).toContainEqual({
      operation: 'DELETE /api/roles/{roleId}',
      permission: ['system.roles.delete'],
    });
  });

  it('answers unknown api paths, and a wrong method on a WeCom callback path, with a JSON 404', async () => {
    app = await startTestApp('notfound');
    const response = await request(app.baseUrl).get('/api/nope');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
    // WeCom's callback paths answer only GET (the URL check) and POST (events): another method gets the same
    // JSON error, not Express's HTML page (the api fuzzing found that).
    const wrongMethod = await request(app.baseUrl).put('/wecom/callback/t1/contacts?msg_signature=0');
    expect(wrongMethod.status).toBe(404);
    expect(wrongMethod.body.error).toEqual({ code: 'NOT_FOUND', message: '接口不存在' });
  });
});

import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Client } from '@temporalio/client';
import { Router, type RequestHandler } from 'express';
import {
  departmentTreeResponseSchema,
  seatsSchema,
  staffListQuerySchema,
  staffPageSchema,
  syncStartedSchema,
  staffParamsSchema,
  syncStatusSchema,
  systemAccessRequestSchema,
} from '../../../lib/contracts/org.contract';
import { DepartmentModel } from '../../../lib/models/department.model';
import { TenantModel } from '../../../lib/models/tenant.model';
import { sessionOf } from '../../auth/session';
import { notFound } from '../../http/app-error';
import { defineRoute } from '../../http/define-route';
import { getOrgSyncStatus, startManualOrgSync } from './org-sync.use-case';
import { countSeatsInUse } from '../../../lib/org/seats';
import { recordAudit } from '../audit/record-audit';
import { listStaff, writeBackView } from './staff-list.use-case';
import { setSystemAccess } from './system-access.use-case';

/** 组织架构 (R-7.1.x): the department tree, the staff list, the 同步 button and the seat banner. */
export function createOrgRouter(
  registry: OpenAPIRegistry,
  temporal: { client: Client; taskQueue: string },
  authenticate: RequestHandler,
): Router {
  const router = Router();
  const common = { tags: ['org'], authenticated: true, guards: [authenticate] };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/org/departments',
      summary: 'All departments of the tenant (flat; the root has parentId 0)',
      responses: { 200: { description: 'Departments', schema: departmentTreeResponseSchema } },
    },
    async (_input, _req, res) => {
      const { tenantId } = sessionOf(res);
      const [tenant, departments] = await Promise.all([
        TenantModel.findById(tenantId).lean(),
        // A department whose deletion is on its way to WeCom is already gone from the tree.
        DepartmentModel.find({
          tenantId,
          $nor: [{ 'writeBack.status': 'pending', 'writeBack.op': 'delete' }],
        })
          .sort({ parentId: 1, order: -1, deptId: 1 })
          .lean(),
      ]);
      if (!tenant) throw notFound();
      res.json({
        corpName: tenant.wecom?.corpName ?? tenant.name,
        items: departments.map((d) => ({
          id: d.deptId,
          name: d.name,
          parentId: d.parentId,
          order: d.order,
          ...(d.writeBack ? { writeBack: writeBackView(d.writeBack) } : {}),
        })),
      });
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/org/staff',
      summary: 'Staff list, paginated, searchable by name or phone, filtered by department subtree',
      request: { query: staffListQuerySchema },
      responses: { 200: { description: 'A page of staff', schema: staffPageSchema } },
    },
    async ({ query }, _req, res) => {
      res.json(await listStaff(sessionOf(res).tenantId, query));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/org/staff/:userid/system-access',
      summary: '开启系统 / 关闭系统 for a staff member (takes or frees a seat)',
      request: { params: staffParamsSchema, body: systemAccessRequestSchema },
      responses: {
        200: { description: 'Changed; the seats after the change', schema: seatsSchema },
        409: { description: '可使用数量已用完，请联系商务' },
      },
    },
    async ({ params, body }, req, res) => {
      const session = sessionOf(res);
      const change = await setSystemAccess(session, params.userid, body.enabled);
      await recordAudit({
        tenantId: session.tenantId,
        actorStaffId: session.staffId,
        action: body.enabled ? 'system-access.enable' : 'system-access.disable',
        target: { type: 'staff', id: params.userid, name: change.name },
        before: { systemEnabled: change.before },
        after: { systemEnabled: body.enabled },
        ip: req.ip,
      });
      res.json(await seatsOf(session.tenantId));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/org/sync',
      summary: 'Latest org sync and the manual sync quota',
      responses: { 200: { description: 'Sync status', schema: syncStatusSchema } },
    },
    async (_input, _req, res) => {
      res.json(await getOrgSyncStatus(sessionOf(res).tenantId));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/org/sync',
      summary: 'Start a manual org sync (at most 2 a day, 10 minutes apart)',
      responses: {
        202: { description: 'Sync started', schema: syncStartedSchema },
        409: { description: 'A sync is running' },
        429: { description: 'Manual sync quota used up' },
      },
    },
    async (_input, req, res) => {
      const session = sessionOf(res);
      const started = await startManualOrgSync(temporal, session.tenantId);
      await recordAudit({
        tenantId: session.tenantId,
        actorStaffId: session.staffId,
        action: 'org-sync.manual',
        target: { type: 'workflow', id: started.workflowId, name: '组织架构同步' },
        ip: req.ip,
      });
      res.status(202).location(`/api/org/sync`).json(started);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/org/seats',
      summary: 'Seats in use (开启系统) out of the tenant seat count, and the validity window',
      responses: { 200: { description: 'Seats', schema: seatsSchema } },
    },
    async (_input, _req, res) => {
      res.json(await seatsOf(sessionOf(res).tenantId));
    },
  );

  return router;
}

async function seatsOf(tenantId: string) {
  const [tenant, used] = await Promise.all([
    TenantModel.findById(tenantId).lean(),
    countSeatsInUse(tenantId),
  ]);
  if (!tenant) throw notFound();
  return {
    used,
    total: tenant.seats,
    effectiveAt: tenant.effectiveAt.toISOString(),
    expiresAt: tenant.expiresAt.toISOString(),
  };
}

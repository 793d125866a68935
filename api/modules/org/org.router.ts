import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Client } from '@temporalio/client';
import { Router, type RequestHandler, type Response } from 'express';
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
import { resolveStaffScope } from '../../../lib/access/data-scope';
import { staffPasswordRequestSchema, staffRoleRequestSchema } from '../../../lib/contracts/role.contract';
import { accessOf } from '../../auth/authorize';
import { sessionOf } from '../../auth/session';
import { notFound } from '../../http/app-error';
import { defineRoute } from '../../http/define-route';
import { manualSyncStatus, startManualSync } from '../manual-sync/manual-sync.use-case';
import { countSeatsInUse } from '../../../lib/org/seats';
import { recordAudit } from '../audit/record-audit';
import { listStaff, writeBackView } from './staff-list.use-case';
import { resetStaffPassword } from './staff-password.use-case';
import { assignStaffRole } from './staff-role.use-case';
import { setSystemAccess } from './system-access.use-case';

/** 组织架构 (R-7.1.x): the department tree, the staff list, the 同步 button and the seat banner. */
export function createOrgRouter(
  registry: OpenAPIRegistry,
  temporal: { client: Client; taskQueue: string },
  authenticate: RequestHandler,
): Router {
  const router = Router();
  const common = { tags: ['org'], authenticated: true as const, guards: [authenticate] };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/org/departments',
      permission: 'system.org',
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
      permission: 'system.org',
      summary: 'Staff list, paginated, searchable by name or phone, filtered by department subtree',
      request: { query: staffListQuerySchema },
      responses: { 200: { description: 'A page of staff', schema: staffPageSchema } },
    },
    async ({ query }, _req, res) => {
      const { tenantId } = sessionOf(res);
      const access = accessOf(res);
      res.json(await listStaff(tenantId, query, await resolveStaffScope(tenantId, access, access)));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/org/staff/:userid/role',
      summary: '设置角色: give a staff member another role (each has exactly one)',
      permission: 'system.org.staff-role',
      request: { params: staffParamsSchema, body: staffRoleRequestSchema },
      responses: { 204: { description: 'Changed; takes effect on their next request' } },
    },
    async ({ params, body }, req, res) => {
      const session = sessionOf(res);
      await assertStaffInScope(res, params.userid);
      const change = await assignStaffRole(session.tenantId, accessOf(res), params.userid, body.roleId);
      await recordAudit({
        tenantId: session.tenantId,
        actorStaffId: session.staffId,
        action: 'staff.role',
        target: { type: 'staff', id: params.userid, name: change.name },
        before: change.before,
        after: change.after,
        ip: req.ip,
      });
      res.status(204).end();
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/org/staff/:userid/password',
      summary: 'Reset a staff member’s password (I-10); their other sessions end',
      permission: 'system.org.staff-password',
      request: { params: staffParamsSchema, body: staffPasswordRequestSchema },
      responses: { 204: { description: 'Password set' } },
    },
    async ({ params, body }, req, res) => {
      const session = sessionOf(res);
      await assertStaffInScope(res, params.userid);
      const change = await resetStaffPassword(session, accessOf(res), params.userid, body.password);
      await recordAudit({
        tenantId: session.tenantId,
        actorStaffId: session.staffId,
        action: 'staff.password-reset',
        target: { type: 'staff', id: params.userid, name: change.name },
        // Never the password or its hash: only whether one was set.
        before: { passwordSet: change.hadPassword },
        after: { passwordSet: true },
        ip: req.ip,
      });
      res.status(204).end();
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/org/staff/:userid/system-access',
      permission: 'system.org.system-access',
      summary: '开启系统 / 关闭系统 for a staff member (takes or frees a seat)',
      request: { params: staffParamsSchema, body: systemAccessRequestSchema },
      responses: {
        200: { description: 'Changed; the seats after the change', schema: seatsSchema },
        409: { description: '可使用数量已用完，请联系商务' },
      },
    },
    async ({ params, body }, req, res) => {
      const session = sessionOf(res);
      await assertStaffInScope(res, params.userid);
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
      permission: 'system.org',
      summary: 'Latest org sync and the manual sync quota',
      responses: { 200: { description: 'Sync status', schema: syncStatusSchema } },
    },
    async (_input, _req, res) => {
      res.json(await manualSyncStatus(sessionOf(res).tenantId, 'org'));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/org/sync',
      permission: 'system.org.sync',
      summary: 'Start a manual org sync (at most 2 a day, 10 minutes apart)',
      responses: {
        202: { description: 'Sync started', schema: syncStartedSchema },
        409: { description: 'A sync is running' },
        429: { description: 'Manual sync quota used up' },
      },
    },
    async (_input, req, res) => {
      const session = sessionOf(res);
      const started = await startManualSync(temporal, session.tenantId, 'org');
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
      permission: 'system.org',
      summary: 'Seats in use (开启系统) out of the tenant seat count, and the validity window',
      responses: { 200: { description: 'Seats', schema: seatsSchema } },
    },
    async (_input, _req, res) => {
      res.json(await seatsOf(sessionOf(res).tenantId));
    },
  );

  return router;
}

/** Acting on a staff member outside one's 数据权限 looks like acting on nobody (no hint they exist). */
/** A caller acts only on staff inside their 数据权限; others are "not found", as in the list. */
export async function assertStaffInScope(res: Response, userid: string): Promise<void> {
  const { tenantId } = sessionOf(res);
  const access = accessOf(res);
  const scope = await resolveStaffScope(tenantId, access, access);
  if (!scope.all && !scope.userids.includes(userid)) throw notFound('员工不存在', 'STAFF_NOT_FOUND');
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

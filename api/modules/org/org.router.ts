import { Router } from 'express';
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
import { staffPasswordRequestSchema, staffRoleRequestSchema } from '../../../lib/contracts/role.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { manualSyncStatus, startManualSync } from '../manual-sync/manual-sync.use-case';
import { departmentTree, seatsOf } from './org-overview.use-case';
import { listStaff } from './staff-list.use-case';
import { resetStaffPassword } from './staff-password.use-case';
import { assignStaffRole } from './staff-role.use-case';
import { setSystemAccess } from './system-access.use-case';

/** 组织架构 (R-7.1.x): the department tree, the staff list, the 同步 button and the seat banner. */
export function createOrgRouter({ registry, authenticate, temporal }: AppContext): Router {
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
    async (_input, req, res) => {
      res.json(await departmentTree(callerOf(req, res)));
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
    async ({ query }, req, res) => {
      res.json(await listStaff(callerOf(req, res), query));
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
      await assignStaffRole(callerOf(req, res), { ...body, ...params });
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
      await resetStaffPassword(callerOf(req, res), { ...body, ...params });
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
      res.json(await setSystemAccess(callerOf(req, res), { ...body, ...params }));
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
    async (_input, req, res) => {
      res.json(await manualSyncStatus(callerOf(req, res), { kind: 'org' }));
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
      const started = await startManualSync(callerOf(req, res), { kind: 'org' }, { temporal });
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
    async (_input, req, res) => {
      res.json(await seatsOf(callerOf(req, res)));
    },
  );

  return router;
}

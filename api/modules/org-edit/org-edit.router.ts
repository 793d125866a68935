import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { staffParamsSchema } from '../../../lib/contracts/org.contract';
import {
  departmentCreateSchema,
  departmentEditedSchema,
  departmentMoveSchema,
  departmentParamsSchema,
  departmentRenameSchema,
  orgEditabilitySchema,
  roleOptionsSchema,
  staffCreateSchema,
  staffDetailSchema,
  staffUpdateSchema,
  writeBackListQuerySchema,
  writeBackPageSchema,
} from '../../../lib/contracts/org-edit.contract';
import { RoleModel } from '../../../lib/models/role.model';
import { accessOf, type RoutePermission } from '../../auth/authorize';
import { sessionOf } from '../../auth/session';
import { assertStaffInScope } from '../org/org.router';
import { defineRoute } from '../../http/define-route';
import {
  createDepartment,
  deleteDepartment,
  moveDepartment,
  renameDepartment,
} from './department-edit.use-case';
import type { WriteBackDeps } from './enqueue-org-change';
import { orgEditability } from './org-editability';
import { createStaff, deleteStaff, getStaffDetail, updateStaff } from './staff-edit.use-case';
import { listWriteBacks } from './write-back-list.use-case';

const READ_ONLY = { 403: { description: '通讯录为只读权限，请在企业微信后台修改' } };
const ACCEPTED = '保存成功，正在同步到企业微信';

/**
 * 组织架构 editing (R-7.1.1-02..10, R-7.1.3, I-95..I-100): every edit is saved here at once and answered 202;
 * the tenant's org-write-back workflow then writes it to WeCom.
 */
export function createOrgEditRouter(
  registry: OpenAPIRegistry,
  deps: WriteBackDeps,
  authenticate: RequestHandler,
): Router {
  const router = Router();
  const common = { tags: ['org'], authenticated: true as const, guards: [authenticate] };

  /** An edit: saved here, answered 202 (with `result` when it has one), written back to WeCom afterwards. */
  function declareOrgEdit<P extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined>(
    spec: {
      method: 'post' | 'patch' | 'put' | 'delete';
      path: string;
      permission: RoutePermission;
      summary: string;
      request: { params?: P; body?: B };
      result?: z.ZodType;
      /** Refusals besides 通讯录只读, by status. */
      refusals?: Record<number, string>;
    },
    apply: (input: { params: z.infer<P>; body: z.infer<B> }, res: Response) => Promise<unknown>,
  ): void {
    const { result, refusals = {}, ...route } = spec;
    defineRoute(
      registry,
      router,
      {
        ...common,
        ...route,
        responses: {
          202: { description: ACCEPTED, ...(result ? { schema: result } : {}) },
          ...Object.fromEntries(
            Object.entries(refusals).map(([status, description]) => [status, { description }]),
          ),
          ...READ_ONLY,
        },
      },
      async (input, _req, res) => {
        const answer = await apply(input, res);
        res.status(202).json(answer ?? { message: ACCEPTED });
      },
    );
  }

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/org/editability',
      permission: 'system.org',
      summary: 'Whether the org may be edited here (not when the contacts secret is read-only, I-95)',
      responses: { 200: { description: 'Editability', schema: orgEditabilitySchema } },
    },
    async (_input, _req, res) => {
      res.json(await orgEditability(sessionOf(res).tenantId));
    },
  );

  declareOrgEdit(
    {
      method: 'post',
      path: '/api/org/departments',
      permission: 'system.org.department-edit',
      summary: 'Add a sub-department (R-7.1.1-05); written back to WeCom',
      request: { body: departmentCreateSchema },
      result: departmentEditedSchema,
      refusals: { 400: 'Name or level rule broken', 409: 'A sibling has this name' },
    },
    ({ body }, res) => createDepartment(deps, sessionOf(res), body),
  );

  declareOrgEdit(
    {
      method: 'patch',
      path: '/api/org/departments/:deptId',
      permission: 'system.org.department-edit',
      summary: 'Rename a department (R-7.1.1-04)',
      request: { params: departmentParamsSchema, body: departmentRenameSchema },
      result: departmentEditedSchema,
      refusals: { 409: 'A sibling has this name' },
    },
    ({ params, body }, res) => renameDepartment(deps, sessionOf(res), params.deptId, body.name),
  );

  declareOrgEdit(
    {
      method: 'put',
      path: '/api/org/departments/:deptId/position',
      permission: 'system.org.department-edit',
      summary: 'Move a department with its subtree: reorder among siblings or re-parent (R-7.1.1-06/07)',
      request: { params: departmentParamsSchema, body: departmentMoveSchema },
      result: departmentEditedSchema,
      refusals: { 400: 'More than 5 levels, or under itself' },
    },
    ({ params, body }, res) => moveDepartment(deps, sessionOf(res), params.deptId, body),
  );

  declareOrgEdit(
    {
      method: 'delete',
      path: '/api/org/departments/:deptId',
      permission: 'system.org.department-edit',
      summary: 'Delete an empty department (R-7.1.1-09)',
      request: { params: departmentParamsSchema },
      refusals: { 409: '该部门下还有数据存在，请先清除数据再删除' },
    },
    async ({ params }, res) => {
      await deleteDepartment(deps, sessionOf(res), params.deptId);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/org/role-options',
      permission: ['system.org.staff-create', 'system.org.staff-edit'],
      summary: 'The roles the 角色 field of 新建员工 / 编辑 offers (all but 超级管理员)',
      responses: { 200: { description: 'Roles', schema: roleOptionsSchema } },
    },
    async (_input, _req, res) => {
      // 超级管理员 belongs to the tenant's super admin alone and is never given (I-101).
      const roles = await RoleModel.find(
        { tenantId: sessionOf(res).tenantId, builtIn: { $ne: 'super_admin' } },
        { name: 1 },
      )
        .sort({ createdAt: 1 })
        .limit(500)
        .lean();
      res.json(roles.map((role) => ({ id: String(role._id), name: role.name })));
    },
  );

  declareOrgEdit(
    {
      method: 'post',
      path: '/api/org/staff',
      permission: 'system.org.staff-create',
      summary: '新建员工 (R-7.1.3); starts 关闭系统; written back to WeCom',
      request: { body: staffCreateSchema },
      result: staffDetailSchema,
      refusals: { 409: '帐号、手机号或邮箱已存在' },
    },
    ({ body }, res) => createStaff(deps, sessionOf(res), accessOf(res), body),
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/org/staff/:userid',
      permission: 'system.org',
      summary: 'One staff member with every field of the 编辑 dialog',
      request: { params: staffParamsSchema },
      responses: { 200: { description: 'Staff member', schema: staffDetailSchema } },
    },
    async ({ params }, _req, res) => {
      await assertStaffInScope(res, params.userid);
      res.json(await getStaffDetail(sessionOf(res).tenantId, params.userid));
    },
  );

  declareOrgEdit(
    {
      method: 'patch',
      path: '/api/org/staff/:userid',
      permission: 'system.org.staff-edit',
      summary: '编辑员工 (I-100: 帐号 cannot change)',
      request: { params: staffParamsSchema, body: staffUpdateSchema },
      result: staffDetailSchema,
      refusals: { 409: '手机号或邮箱已存在' },
    },
    async ({ params, body }, res) => {
      await assertStaffInScope(res, params.userid);
      return updateStaff(deps, sessionOf(res), accessOf(res), params.userid, body);
    },
  );

  declareOrgEdit(
    {
      method: 'delete',
      path: '/api/org/staff/:userid',
      permission: 'system.org.staff-delete',
      summary: '删除员工 (R-7.1.2-06): frees the seat; the record stays as history',
      request: { params: staffParamsSchema },
    },
    async ({ params }, res) => {
      await assertStaffInScope(res, params.userid);
      await deleteStaff(deps, sessionOf(res), params.userid);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/org/write-backs',
      permission: 'system.org',
      summary: 'Org edits on their way to WeCom, written, or refused (with errcode and message)',
      request: { query: writeBackListQuerySchema },
      responses: { 200: { description: 'A page of write-backs', schema: writeBackPageSchema } },
    },
    async ({ query }, _req, res) => {
      res.json(await listWriteBacks(sessionOf(res).tenantId, query));
    },
  );

  return router;
}

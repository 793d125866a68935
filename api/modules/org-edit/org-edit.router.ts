import { Router } from 'express';
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
import type { AppContext } from '../../app-context';
import type { RoutePermission } from '../../auth/authorize';
import { callerOf, type Caller } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import {
  createDepartment,
  deleteDepartment,
  moveDepartment,
  renameDepartment,
} from './department-edit.use-case';
import { orgEditability } from './org-editability';
import { createStaff, deleteStaff, getStaffDetail, roleOptions, updateStaff } from './staff-edit.use-case';
import { listWriteBacks } from './write-back-list.use-case';

const READ_ONLY = { 403: { description: '通讯录为只读权限，请在企业微信后台修改' } };
const ACCEPTED = '保存成功，正在同步到企业微信';

/**
 * 组织架构 editing (R-7.1.1-02..10, R-7.1.3, I-95..I-100): every edit is saved here at once and answered 202;
 * the tenant's org-write-back workflow then writes it to WeCom.
 */
export function createOrgEditRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
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
    apply: (input: { params: z.infer<P>; body: z.infer<B> }, caller: Caller) => Promise<unknown>,
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
      async (input, req, res) => {
        const answer = await apply(input, callerOf(req, res));
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
    async (_input, req, res) => {
      res.json(await orgEditability(callerOf(req, res)));
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
    ({ body }, caller) => createDepartment(caller, body, app),
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
    ({ params, body }, caller) => renameDepartment(caller, { ...body, ...params }, app),
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
    ({ params, body }, caller) => moveDepartment(caller, { ...body, ...params }, app),
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
    async ({ params }, caller) => {
      await deleteDepartment(caller, params, app);
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
    async (_input, req, res) => {
      res.json(await roleOptions(callerOf(req, res)));
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
    ({ body }, caller) => createStaff(caller, body, app),
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
    async ({ params }, req, res) => {
      res.json(await getStaffDetail(callerOf(req, res), params));
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
    ({ params, body }, caller) => updateStaff(caller, { ...body, ...params }, app),
  );

  declareOrgEdit(
    {
      method: 'delete',
      path: '/api/org/staff/:userid',
      permission: 'system.org.staff-delete',
      summary: '删除员工 (R-7.1.2-06): frees the seat; the record stays as history',
      request: { params: staffParamsSchema },
    },
    async ({ params }, caller) => {
      await deleteStaff(caller, params, app);
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
    async ({ query }, req, res) => {
      res.json(await listWriteBacks(callerOf(req, res), query));
    },
  );

  return router;
}

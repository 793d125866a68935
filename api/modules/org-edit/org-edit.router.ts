import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler } from 'express';
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
import { accessOf } from '../../auth/authorize';
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

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/org/departments',
      permission: 'system.org.department-edit',
      summary: 'Add a sub-department (R-7.1.1-05); written back to WeCom',
      request: { body: departmentCreateSchema },
      responses: {
        202: { description: ACCEPTED, schema: departmentEditedSchema },
        400: { description: 'Name or level rule broken' },
        409: { description: 'A sibling has this name' },
        ...READ_ONLY,
      },
    },
    async ({ body }, _req, res) => {
      res.status(202).json(await createDepartment(deps, sessionOf(res), body));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'patch',
      path: '/api/org/departments/:deptId',
      permission: 'system.org.department-edit',
      summary: 'Rename a department (R-7.1.1-04)',
      request: { params: departmentParamsSchema, body: departmentRenameSchema },
      responses: {
        202: { description: ACCEPTED, schema: departmentEditedSchema },
        409: { description: 'A sibling has this name' },
        ...READ_ONLY,
      },
    },
    async ({ params, body }, _req, res) => {
      res.status(202).json(await renameDepartment(deps, sessionOf(res), params.deptId, body.name));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/org/departments/:deptId/position',
      permission: 'system.org.department-edit',
      summary: 'Move a department with its subtree: reorder among siblings or re-parent (R-7.1.1-06/07)',
      request: { params: departmentParamsSchema, body: departmentMoveSchema },
      responses: {
        202: { description: ACCEPTED, schema: departmentEditedSchema },
        400: { description: 'More than 5 levels, or under itself' },
        ...READ_ONLY,
      },
    },
    async ({ params, body }, _req, res) => {
      res.status(202).json(await moveDepartment(deps, sessionOf(res), params.deptId, body));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'delete',
      path: '/api/org/departments/:deptId',
      permission: 'system.org.department-edit',
      summary: 'Delete an empty department (R-7.1.1-09)',
      request: { params: departmentParamsSchema },
      responses: {
        202: { description: ACCEPTED },
        409: { description: '该部门下还有数据存在，请先清除数据再删除' },
        ...READ_ONLY,
      },
    },
    async ({ params }, _req, res) => {
      await deleteDepartment(deps, sessionOf(res), params.deptId);
      res.status(202).json({ message: ACCEPTED });
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

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/org/staff',
      permission: 'system.org.staff-create',
      summary: '新建员工 (R-7.1.3); starts 关闭系统; written back to WeCom',
      request: { body: staffCreateSchema },
      responses: {
        202: { description: ACCEPTED, schema: staffDetailSchema },
        409: { description: '帐号、手机号或邮箱已存在' },
        ...READ_ONLY,
      },
    },
    async ({ body }, _req, res) => {
      res.status(202).json(await createStaff(deps, sessionOf(res), accessOf(res), body));
    },
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

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'patch',
      path: '/api/org/staff/:userid',
      permission: 'system.org.staff-edit',
      summary: '编辑员工 (I-100: 帐号 cannot change)',
      request: { params: staffParamsSchema, body: staffUpdateSchema },
      responses: {
        202: { description: ACCEPTED, schema: staffDetailSchema },
        409: { description: '手机号或邮箱已存在' },
        ...READ_ONLY,
      },
    },
    async ({ params, body }, _req, res) => {
      await assertStaffInScope(res, params.userid);
      res.status(202).json(await updateStaff(deps, sessionOf(res), accessOf(res), params.userid, body));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'delete',
      path: '/api/org/staff/:userid',
      permission: 'system.org.staff-delete',
      summary: '删除员工 (R-7.1.2-06): frees the seat; the record stays as history',
      request: { params: staffParamsSchema },
      responses: { 202: { description: ACCEPTED }, ...READ_ONLY },
    },
    async ({ params }, _req, res) => {
      await assertStaffInScope(res, params.userid);
      await deleteStaff(deps, sessionOf(res), params.userid);
      res.status(202).json({ message: ACCEPTED });
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

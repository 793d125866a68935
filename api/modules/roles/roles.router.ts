import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler } from 'express';
import { PERMISSION_TREE } from '../../../lib/access/permission-catalogue';
import {
  permissionTreeSchema,
  roleInputSchema,
  roleListQuerySchema,
  rolePageSchema,
  roleParamsSchema,
  roleSchema,
} from '../../../lib/contracts/role.contract';
import { accessOf } from '../../auth/authorize';
import { sessionOf } from '../../auth/session';
import { defineRoute } from '../../http/define-route';
import { recordAudit } from '../audit/record-audit';
import { auditedRole, createRole, deleteRole, listRoles, updateRole } from './roles.use-case';

/** 权限管理: roles with their 功能权限 and 数据权限. */
export function createRolesRouter(registry: OpenAPIRegistry, authenticate: RequestHandler): Router {
  const router = Router();
  const common = { tags: ['roles'], authenticated: true as const, guards: [authenticate] };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/roles',
      summary: 'Roles with 员工数 and 创建人 (built-in first); also the choices of 设置角色 in 组织架构',
      permission: ['system.roles', 'system.org.staff-role'],
      request: { query: roleListQuerySchema },
      responses: { 200: { description: 'A page of roles', schema: rolePageSchema } },
    },
    async ({ query }, _req, res) => {
      res.json(await listRoles(sessionOf(res).tenantId, query.page, query.pageSize));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/roles/permission-tree',
      summary: '功能权限: the tree of modules, menus and buttons a role can be given',
      permission: 'system.roles',
      responses: { 200: { description: 'The permission tree', schema: permissionTreeSchema } },
    },
    async (_input, _req, res) => {
      res.json({ items: PERMISSION_TREE });
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/roles',
      summary: '新建角色 (name unique, at most 30 characters)',
      permission: 'system.roles.create',
      request: { body: roleInputSchema },
      responses: {
        201: { description: 'Created', schema: roleSchema.pick({ id: true, name: true }) },
        409: { description: '角色名称已存在' },
      },
    },
    async ({ body }, req, res) => {
      const session = sessionOf(res);
      const role = await createRole({ ...accessOf(res), tenantId: session.tenantId }, body);
      await recordAudit({
        tenantId: session.tenantId,
        actorStaffId: session.staffId,
        action: 'role.create',
        target: { type: 'role', id: String(role._id), name: role.name },
        after: auditedRole(role),
        ip: req.ip,
      });
      res.status(201).json({ id: String(role._id), name: role.name });
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/roles/:roleId',
      summary: '编辑角色 (takes effect for its staff at once; 超级管理员 cannot be edited)',
      permission: 'system.roles.edit',
      request: { params: roleParamsSchema, body: roleInputSchema },
      responses: { 204: { description: 'Saved' }, 409: { description: '角色名称已存在' } },
    },
    async ({ params, body }, req, res) => {
      const session = sessionOf(res);
      const { before, after } = await updateRole(
        { ...accessOf(res), tenantId: session.tenantId },
        params.roleId,
        body,
      );
      await recordAudit({
        tenantId: session.tenantId,
        actorStaffId: session.staffId,
        action: 'role.update',
        target: { type: 'role', id: params.roleId, name: after.name },
        before: auditedRole(before),
        after: auditedRole(after),
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
      method: 'delete',
      path: '/api/roles/:roleId',
      summary: '删除角色 (not built-in roles, not while staff hold it)',
      permission: 'system.roles.delete',
      request: { params: roleParamsSchema },
      responses: {
        204: { description: 'Deleted' },
        409: { description: '该角色下还有员工，请先调整员工角色后再删除' },
      },
    },
    async ({ params }, req, res) => {
      const session = sessionOf(res);
      const role = await deleteRole(session.tenantId, params.roleId);
      await recordAudit({
        tenantId: session.tenantId,
        actorStaffId: session.staffId,
        action: 'role.delete',
        target: { type: 'role', id: params.roleId, name: role.name },
        before: auditedRole(role),
        ip: req.ip,
      });
      res.status(204).end();
    },
  );

  return router;
}

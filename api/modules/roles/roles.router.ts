import { Router } from 'express';
import { PERMISSION_TREE } from '../../../lib/access/permission-catalogue';
import {
  permissionTreeSchema,
  roleInputSchema,
  roleListQuerySchema,
  rolePageSchema,
  roleParamsSchema,
  roleSchema,
} from '../../../lib/contracts/role.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { createRole, deleteRole, listRoles, updateRole } from './roles.use-case';

/** 权限管理: roles with their 功能权限 and 数据权限. */
export function createRolesRouter({ registry, authenticate }: AppContext): Router {
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
    async ({ query }, req, res) => {
      res.json(await listRoles(callerOf(req, res), query));
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
      res.status(201).json(await createRole(callerOf(req, res), body));
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
      await updateRole(callerOf(req, res), { ...body, ...params });
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
      await deleteRole(callerOf(req, res), params);
      res.status(204).end();
    },
  );

  return router;
}

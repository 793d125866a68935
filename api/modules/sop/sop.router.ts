import { Router } from 'express';
import { paginationQuerySchema, z } from '../../../lib/contracts/common.contract';
import {
  sopCalendarInputSchema,
  sopCalendarSchema,
  sopDetailQuerySchema,
  sopMediaParamsSchema,
  sopMediaSchema,
  sopPlanInputSchema,
  sopPlanListQuerySchema,
  sopPlanPageSchema,
  sopPlanParamsSchema,
  sopPlanRowSchema,
  sopPlanSchema,
  sopPlanStatsSchema,
  sopReachInputSchema,
  sopReachSchema,
  sopReceiptPageSchema,
  sopStaffPageSchema,
  sopStatsQuerySchema,
  sopSwitchSchema,
  sopTodoDetailSchema,
  sopTodoListQuerySchema,
  sopTodoPageSchema,
  sopTodoParamsSchema,
  sopTodoTargetPageSchema,
  SOP_ON_DELETE_REFUSED,
  SOP_ON_EDIT_REFUSED,
} from '../../../lib/contracts/sop.contract';
import { sopMedia } from '../../../lib/sop/sop-media-store';
import type { AppContext } from '../../app-context';
import { ANY_LOGGED_IN_USER } from '../../auth/authorize';
import { callerOf } from '../../auth/caller';
import { notFound } from '../../http/app-error';
import { defineRoute } from '../../http/define-route';
import { sopPlanStats, sopReceiptRows, sopStaffRows } from './sop-detail.use-case';
import { SOP_IMAGE_RULE, SOP_VIDEO_RULE, uploadSopMedia } from './sop-media-upload';
import {
  countSopReach,
  createSopPlan,
  deleteSopPlan,
  draftPlanCalendar,
  listSopPlans,
  savedPlanCalendar,
  sopPlanDetail,
  switchSopPlan,
  updateSopPlan,
} from './sop-plans.use-case';
import { completeOwnSopTodo, listSopTodos, sopTodoDetail, sopTodoTargets } from './sop-todos.use-case';

const MENU = 'operation.sop';

/**
 * 客户运营 → SOP (R-8.1, R-8.2): plans (list, 新建, 编辑, the switch, 删除), 实时计算, the dry run, media uploads
 * and 计划详情's data; and the member's H5 待办 (R-8.3), their own to-dos only. Every save hands the plan to
 * its workflow, which owns the schedule.
 */
export function createSopRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  const common = { tags: ['sop'], authenticated: true as const, guards: [authenticate] };
  const plan = { 200: { description: 'The plan as saved', schema: sopPlanSchema } };
  const editing = [`${MENU}.create`, `${MENU}.edit`];

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/sop/plans',
      permission: MENU,
      summary:
        'SOP计划 list: 搜索关键词 (fuzzy on 计划名称), newest first, creators in the caller’s 数据权限',
      request: { query: sopPlanListQuerySchema },
      responses: { 200: { description: 'A page of plans', schema: sopPlanPageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await listSopPlans(callerOf(req, res), query, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/sop/plans',
      permission: `${MENU}.create`,
      summary: '新建SOP计划: saved switched on (生效时间 now); task ids are given here',
      request: { body: sopPlanInputSchema },
      responses: { 201: { description: 'Saved', schema: sopPlanSchema } },
    },
    async ({ body }, req, res) => {
      res.status(201).json(await createSopPlan(callerOf(req, res), body, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/sop/plans/:planId',
      permission: MENU,
      summary: 'A plan as saved (编辑, 详情)',
      request: { params: sopPlanParamsSchema },
      responses: plan,
    },
    async ({ params }, req, res) => {
      res.json(await sopPlanDetail(callerOf(req, res), params));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/sop/plans/:planId',
      permission: `${MENU}.edit`,
      summary:
        '编辑SOP计划 (I-115): while on, only new tasks may be added; while off anything, a changed task getting a new id',
      request: { params: sopPlanParamsSchema, body: sopPlanInputSchema },
      responses: { ...plan, 409: { description: SOP_ON_EDIT_REFUSED } },
    },
    async ({ params, body }, req, res) => {
      res.json(await updateSopPlan(callerOf(req, res), { ...body, ...params }, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/sop/plans/:planId/switch',
      permission: `${MENU}.edit`,
      summary: 'The switch (R-8.2-03, I-114): off cancels unsent reminders, on schedules future ones only',
      request: { params: sopPlanParamsSchema, body: sopSwitchSchema },
      responses: { 200: { description: 'The list row', schema: sopPlanRowSchema } },
    },
    async ({ params, body }, req, res) => {
      res.json(await switchSopPlan(callerOf(req, res), { ...params, ...body }, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'delete',
      path: '/api/sop/plans/:planId',
      permission: `${MENU}.delete`,
      summary: '删除 a plan that is off (R-8.2-05)',
      request: { params: sopPlanParamsSchema },
      responses: { 204: { description: 'Deleted' }, 409: { description: SOP_ON_DELETE_REFUSED } },
    },
    async ({ params }, req, res) => {
      await deleteSopPlan(callerOf(req, res), params, app);
      res.status(204).end();
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/sop/reach',
      permission: editing,
      summary: '实时计算 (R-8.1-04): 预计当前可触达人数 of a 执行范围, in the caller’s 数据权限',
      request: { body: sopReachInputSchema },
      responses: { 200: { description: 'How many', schema: sopReachSchema } },
    },
    async ({ body }, req, res) => {
      res.json(await countSopReach(callerOf(req, res), body, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/sop/plans/:planId/calendar',
      permission: MENU,
      summary:
        'The dry run: the audience now and the next 7 days’ reminders per task, staff member and hour, if switched on now',
      request: { params: sopPlanParamsSchema },
      responses: { 200: { description: 'The calendar', schema: sopCalendarSchema } },
    },
    async ({ params }, req, res) => {
      res.json(await savedPlanCalendar(callerOf(req, res), params, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/sop/calendar',
      permission: editing,
      summary: 'The dry run of a plan being edited (not saved yet)',
      request: { body: sopCalendarInputSchema },
      responses: { 200: { description: 'The calendar', schema: sopCalendarSchema } },
    },
    async ({ body }, req, res) => {
      res.json(await draftPlanCalendar(callerOf(req, res), body, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/sop/media',
      permission: editing,
      summary: 'Uploads a content’s image (jpg/png ≤ 2 MB) or video (mp4 ≤ 10 MB), multipart field `file`',
      request: {
        body: z
          .object({ file: z.string().optional().openapi({ format: 'binary' }) })
          .openapi('SopMediaUpload'),
        bodyContentType: 'multipart/form-data',
      },
      responses: {
        201: { description: 'Stored; name it by fileId in a content', schema: sopMediaSchema },
        400: { description: `${SOP_IMAGE_RULE} / ${SOP_VIDEO_RULE}` },
        413: { description: `${SOP_IMAGE_RULE} / ${SOP_VIDEO_RULE}` },
      },
    },
    async (_input, req, res) => {
      res.status(201).json(await uploadSopMedia(callerOf(req, res), req, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/sop/plans/:planId/stats',
      permission: MENU,
      summary: '计划详情’s cards (R-8.2-06, I-116), of the plan or of one task node',
      request: { params: sopPlanParamsSchema, query: sopStatsQuerySchema },
      responses: { 200: { description: 'The figures', schema: sopPlanStatsSchema } },
    },
    async ({ params, query }, req, res) => {
      res.json(await sopPlanStats(callerOf(req, res), { ...params, ...query }));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/sop/plans/:planId/staff-rows',
      permission: MENU,
      summary: '员工执行明细 of a task node (I-116), newest first, optionally one staff member’s',
      request: { params: sopPlanParamsSchema, query: sopDetailQuerySchema },
      responses: { 200: { description: 'A page of to-dos', schema: sopStaffPageSchema } },
    },
    async ({ params, query }, req, res) => {
      res.json(await sopStaffRows(callerOf(req, res), { ...query, ...params }));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/sop/plans/:planId/receipt-rows',
      permission: MENU,
      summary: '客户接收明细 of a task node (R-8.2-09), newest first, optionally one 发送员工’s',
      request: { params: sopPlanParamsSchema, query: sopDetailQuerySchema },
      responses: { 200: { description: 'A page of members', schema: sopReceiptPageSchema } },
    },
    async ({ params, query }, req, res) => {
      res.json(await sopReceiptRows(callerOf(req, res), { ...query, ...params }, app));
    },
  );

  const h5 = { ...common, tags: ['h5', 'sop'], permission: ANY_LOGGED_IN_USER };

  defineRoute(
    registry,
    router,
    {
      ...h5,
      method: 'get',
      path: '/api/h5/sop-todos',
      summary: 'The member’s 待办 (R-8.3-02): 未完成 / 已完成, newest first',
      request: { query: sopTodoListQuerySchema },
      responses: { 200: { description: 'A page of to-dos', schema: sopTodoPageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await listSopTodos(callerOf(req, res), query));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...h5,
      method: 'get',
      path: '/api/h5/sop-todos/:todoId',
      summary: '任务详情 (R-8.3-03): the task as it fired, files by URL',
      request: { params: sopTodoParamsSchema },
      responses: { 200: { description: 'The to-do', schema: sopTodoDetailSchema } },
    },
    async ({ params }, req, res) => {
      res.json(await sopTodoDetail(callerOf(req, res), params, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...h5,
      method: 'get',
      path: '/api/h5/sop-todos/:todoId/targets',
      summary: '目标客户 / 目标群 (R-8.3-04, I-118); none for 朋友圈',
      request: { params: sopTodoParamsSchema, query: paginationQuerySchema },
      responses: { 200: { description: 'A page of members', schema: sopTodoTargetPageSchema } },
    },
    async ({ params, query }, req, res) => {
      res.json(await sopTodoTargets(callerOf(req, res), { ...params, ...query }));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...h5,
      method: 'post',
      path: '/api/h5/sop-todos/:todoId/complete',
      summary: '我已完成 (R-8.3-05): every target becomes 已接收; pressing again changes nothing',
      request: { params: sopTodoParamsSchema },
      responses: { 200: { description: 'The to-do, done', schema: sopTodoDetailSchema } },
    },
    async ({ params }, req, res) => {
      res.json(await completeOwnSopTodo(callerOf(req, res), params, app));
    },
  );

  return router;
}

/**
 * SOP images and videos by tenant and file id, without a session: the member's H5 (in the WeCom client) and
 * the admin's preview load them. A file is found only under its own tenant.
 */
export function createSopMediaPublicRouter({ registry }: AppContext): Router {
  const router = Router();
  defineRoute(
    registry,
    router,
    {
      method: 'get',
      path: '/api/public/sop-media/:tenantId/:fileId',
      tags: ['sop'],
      authenticated: false,
      summary: 'An SOP content’s image or video',
      request: { params: sopMediaParamsSchema },
      responses: {
        200: { description: 'The file', contentType: 'application/octet-stream' },
        404: { description: 'Unknown' },
      },
    },
    async ({ params }, _req, res) => {
      const opened = await sopMedia.open(params.tenantId, params.fileId);
      if (!opened) throw notFound('文件不存在', 'SOP_MEDIA_NOT_FOUND');
      res.setHeader('content-type', opened.file.contentType);
      res.setHeader('content-length', String(opened.file.size));
      opened.stream.on('error', (error) => res.destroy(error));
      opened.stream.pipe(res);
    },
  );
  return router;
}

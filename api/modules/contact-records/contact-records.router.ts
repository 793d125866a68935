import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler } from 'express';
import {
  attachmentParamsSchema,
  colleaguePageSchema,
  colleagueQuerySchema,
  contactRecordAttachmentSchema,
  contactRecordListQuerySchema,
  contactRecordPageSchema,
  contactRecordParamsSchema,
  contactRecordSchema,
  createContactRecordSchema,
  customerRecordsParamsSchema,
  uploadAttachmentBodySchema,
} from '../../../lib/contracts/contact-record.contract';
import { openAttachment } from '../../../lib/contact-records/attachment-store';
import { accessOf } from '../../auth/authorize';
import { sessionOf } from '../../auth/session';
import { notFound } from '../../http/app-error';
import { defineRoute } from '../../http/define-route';
import { recordAudit } from '../audit/record-audit';
import { receiveAttachment } from './attachment-upload';
import {
  createContactRecord,
  deleteContactRecord,
  listColleagues,
  listContactRecords,
  type ReminderTemporal,
} from './contact-records.use-case';
import { visibleCustomer } from './visible-customer';

const VIEW = 'customer.customers';
const WRITE = 'customer.customers.contact-record';

/** 联系记录 and 提醒事项 of a customer, for the admin's 客户详情 and the H5 sidebar alike. */
export function createContactRecordsRouter(
  registry: OpenAPIRegistry,
  temporal: ReminderTemporal,
  authenticate: RequestHandler,
): Router {
  const router = Router();
  const common = { tags: ['contact-records'], authenticated: true as const, guards: [authenticate] };
  const callerOf = (res: Parameters<typeof sessionOf>[0]) => {
    const session = sessionOf(res);
    return { tenantId: session.tenantId, staffId: session.staffId, userid: session.userid };
  };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/customers/:externalUserid/contact-records',
      summary: '联系记录 timeline of a customer in the caller’s data scope, newest first',
      permission: [VIEW, WRITE],
      request: { params: customerRecordsParamsSchema, query: contactRecordListQuerySchema },
      responses: { 200: { description: 'A page of records', schema: contactRecordPageSchema } },
    },
    async ({ params, query }, _req, res) => {
      const caller = callerOf(res);
      await visibleCustomer(caller.tenantId, accessOf(res), params.externalUserid);
      res.json(await listContactRecords(caller, params.externalUserid, query));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/contact-record-attachments',
      summary: 'Uploads one attachment (multipart field `file`, any type, ≤ 20 MB) for a record to come',
      permission: WRITE,
      request: {
        body: uploadAttachmentBodySchema,
        bodyContentType: 'multipart/form-data',
      },
      responses: {
        201: {
          description: 'Stored; pass its fileId in attachmentIds',
          schema: contactRecordAttachmentSchema,
        },
        413: { description: '单个附件不能超过20M' },
      },
    },
    async (_input, req, res) => {
      const caller = callerOf(res);
      const file = await receiveAttachment(req, caller);
      const { fileId, name, size, contentType } = file;
      res.status(201).json({ fileId, name, size, contentType });
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/customers/:externalUserid/contact-records',
      summary: '发送: a 联系记录 (text, attachments) or 提醒事项 (@colleagues, 定时提醒)',
      permission: WRITE,
      request: { params: customerRecordsParamsSchema, body: createContactRecordSchema },
      responses: { 201: { description: 'Created', schema: contactRecordSchema } },
    },
    async ({ params, body }, _req, res) => {
      const caller = callerOf(res);
      await visibleCustomer(caller.tenantId, accessOf(res), params.externalUserid);
      res.status(201).json(await createContactRecord(caller, params.externalUserid, body, temporal));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/customers/:externalUserid/contact-records/:recordId/attachments/:fileId',
      summary: 'Downloads an attachment of a record (streamed)',
      permission: [VIEW, WRITE],
      request: { params: contactRecordParamsSchema.merge(attachmentParamsSchema) },
      responses: { 200: { description: 'The file', contentType: 'application/octet-stream' } },
    },
    async ({ params }, _req, res) => {
      const caller = callerOf(res);
      await visibleCustomer(caller.tenantId, accessOf(res), params.externalUserid);
      const opened = await openAttachment(caller.tenantId, params.recordId, params.fileId);
      if (!opened) throw notFound('附件不存在', 'ATTACHMENT_NOT_FOUND');
      res.setHeader('content-type', opened.file.contentType);
      res.setHeader('content-length', String(opened.file.size));
      res.attachment(opened.file.name);
      opened.stream.on('error', (error) => res.destroy(error));
      opened.stream.pipe(res);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'delete',
      path: '/api/customers/:externalUserid/contact-records/:recordId',
      summary: 'Deletes one’s own record (I-50); cancels its pending reminder',
      permission: WRITE,
      request: { params: contactRecordParamsSchema },
      responses: { 204: { description: 'Deleted' } },
    },
    async ({ params }, req, res) => {
      const caller = callerOf(res);
      const customer = await visibleCustomer(caller.tenantId, accessOf(res), params.externalUserid);
      const deleted = await deleteContactRecord(caller, params.externalUserid, params.recordId, temporal);
      await recordAudit({
        tenantId: caller.tenantId,
        actorStaffId: caller.staffId,
        action: 'contact-record.delete',
        target: { type: 'contact-record', id: params.recordId, name: customer.name || params.externalUserid },
        before: deleted,
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
      method: 'get',
      path: '/api/contact-record-colleagues',
      summary: '@同事 picker: colleagues by name',
      permission: WRITE,
      request: { query: colleagueQuerySchema },
      responses: { 200: { description: 'A page of colleagues', schema: colleaguePageSchema } },
    },
    async ({ query }, _req, res) => {
      res.json(await listColleagues(callerOf(res).tenantId, query));
    },
  );

  return router;
}

import { Router } from 'express';
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
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { receiveAttachment } from './attachment-upload';
import {
  createContactRecord,
  deleteContactRecord,
  listColleagues,
  listContactRecords,
  openRecordAttachment,
} from './contact-records.use-case';

const VIEW = 'customer.customers';
const WRITE = 'customer.customers.contact-record';

/** 联系记录 and 提醒事项 of a customer, for the admin's 客户详情 and the H5 sidebar alike. */
export function createContactRecordsRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  const common = { tags: ['contact-records'], authenticated: true as const, guards: [authenticate] };

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
    async ({ params, query }, req, res) => {
      res.json(await listContactRecords(callerOf(req, res), { ...query, ...params }));
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
      const file = await receiveAttachment(req, callerOf(req, res));
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
    async ({ params, body }, req, res) => {
      res.status(201).json(await createContactRecord(callerOf(req, res), { ...body, ...params }, app));
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
    async ({ params }, req, res) => {
      const opened = await openRecordAttachment(callerOf(req, res), params);
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
      await deleteContactRecord(callerOf(req, res), params, app);
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
    async ({ query }, req, res) => {
      res.json(await listColleagues(callerOf(req, res), query));
    },
  );

  return router;
}

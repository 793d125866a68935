import { WorkflowNotFoundError } from '@temporalio/client';
import type { ContactRecordView, CreateContactRecord } from '../../../lib/contracts/contact-record.contract';
import {
  claimAttachments,
  deleteAttachments,
  findAttachments,
  openAttachment,
} from '../../../lib/contact-records/attachment-store';
import { undeliveredView } from '../../../lib/app-messages/undelivered-recipients';
import { staffNamesByUserid } from '../../../lib/org/staff-names';
import { ContactRecordModel, type ContactRecord } from '../../../lib/models/contact-record.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { entitySearchAttributes } from '../../../lib/temporal/search-attributes';
import { contactReminderWorkflowId } from '../../../lib/temporal/workflow-ids';
import { badRequest, forbidden, notFound } from '../../http/app-error';
import { startWorkflow } from '../../../lib/temporal/typed-workflows';
import { cancelReminderSignal } from '../../../workflows/contact-reminder.contract';
import type { AppContext, TemporalDeps } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { recordAudit } from '../audit/record-audit';
import { visibleCustomer } from './visible-customer';

type CustomerRef = { externalUserid: string };

/** The timeline (R-3.1.3-05): a customer's records, newest first, a page at a time. */
export async function listContactRecords(
  caller: Caller,
  { externalUserid, ...page }: CustomerRef & { page: number; pageSize: number },
) {
  await visibleCustomer(caller, externalUserid);
  const filter = { tenantId: caller.tenantId, externalUserid, deletedAt: { $exists: false } };
  const [rows, total] = await Promise.all([
    ContactRecordModel.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip((page.page - 1) * page.pageSize)
      .limit(page.pageSize)
      .lean(),
    ContactRecordModel.countDocuments(filter),
  ]);
  const mentioned = [...new Set(rows.flatMap((row) => row.mentionUserids))];
  const [names, undeliveredTo] = await Promise.all([
    staffNamesByUserid(caller.tenantId, mentioned),
    staffNamesByUserid(
      caller.tenantId,
      // Records written before delivery results were kept have no `undelivered` (lean reads apply no defaults).
      rows.flatMap((row) => (row.undelivered ?? []).map((recipient) => recipient.userid)),
    ),
  ]);
  return {
    items: rows.map((row) => recordView(row, caller, names, undeliveredTo)),
    total,
    ...page,
  };
}

/**
 * 发送 (R-3.1.3-01): stores the record with the attachments the caller uploaded, then, for a 提醒事项,
 * starts its reminder workflow (mentions at once, the 定时提醒 at its minute).
 */
export async function createContactRecord(
  caller: Caller,
  { externalUserid, ...input }: CreateContactRecord & CustomerRef,
  { temporal }: Pick<AppContext, 'temporal'>,
  now = new Date(),
): Promise<ContactRecordView> {
  await visibleCustomer(caller, externalUserid);
  const remindAt = input.remindAt ? new Date(input.remindAt) : undefined;
  if (remindAt && remindAt.getTime() <= now.getTime())
    throw badRequest('提醒时间须晚于当前时间', 'REMIND_AT_PAST');

  const attachmentIds = [...new Set(input.attachmentIds)];
  const files = await findAttachments(caller.tenantId, attachmentIds);
  const usable = files.filter(
    (file) => file.metadata.uploadedBy === caller.staffId && !file.metadata.recordId,
  );
  if (usable.length !== attachmentIds.length)
    throw badRequest('附件不存在或已被使用，请重新上传', 'ATTACHMENT_NOT_FOUND');

  const mentionUserids = [...new Set(input.mentionUserids)];
  const names = await staffNamesByUserid(caller.tenantId, mentionUserids);
  const unknown = mentionUserids.filter((userid) => !names.has(userid));
  if (unknown.length > 0) throw badRequest(`@的同事不存在：${unknown.join('、')}`, 'MENTION_NOT_FOUND');

  const creator = await StaffModel.findOne(
    { tenantId: caller.tenantId, _id: caller.staffId },
    { name: 1 },
  ).lean();
  const record = await ContactRecordModel.create({
    tenantId: caller.tenantId,
    externalUserid,
    kind: input.kind,
    text: input.text,
    attachments: usable.map(({ fileId, name, size, contentType }) => ({ fileId, name, size, contentType })),
    mentionUserids,
    remindAt,
    creator: { staffId: caller.staffId, userid: caller.userid, name: creator?.name ?? caller.userid },
  });
  const recordId = String(record._id);
  await claimAttachments(caller.tenantId, attachmentIds, recordId);

  if (input.kind === 'reminder') {
    await startWorkflow(temporal.client.workflow, 'contactReminderWorkflow', {
      workflowId: contactReminderWorkflowId(caller.tenantId, recordId),
      taskQueue: temporal.taskQueue,
      args: [
        {
          tenantId: caller.tenantId,
          recordId,
          notifyMentions: mentionUserids.length > 0,
          ...(remindAt ? { remindAt: remindAt.getTime() } : {}),
        },
      ],
      typedSearchAttributes: entitySearchAttributes(caller.tenantId, 'contact-reminder', recordId),
    });
  }
  return recordView(record.toObject(), caller, names, new Map());
}

/** Downloads an attachment of a record on a customer inside the caller's 数据权限. */
export async function openRecordAttachment(
  caller: Caller,
  { externalUserid, recordId, fileId }: CustomerRef & { recordId: string; fileId: string },
) {
  await visibleCustomer(caller, externalUserid);
  const opened = await openAttachment(caller.tenantId, recordId, fileId);
  if (!opened) throw notFound('附件不存在', 'ATTACHMENT_NOT_FOUND');
  return opened;
}

/** Only the creator deletes a record (I-50); its pending reminder is cancelled and its files removed. */
export async function deleteContactRecord(
  caller: Caller,
  { externalUserid, recordId }: CustomerRef & { recordId: string },
  { temporal }: Pick<AppContext, 'temporal'>,
): Promise<void> {
  const customer = await visibleCustomer(caller, externalUserid);
  const record = await ContactRecordModel.findOne({
    tenantId: caller.tenantId,
    _id: recordId,
    externalUserid,
    deletedAt: { $exists: false },
  }).lean();
  if (!record) throw notFound('联系记录不存在', 'CONTACT_RECORD_NOT_FOUND');
  if (record.creator.staffId !== caller.staffId) {
    throw forbidden('只能删除自己创建的联系记录', 'NOT_RECORD_CREATOR');
  }
  await ContactRecordModel.updateOne(
    { tenantId: caller.tenantId, _id: recordId },
    { $set: { deletedAt: new Date() } },
  );
  if (record.kind === 'reminder') await cancelReminder(temporal, caller.tenantId, recordId);
  await deleteAttachments(
    caller.tenantId,
    record.attachments.map((file) => file.fileId),
  );
  await recordAudit(caller, {
    action: 'contact-record.delete',
    target: { type: 'contact-record', id: recordId, name: customer.name || externalUserid },
    before: { kind: record.kind, text: record.text, remindAt: record.remindAt?.toISOString() ?? null },
  });
}

async function cancelReminder(temporal: TemporalDeps, tenantId: string, recordId: string): Promise<void> {
  try {
    await temporal.client.workflow
      .getHandle(contactReminderWorkflowId(tenantId, recordId))
      .signal(cancelReminderSignal);
  } catch (error) {
    // Already finished (sent, or nothing left to send): nothing to cancel.
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
}

function recordView(
  row: ContactRecord & { _id: unknown; createdAt?: Date },
  caller: Caller,
  names: Map<string, string>,
  undeliveredTo: Map<string, string>,
): ContactRecordView {
  return {
    id: String(row._id),
    externalUserid: row.externalUserid,
    kind: row.kind as 'record' | 'reminder',
    text: row.text,
    attachments: row.attachments.map(({ fileId, name, size, contentType }) => ({
      fileId,
      name,
      size,
      contentType,
    })),
    mentions: row.mentionUserids.map((userid) => ({ userid, name: names.get(userid) ?? userid })),
    remindAt: row.remindAt ? row.remindAt.toISOString() : null,
    creator: { userid: row.creator.userid, name: row.creator.name },
    undelivered: undeliveredView(row.undelivered, undeliveredTo),
    createdAt: (row.createdAt ?? new Date()).toISOString(),
    mine: row.creator.staffId === caller.staffId,
  };
}

/** Colleagues to @ (every staff member still in the corp), by name, a page at a time. */
export async function listColleagues(
  { tenantId }: Caller,
  query: { keyword?: string; page: number; pageSize: number },
) {
  const filter: Record<string, unknown> = { tenantId, deletedAt: { $exists: false } };
  if (query.keyword) filter.name = new RegExp(query.keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  const [rows, total] = await Promise.all([
    StaffModel.find(filter, { userid: 1, name: 1, avatar: 1 })
      .sort({ name: 1, userid: 1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean(),
    StaffModel.countDocuments(filter),
  ]);
  return {
    items: rows.map((row) => ({ userid: row.userid, name: row.name, avatar: row.avatar ?? '' })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

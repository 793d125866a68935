import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { Types } from 'mongoose';
import {
  sendAtProblem,
  type AudiencePreview,
  type MassSendAudience,
  type MassSendDetail,
  type MassSendInput,
  type MassSendListQuery,
  type MassSendResultQuery,
  type MassSendRow,
  type MassSendTiming,
} from '../../../lib/contracts/mass-send.contract';
import { countAudience, previewAudience } from '../../../lib/mass-send/audience';
import { MassSendModel, type MassSend } from '../../../lib/models/mass-send.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { staffNamesByUserid } from '../../../lib/org/staff-names';
import { writeListRows } from '../../../lib/search/list-read-model';
import {
  massSendReadModel,
  recipientProgressBySender,
  searchMassSendRecipients,
  searchMassSendRows,
  type StoredMassSendRow,
} from '../../../lib/search/mass-send-index';
import { trackedEntitySearchAttributes } from '../../../lib/temporal/search-attributes';
import { startWorkflow } from '../../../lib/temporal/typed-workflows';
import { massSendWorkflowId } from '../../../lib/temporal/workflow-ids';
import {
  cancelMassSendSignal,
  editMassSendUpdate,
  MASS_SEND_ALREADY_SENT,
  refreshMassSendResultsSignal,
  remindMassSendUpdate,
} from '../../../workflows/mass-send.contract';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { badRequest, conflict, notFound, unavailable } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';

type Deps = Pick<AppContext, 'listSearch' | 'temporal' | 'log'>;

const NOT_FOUND = () => notFound('群发不存在或已删除', 'MASS_SEND_NOT_FOUND');

/**
 * Writes a send and its list row; `wait_for`: the list the operator returns to (it reloads at once) shows the
 * change.
 */
function writeSendRow<T>(
  caller: Caller,
  sendId: string,
  deps: Pick<Deps, 'listSearch'>,
  write: () => Promise<T>,
): Promise<T> {
  return writeListRows(deps.listSearch, massSendReadModel, caller.tenantId, [sendId], write, {
    refresh: 'wait_for',
  });
}

/** A member sees the sends they created; with 全部 数据权限, everyone's (issue 14, R-3.3.1). */
async function seesAll(caller: Caller): Promise<boolean> {
  return (await caller.scope()).all;
}

/** The send, if the caller may see it (their own, or everyone's with 全部 数据权限); 404 otherwise. */
export async function visibleSend(caller: Caller, sendId: string) {
  const send = await MassSendModel.findOne({
    tenantId: caller.tenantId,
    _id: sendId,
    deletedAt: null,
  }).lean();
  if (!send || (send.creator.userid !== caller.userid && !(await seesAll(caller)))) throw NOT_FOUND();
  return send;
}

/** 群发列表: from the read model, newest first. */
export async function listMassSends(
  caller: Caller,
  query: MassSendListQuery,
  deps: Pick<Deps, 'listSearch'>,
) {
  const { rows, total } = await searchMassSendRows(
    deps.listSearch,
    caller.tenantId,
    { userid: caller.userid, seesAll: await seesAll(caller) },
    query,
  );
  return { items: rows satisfies MassSendRow[], total, page: query.page, pageSize: query.pageSize };
}

/** 查看发送客户列表 (R-3.3.2-05): the live count and who, each with their sender. */
export async function previewMassSendAudience(
  caller: Caller,
  input: { audience: MassSendAudience; page: number; pageSize: number },
  deps: Pick<Deps, 'listSearch'>,
): Promise<AudiencePreview> {
  return previewAudience(deps.listSearch, caller.tenantId, input.audience, await caller.scope(), input);
}

/** 新建: saved as a draft, or submitted (立即发送 / 定时发送), when its workflow takes over. */
export async function createMassSend(caller: Caller, input: MassSendInput, deps: Deps): Promise<MassSendRow> {
  if (!input.draft) await assertSendable(caller, input, deps);
  const sendId = new Types.ObjectId().toHexString();
  const creator = await StaffModel.findOne(
    { tenantId: caller.tenantId, _id: caller.staffId },
    { name: 1 },
  ).lean();
  await writeSendRow(caller, sendId, deps, () =>
    MassSendModel.create({
      _id: sendId,
      tenantId: caller.tenantId,
      kind: input.audience.kind,
      text: input.text,
      audience: input.audience,
      timing: input.timing,
      remindAfterHours: input.remindAfterHours,
      status: input.draft ? 'draft' : 'scheduled',
      sendAt: input.draft ? null : plannedSendAt(input.timing),
      creator: { staffId: caller.staffId, userid: caller.userid, name: creator?.name ?? '' },
    }),
  );
  const row = await submitIfAsked(caller, sendId, input, deps);
  await recordAudit(caller, {
    action: 'mass-send.create',
    target: { type: 'mass-send', id: sendId, name: summary(input.text) },
    after: row,
  });
  return row;
}

/**
 * 编辑: a draft is rewritten (and sent, unless saved as a draft again); a scheduled send is changed by its
 * workflow, which refuses once its timer has fired.
 */
export async function updateMassSend(
  caller: Caller,
  { sendId, ...input }: MassSendInput & { sendId: string },
  deps: Deps,
): Promise<MassSendRow> {
  const send = await visibleSend(caller, sendId);
  const before = rowView(send);
  if (send.status === 'draft') {
    if (!input.draft) await assertSendable(caller, input, deps);
    await writeSendRow(caller, sendId, deps, () =>
      MassSendModel.updateOne(
        { tenantId: caller.tenantId, _id: sendId },
        {
          $set: {
            kind: input.audience.kind,
            text: input.text,
            audience: input.audience,
            timing: input.timing,
            remindAfterHours: input.remindAfterHours,
            ...(input.draft ? {} : { status: 'scheduled', sendAt: plannedSendAt(input.timing) }),
          },
        },
      ),
    );
    await submitIfAsked(caller, sendId, input, deps);
  } else if (send.status === 'scheduled') {
    if (input.draft) throw conflict('待发送的群发不能存为草稿，可先取消', 'MASS_SEND_SCHEDULED');
    await assertSendable(caller, input, deps);
    const edit = {
      audience: input.audience,
      text: input.text,
      timing: input.timing,
      remindAfterHours: input.remindAfterHours,
    };
    try {
      await workflowOf(caller, sendId, deps).executeUpdate(editMassSendUpdate, { args: [edit] });
    } catch (error) {
      throw refusedAsSent(error) ?? error;
    }
  } else {
    throw conflict('群发已发送，无法编辑', MASS_SEND_ALREADY_SENT);
  }
  const after = await rowOf(caller, sendId);
  await recordAudit(caller, {
    action: 'mass-send.update',
    target: { type: 'mass-send', id: sendId, name: summary(input.text) },
    before,
    after,
  });
  return after;
}

/** 删除 (I-61): drafts only; anything that went out keeps its record. */
export async function deleteMassSend(
  caller: Caller,
  { sendId }: { sendId: string },
  deps: Deps,
): Promise<void> {
  const send = await visibleSend(caller, sendId);
  if (send.status !== 'draft') throw conflict('只能删除草稿', 'MASS_SEND_NOT_DRAFT');
  await writeSendRow(caller, sendId, deps, () =>
    MassSendModel.updateOne({ tenantId: caller.tenantId, _id: sendId }, { $set: { deletedAt: new Date() } }),
  );
  await recordAudit(caller, {
    action: 'mass-send.delete',
    target: { type: 'mass-send', id: sendId, name: summary(send.text) },
  });
}

/** 取消: before its time nothing goes out; after it, members who have not sent no longer can. */
export async function cancelMassSend(
  caller: Caller,
  { sendId }: { sendId: string },
  deps: Deps,
): Promise<void> {
  const send = await visibleSend(caller, sendId);
  if (send.status !== 'scheduled' && send.status !== 'sending' && send.status !== 'sent') {
    throw conflict('该群发不能取消', 'MASS_SEND_NOT_CANCELLABLE');
  }
  await workflowOf(caller, sendId, deps).signal(cancelMassSendSignal);
  await recordAudit(caller, {
    action: 'mass-send.cancel',
    target: { type: 'mass-send', id: sendId, name: summary(send.text) },
  });
}

/** 提醒未发送员工 (remind_groupmsg_send): WeCom takes 3 per send in 24 hours. */
export async function remindMassSend(caller: Caller, { sendId }: { sendId: string }, deps: Deps) {
  await visibleSend(caller, sendId);
  try {
    return await workflowOf(caller, sendId, deps).executeUpdate(remindMassSendUpdate);
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError)
      throw conflict(error.cause?.message ?? '提醒失败', 'MASS_SEND_REMIND_REFUSED');
    throw error;
  }
}

/**
 * 刷新 the results: the send's workflow polls WeCom now (at most once a minute). A send no longer tracked
 * (settled, or past its 7 days) has final results: nothing to ask.
 */
export async function refreshMassSendResults(
  caller: Caller,
  { sendId }: { sendId: string },
  deps: Deps,
): Promise<{ refreshing: boolean }> {
  const send = await visibleSend(caller, sendId);
  if (send.status !== 'sent') return { refreshing: false };
  try {
    await workflowOf(caller, sendId, deps).signal(refreshMassSendResultsSignal);
    return { refreshing: true };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return { refreshing: false };
    throw error;
  }
}

/** 群发详情 (R-3.3.3-01): the row, its set-up, and per member how far they got. */
export async function massSendDetail(
  caller: Caller,
  { sendId }: { sendId: string },
  deps: Pick<Deps, 'listSearch'>,
): Promise<MassSendDetail> {
  const send = await visibleSend(caller, sendId);
  const perSender = await recipientProgressBySender(deps.listSearch, caller.tenantId, sendId);
  const names = await staffNamesByUserid(
    caller.tenantId,
    perSender.map((row) => row.senderUserid),
  );
  return {
    ...rowView(send),
    audience: send.audience as MassSendAudience,
    timing: send.timing as MassSendTiming,
    remindAfterHours: send.remindAfterHours ?? 0,
    senders: perSender.map(({ senderUserid, ...progress }) => ({
      sender: { userid: senderUserid, name: names.get(senderUserid) ?? '' },
      ...progress,
    })),
  };
}

/** 发送结果 (R-3.3.3-02): one page of recipients, by outcome and member. */
export async function massSendResults(
  caller: Caller,
  { sendId, ...query }: MassSendResultQuery & { sendId: string },
  deps: Pick<Deps, 'listSearch'>,
) {
  await visibleSend(caller, sendId);
  const { rows, total } = await searchMassSendRecipients(deps.listSearch, caller.tenantId, sendId, query);
  const names = await staffNamesByUserid(
    caller.tenantId,
    rows.map((row) => row.senderUserid),
  );
  return {
    items: rows.map((row) => ({
      sender: { userid: row.senderUserid, name: names.get(row.senderUserid) ?? '' },
      recipient: { id: row.recipientId, name: row.recipientName },
      status: row.status,
      failReason: row.failReason,
      sentAt: row.sentAt,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** I-63 and an audience that reaches someone: what submitting needs. */
async function assertSendable(caller: Caller, input: MassSendInput, deps: Pick<Deps, 'listSearch'>) {
  const problem = sendAtProblem(input.timing, new Date());
  if (problem) throw badRequest(problem, 'MASS_SEND_TOO_SOON');
  const reach = await countAudience(deps.listSearch, caller.tenantId, input.audience, await caller.scope());
  if (reach === 0) {
    throw badRequest(
      input.audience.kind === 'groups' ? '发送范围内没有客户群' : '发送范围内没有客户',
      'MASS_SEND_EMPTY_AUDIENCE',
    );
  }
}

/**
 * Hands a submitted send to its workflow. Temporal being down leaves it a draft (saved, nothing lost) and says
 * so, instead of a 待发送 no workflow would ever send.
 */
async function submitIfAsked(caller: Caller, sendId: string, input: MassSendInput, deps: Deps) {
  if (!input.draft) {
    try {
      await startWorkflow(deps.temporal.client.workflow, 'massSendWorkflow', {
        workflowId: massSendWorkflowId(caller.tenantId, sendId),
        taskQueue: deps.temporal.taskQueue,
        args: [{ tenantId: caller.tenantId, sendId }],
        typedSearchAttributes: trackedEntitySearchAttributes(
          { tenantId: caller.tenantId, type: 'mass-send', id: sendId },
          'scheduled',
          caller.userid,
        ),
      });
    } catch (error) {
      deps.log.error({ err: error, sendId }, 'mass send workflow not started; kept as a draft');
      await writeSendRow(caller, sendId, deps, () =>
        MassSendModel.updateOne(
          { tenantId: caller.tenantId, _id: sendId },
          { $set: { status: 'draft', sendAt: null } },
        ),
      );
      throw unavailable('发送服务暂不可用，已保存为草稿，请稍后再发送', 'MASS_SEND_UNAVAILABLE');
    }
  }
  return rowOf(caller, sendId);
}

function workflowOf(caller: Caller, sendId: string, deps: Pick<Deps, 'temporal'>) {
  return deps.temporal.client.workflow.getHandle(massSendWorkflowId(caller.tenantId, sendId));
}

function refusedAsSent(error: unknown) {
  return error instanceof WorkflowUpdateFailedError
    ? conflict('群发已开始发送，无法编辑', MASS_SEND_ALREADY_SENT)
    : null;
}

const plannedSendAt = (timing: MassSendTiming) =>
  timing.mode === 'scheduled' ? new Date(timing.sendAt) : new Date();

const summary = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

async function rowOf(caller: Caller, sendId: string): Promise<MassSendRow> {
  const send = await MassSendModel.findOne({ tenantId: caller.tenantId, _id: sendId }).lean();
  if (!send) throw NOT_FOUND();
  return rowView(send);
}

/** The list's row of a stored send (the same shape the read model stores). */
function rowView(send: MassSend & { _id: Types.ObjectId | string }): MassSendRow {
  return {
    id: String(send._id),
    kind: send.kind,
    text: send.text,
    status: send.status,
    failReason: send.failReason ?? null,
    sendAt: send.sendAt?.toISOString() ?? null,
    creator: { userid: send.creator.userid ?? '', name: send.creator.name ?? '' },
    updatedAt: (send.updatedAt ?? new Date()).toISOString(),
    progress: send.progress ?? { total: 0, sent: 0, unsent: 0, failed: 0 },
  } as StoredMassSendRow;
}

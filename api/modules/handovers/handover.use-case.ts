import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { Types } from 'mongoose';
import type {
  HandoverDetail,
  HandoverInput,
  ResignedCustomerQuery,
} from '../../../lib/contracts/handover.contract';
import { chinaDayStartSeconds } from '../../../workflows/china-day';
import { refuseIneligibleOnjob } from './onjob-preview';
import { findMatchingAny } from '../../../lib/db/find-matching-any';
import { CustomerGroupModel } from '../../../lib/models/customer-group.model';
import { CustomerModel } from '../../../lib/models/customer.model';
import { HandoverModel, type Handover } from '../../../lib/models/handover.model';
import { staffNamesByUserid } from '../../../lib/org/staff-names';
import { handoverReadModel } from '../../../lib/search/handover-index';
import { writeListRows } from '../../../lib/search/list-read-model';
import { startWorkflow } from '../../../lib/temporal/typed-workflows';
import { handoverWorkflowId } from '../../../lib/temporal/workflow-ids';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { NO_PERMISSION_MESSAGE } from '../../auth/authorize';
import { badRequest, forbidden, notFound, unavailable } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { resignedGroups } from './resigned-groups';
import { unassignedCustomers } from './unassigned-customers';
import { pollHandoverNow } from '../../../lib/handovers/poll-handover-now';

type Deps = Pick<AppContext, 'temporal' | 'wecom' | 'log' | 'listSearch'>;

/** 分配's permission per kind: one route serves both menus, the router lets either in, the kind decides. */
const TRANSFER_PERMISSION: Record<HandoverInput['kind'], string> = {
  resigned: 'customer.handovers.transfer',
  onjob: 'customer.onjob-transfers.transfer',
};

/** 离职继承 → 待分配客户: filtered by member and by the day they left (China days), paged on the server. */
export async function listResignedCustomers(caller: Caller, query: ResignedCustomerQuery, deps: Deps) {
  const from = query.dimissionFrom ? chinaDayStartSeconds(query.dimissionFrom) : -Infinity;
  const to = query.dimissionTo ? chinaDayStartSeconds(query.dimissionTo) + 86_400 : Infinity;
  const matching = (await unassignedCustomers(caller.tenantId, deps)).filter(
    (row) =>
      (!query.handoverUserid || row.handover_userid === query.handoverUserid) &&
      row.dimission_time >= from &&
      row.dimission_time < to,
  );
  const page = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const names = await staffNamesByUserid(
    caller.tenantId,
    page.map((row) => row.handover_userid),
  );
  const customers = await findMatchingAny<{ externalUserid: string; name: string }>(
    CustomerModel,
    page.map((row) => ({ tenantId: caller.tenantId, externalUserid: row.external_userid })),
    { externalUserid: 1, name: 1 },
  );
  const customerNames = new Map(customers.map((customer) => [customer.externalUserid, customer.name]));
  return {
    items: page.map((row) => ({
      handoverUserid: row.handover_userid,
      handoverName: names.get(row.handover_userid) ?? row.handover_userid,
      externalUserid: row.external_userid,
      customerName: customerNames.get(row.external_userid) ?? '',
      dimissionAt: new Date(row.dimission_time * 1000).toISOString(),
    })),
    total: matching.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Which of these customers the member follows now (an active relation: 添加人), as the customer list has them. */
async function customersFollowedBy(tenantId: string, userid: string, externalUserids: string[]) {
  const customers = await findMatchingAny<{ externalUserid: string; adderUserids: string[] }>(
    CustomerModel,
    [...new Set(externalUserids)].map((externalUserid) => ({ tenantId, externalUserid })),
    { externalUserid: 1, adderUserids: 1 },
  );
  return new Set(
    customers
      .filter((customer) => customer.adderUserids.includes(userid))
      .map((customer) => customer.externalUserid),
  );
}

/**
 * 分配: stores the handover and starts its workflow (`handover/<tenant>/<id>`), which makes WeCom's calls and
 * follows every customer to the end. 离职继承 only takes customers WeCom lists as unassigned for that member.
 */
export async function createHandover(
  caller: Caller,
  input: HandoverInput,
  deps: Deps,
): Promise<HandoverDetail> {
  if (!caller.isSuperAdmin && !caller.permissions.has(TRANSFER_PERMISSION[input.kind]))
    throw forbidden(NO_PERMISSION_MESSAGE, 'NO_PERMISSION');
  if (input.kind === 'resigned' && input.externalUserids.length > 0) {
    const unassigned = new Set(
      (await unassignedCustomers(caller.tenantId, deps))
        .filter((row) => row.handover_userid === input.handoverUserid)
        .map((row) => row.external_userid),
    );
    const stray = input.externalUserids.filter((id) => !unassigned.has(id));
    if (stray.length > 0)
      throw badRequest(`${stray.length}个客户不是该离职成员的待分配客户`, 'HANDOVER_NOT_UNASSIGNED');
  }
  if (input.kind === 'resigned' && input.chatIds.length > 0) {
    const waiting = new Set(
      (await resignedGroups(caller.tenantId, deps))
        .filter((group) => group.ownerUserid === input.handoverUserid)
        .map((group) => group.chatId),
    );
    const stray = input.chatIds.filter((id) => !waiting.has(id));
    if (stray.length > 0)
      throw badRequest(
        `${stray.length}个客户群不是该离职成员的待分配客户群`,
        'HANDOVER_GROUP_NOT_UNASSIGNED',
      );
  }
  if (input.kind === 'onjob' && input.externalUserids.length > 0) {
    const followed = await customersFollowedBy(caller.tenantId, input.handoverUserid, input.externalUserids);
    const stray = input.externalUserids.filter((id) => !followed.has(id));
    if (stray.length > 0)
      throw badRequest(`${stray.length}个客户不是原跟进成员的客户`, 'HANDOVER_NOT_FOLLOWER');
  }
  // WeCom's limits on the job (twice in 90 days, one transfer at a time), shown before 确定 by the preview.
  if (input.kind === 'onjob') await refuseIneligibleOnjob(caller, input);
  const handoverId = new Types.ObjectId().toHexString();
  // 分配记录 lists it from its read model, written with it.
  const created = await writeListRows(deps.listSearch, handoverReadModel, caller.tenantId, [handoverId], () =>
    HandoverModel.create({
      _id: handoverId,
      tenantId: caller.tenantId,
      kind: input.kind,
      handoverUserid: input.handoverUserid,
      takeoverUserid: input.takeoverUserid,
      successMsg: input.successMsg ?? null,
      customers: [...new Set(input.externalUserids)].map((externalUserid) => ({ externalUserid })),
      groups: [...new Set(input.chatIds)].map((chatId) => ({ chatId })),
      createdBy: { staffId: caller.staffId, userid: caller.userid },
    }),
  );
  try {
    await startWorkflow(deps.temporal.client.workflow, 'handoverWorkflow', {
      workflowId: handoverWorkflowId(caller.tenantId, handoverId),
      taskQueue: deps.temporal.taskQueue,
      args: [{ tenantId: caller.tenantId, handoverId }],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
      deps.log.error({ err: error, handoverId }, 'handover workflow not started');
      await writeListRows(deps.listSearch, handoverReadModel, caller.tenantId, [handoverId], () =>
        HandoverModel.deleteOne({ tenantId: caller.tenantId, _id: handoverId }),
      );
      throw unavailable('继承服务暂不可用，请稍后重试', 'HANDOVER_UNAVAILABLE');
    }
  }
  const detail = await detailView(caller.tenantId, created.toObject());
  await recordAudit(caller, {
    action: 'handover.create',
    target: { type: 'handover', id: handoverId, name: `${input.handoverUserid} → ${input.takeoverUserid}` },
    after: {
      kind: input.kind,
      customers: detail.customers.length,
      groups: detail.groups.length,
      successMsg: input.successMsg ?? null,
    },
  });
  return detail;
}

/**
 * One handover by id, within the caller's 数据权限 as 分配记录 lists them: either member in scope. One outside
 * it is answered as missing, as everywhere else.
 */
async function handoverInScope(caller: Caller, handoverId: string) {
  const handover = await HandoverModel.findOne({ tenantId: caller.tenantId, _id: handoverId }).lean();
  const scope = await caller.scope();
  const visible =
    handover &&
    (scope.all ||
      scope.userids.includes(handover.handoverUserid) ||
      scope.userids.includes(handover.takeoverUserid));
  if (!visible) throw notFound('继承记录不存在', 'HANDOVER_NOT_FOUND');
  return handover;
}

export async function handoverDetail(caller: Caller, handoverId: string): Promise<HandoverDetail> {
  return detailView(caller.tenantId, await handoverInScope(caller, handoverId));
}

/**
 * 刷新: the handover's workflow reads WeCom's results now instead of at its next hourly poll. A finished
 * handover has nothing left to read.
 */
export async function refreshHandover(
  caller: Caller,
  handoverId: string,
  deps: Deps,
): Promise<{ refreshing: boolean }> {
  const handover = await handoverInScope(caller, handoverId);
  if (handover.finishedAt) return { refreshing: false };
  return { refreshing: await pollHandoverNow(deps.temporal.client, caller.tenantId, handoverId) };
}

/**
 * The handover with the names the result view shows (分配记录 opens it with nothing but the ids): the members'
 * from the staff, the customers' and groups' as their lists store them, each read by key.
 */
async function detailView(
  tenantId: string,
  handover: Handover & { _id: string; createdAt?: Date },
): Promise<HandoverDetail> {
  const members = await staffNamesByUserid(tenantId, [handover.handoverUserid, handover.takeoverUserid]);
  const customers = await findMatchingAny<{ externalUserid: string; name: string }>(
    CustomerModel,
    handover.customers.map(({ externalUserid }) => ({ tenantId, externalUserid })),
    { externalUserid: 1, name: 1 },
  );
  const customerNames = new Map(customers.map((customer) => [customer.externalUserid, customer.name]));
  const groups = await findMatchingAny<{ chatId: string; name: string }>(
    CustomerGroupModel,
    handover.groups.map(({ chatId }) => ({ tenantId, chatId })),
    { chatId: 1, name: 1 },
  );
  const groupNames = new Map(groups.map((group) => [group.chatId, group.name]));
  return {
    id: handover._id,
    kind: handover.kind,
    handoverUserid: handover.handoverUserid,
    handoverName: members.get(handover.handoverUserid) ?? handover.handoverUserid,
    takeoverUserid: handover.takeoverUserid,
    takeoverName: members.get(handover.takeoverUserid) ?? handover.takeoverUserid,
    successMsg: handover.successMsg ?? null,
    finished: Boolean(handover.finishedAt),
    customers: handover.customers.map((customer) => ({
      externalUserid: customer.externalUserid,
      customerName: customerNames.get(customer.externalUserid) ?? '',
      status: customer.status ?? 'pending',
      errcode: customer.errcode ?? null,
      takeoverAt: customer.takeoverAt ? customer.takeoverAt.toISOString() : null,
    })),
    groups: handover.groups.map((group) => ({
      chatId: group.chatId,
      groupName: groupNames.get(group.chatId) ?? '',
      status: group.status ?? 'pending',
      errcode: group.errcode ?? null,
    })),
    createdAt: (handover.createdAt ?? new Date()).toISOString(),
  };
}

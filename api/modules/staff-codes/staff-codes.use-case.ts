import { customersByExternalUserid } from '../../../lib/customers/customers-by-id';
import { Types } from 'mongoose';
import { staffScopeFilter } from '../../../lib/access/data-scope';
import { creatorNameOf } from '../../../lib/acquisition/creator-name';
import { expandCodeMembers } from '../../../lib/acquisition/staff-code-members';
import { recomputeStaffCodeStatus } from '../../../lib/acquisition/staff-code-status';
import { lastChinaDays, chinaDayStart, chinaDayEnd } from '../../../lib/customer-groups/china-days';
import {
  BATCH_MEMBERS_OVER_LIMIT,
  MULTI_MEMBERS_OVER_LIMIT,
  STAFF_CODE_MEMBERS_MAX,
  type CreateStaffCodeRequest,
  type StaffCodeListQuery,
  type StaffCodeView,
  type UpdateStaffCodeRequest,
} from '../../../lib/contracts/staff-codes.contract';
import { CorpTagGroupModel } from '../../../lib/models/corp-tag.model';
import { DepartmentModel } from '../../../lib/models/department.model';
import { NewContactModel } from '../../../lib/models/new-contact.model';
import { StaffCodeModel, type StaffCode } from '../../../lib/models/staff-code.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { entitySearchAttributes } from '../../../lib/temporal/search-attributes';
import { staffCodeSyncWorkflowId } from '../../../lib/temporal/workflow-ids';
import { staffCodeChangedSignal } from '../../../workflows/staff-code-sync.contract';
import { signalWithStartWorkflow } from '../../../lib/temporal/typed-workflows';
import { escapeRegExp } from '../../../lib/text/escape-reg-exp';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { AppError, badRequest, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { fetchWeComQr } from './staff-code-qr';

/** A saved code wakes its sync workflow; a failed hand-off is logged, the save stands. */
export type StaffCodeDeps = Pick<AppContext, 'temporal' | 'log'>;

type StoredCode = StaffCode & { _id: Types.ObjectId; createdAt: Date };

/** Hands the saved code to its workflow; the code is safe in MongoDB even when Temporal is down meanwhile. */
async function wakeSync({ temporal, log }: StaffCodeDeps, tenantId: string, codeId: string): Promise<void> {
  try {
    await signalWithStartWorkflow(temporal.client.workflow, 'staffCodeSyncWorkflow', {
      workflowId: staffCodeSyncWorkflowId(tenantId, codeId),
      taskQueue: temporal.taskQueue,
      args: [{ tenantId, codeId }],
      signal: staffCodeChangedSignal,
      signalArgs: [],
      typedSearchAttributes: entitySearchAttributes(tenantId, 'staff-code', codeId),
    });
  } catch (error) {
    log.error({ err: error, tenantId, codeId }, 'staff code sync hand-off failed');
  }
}

async function assertTagsExist(tenantId: string, tagIds: string[]): Promise<void> {
  if (tagIds.length === 0) return;
  const groups = await CorpTagGroupModel.find(
    { tenantId, 'tags.tagId': { $in: tagIds } },
    { tags: 1 },
  ).lean();
  const known = new Set(groups.flatMap((group) => group.tags.map((tag) => tag.tagId)));
  if (tagIds.some((id) => !known.has(id))) throw badRequest('标签不存在，请刷新后重试', 'TAG_NOT_FOUND');
}

/** The members a code will have, checked against the manual's rules (R-2.2.2-05/06, I-30). */
async function membersFor(
  tenantId: string,
  kind: 'batch' | 'single' | 'multi',
  userids: string[],
  departmentIds: number[],
): Promise<string[]> {
  if (userids.length === 0 && departmentIds.length === 0) throw badRequest('请选择使用员工', 'NO_MEMBERS');
  if (kind === 'single' && (userids.length !== 1 || departmentIds.length > 0))
    throw badRequest('单人活码只能选择一位员工', 'SINGLE_MEMBER');
  const expanded = await expandCodeMembers(tenantId, userids, departmentIds);
  if (expanded.unknownUserids.length > 0 || expanded.unknownDepartmentIds.length > 0)
    throw badRequest('所选员工或部门不存在，请刷新后重试', 'MEMBER_NOT_FOUND');
  if (expanded.members.length === 0) throw badRequest('所选部门下没有员工', 'NO_MEMBERS');
  if (expanded.members.length > STAFF_CODE_MEMBERS_MAX)
    throw badRequest(
      kind === 'batch' ? BATCH_MEMBERS_OVER_LIMIT : MULTI_MEMBERS_OVER_LIMIT,
      'TOO_MANY_MEMBERS',
    );
  return expanded.members;
}

export async function createStaffCodes(
  caller: Caller,
  request: CreateStaffCodeRequest,
  deps: StaffCodeDeps,
): Promise<StaffCodeView[]> {
  const { tenantId } = caller;
  const userids = [...new Set(request.userids)];
  const departmentIds = [...new Set(request.departmentIds)];
  const tagIds = [...new Set(request.tagIds)];
  const members = await membersFor(tenantId, request.kind, userids, departmentIds);
  await assertTagsExist(tenantId, tagIds);
  const creatorName = await creatorNameOf(tenantId, caller.staffId);
  const common = {
    tenantId,
    skipVerify: request.skipVerify,
    scene: request.scene,
    tagIds,
    welcomeText: request.welcomeText,
    creatorStaffId: caller.staffId,
    creatorName,
    status: 'normal',
    version: 1,
    syncedVersion: 0,
    sync: { status: 'pending' },
  };
  // 批量单人: one 单人 code per member (R-2.2.2-02, R-2.2.1-04).
  const documents =
    request.kind === 'multi'
      ? [{ ...common, kind: 'multi', userids, departmentIds, memberUserids: members }]
      : members.map((userid) => ({
          ...common,
          kind: 'single',
          userids: [userid],
          departmentIds: [],
          memberUserids: [userid],
        }));
  const created = await StaffCodeModel.insertMany(documents);
  await recomputeStaffCodeStatus(tenantId, members);
  for (const code of created) await wakeSync(deps, tenantId, String(code._id));
  const stored = (await StaffCodeModel.find({ tenantId, _id: { $in: created.map((c) => c._id) } })
    .sort({ _id: 1 })
    .lean()) as unknown as StoredCode[];
  const views = await toViews(tenantId, stored);
  for (const code of views) {
    await recordAudit(caller, {
      action: 'staff-code.create',
      target: { type: 'staff-code', id: code.id, name: code.scene },
      after: code,
    });
  }
  return views;
}

async function visibleCode(caller: Caller, codeId: string): Promise<StoredCode> {
  const code = (await StaffCodeModel.findOne({
    tenantId: caller.tenantId,
    _id: codeId,
    deletedAt: { $exists: false },
    ...(await scopeFilter(caller)),
  }).lean()) as unknown as StoredCode | null;
  if (!code) throw notFound('员工活码不存在', 'STAFF_CODE_NOT_FOUND');
  return code;
}

/** 数据权限 (R-0-15): a code is visible when one of its members or its creator is in the caller's scope. */
async function scopeFilter(caller: Caller): Promise<Record<string, unknown>> {
  const scope = await caller.scope();
  if (scope.all) return {};
  return { $or: [staffScopeFilter(scope, 'memberUserids'), { creatorStaffId: caller.staffId }] };
}

export async function updateStaffCode(
  caller: Caller,
  { codeId, ...request }: UpdateStaffCodeRequest & { codeId: string },
  deps: StaffCodeDeps,
): Promise<StaffCodeView> {
  const { tenantId } = caller;
  const code = await visibleCode(caller, codeId);
  const before = (await toViews(tenantId, [code]))[0];
  const userids = [...new Set(request.userids)];
  const departmentIds = [...new Set(request.departmentIds)];
  const tagIds = [...new Set(request.tagIds)];
  const members = await membersFor(tenantId, code.kind as 'single' | 'multi', userids, departmentIds);
  await assertTagsExist(tenantId, tagIds);
  await StaffCodeModel.updateOne(
    { tenantId, _id: codeId, deletedAt: { $exists: false } },
    {
      $set: {
        userids,
        departmentIds,
        memberUserids: members,
        skipVerify: request.skipVerify,
        scene: request.scene,
        tagIds,
        welcomeText: request.welcomeText,
        'sync.status': 'pending',
      },
      $unset: { 'sync.errcode': '', 'sync.errmsg': '' },
      $inc: { version: 1 },
    },
  );
  await recomputeStaffCodeStatus(tenantId, [...new Set([...members, ...code.memberUserids])]);
  await wakeSync(deps, tenantId, codeId);
  const after = await staffCodeView(caller, { codeId });
  await recordAudit(caller, {
    action: 'staff-code.update',
    target: { type: 'staff-code', id: after.id, name: after.scene },
    before,
    after,
  });
  return after;
}

/** 删除 (R-2.2.1-12, I-28): gone for people at once; the workflow deletes WeCom's way so the poster stops working. */
export async function deleteStaffCode(
  caller: Caller,
  { codeId }: { codeId: string },
  deps: StaffCodeDeps,
): Promise<void> {
  const before = await staffCodeView(caller, { codeId });
  await StaffCodeModel.updateOne(
    { tenantId: caller.tenantId, _id: codeId },
    { $set: { deletedAt: new Date(), 'sync.status': 'pending' }, $inc: { version: 1 } },
  );
  await wakeSync(deps, caller.tenantId, codeId);
  await recordAudit(caller, {
    action: 'staff-code.delete',
    target: { type: 'staff-code', id: before.id, name: before.scene },
    before,
  });
}

export async function staffCodeView(caller: Caller, { codeId }: { codeId: string }): Promise<StaffCodeView> {
  const [view] = await toViews(caller.tenantId, [await visibleCode(caller, codeId)]);
  return view;
}

/** 下载二维码: WeCom's QR image of the code, fetched here because the browser cannot download across origins. */
export async function staffCodeQrImage(
  caller: Caller,
  { codeId }: { codeId: string },
): Promise<{ png: Buffer; filename: string }> {
  const code = await staffCodeView(caller, { codeId });
  if (!code.qrCode) throw new AppError(409, 'QR_NOT_READY', '二维码生成中，请稍后再试');
  try {
    return { png: await fetchWeComQr(code.qrCode), filename: `员工活码-${code.scene}.png` };
  } catch {
    throw notFound('二维码暂时无法下载，请稍后再试', 'QR_UNAVAILABLE');
  }
}

export async function listStaffCodes(caller: Caller, query: StaffCodeListQuery) {
  const filter: Record<string, unknown> = {
    tenantId: caller.tenantId,
    deletedAt: { $exists: false },
    ...(query.kind !== 'all' ? { kind: query.kind } : {}),
    ...(query.status !== 'all' ? { status: query.status } : {}),
    ...(query.userid ? { memberUserids: query.userid } : {}),
    ...(query.keyword ? { scene: { $regex: escapeRegExp(query.keyword) } } : {}),
    ...(await scopeFilter(caller)),
  };
  const [rows, total] = await Promise.all([
    StaffCodeModel.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean(),
    StaffCodeModel.countDocuments(filter),
  ]);
  return {
    items: await toViews(caller.tenantId, rows as unknown as StoredCode[]),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** 扫码趋势 (R-2.2.3-03, I-33): customers added through the code per China day, and the running total. */
export async function staffCodeTrend(
  caller: Caller,
  { codeId, ...range }: { codeId: string; from: string; to: string },
) {
  await visibleCode(caller, codeId);
  const before = await NewContactModel.countDocuments({
    tenantId: caller.tenantId,
    codeId,
    day: { $lt: range.from },
  });
  const perDay = (await NewContactModel.aggregate([
    { $match: { tenantId: caller.tenantId, codeId, day: { $gte: range.from, $lte: range.to } } },
    { $group: { _id: '$day', added: { $sum: 1 } } },
  ])) as Array<{ _id: string; added: number }>;
  const added = new Map(perDay.map((row) => [row._id, row.added]));
  const days = daysBetween(range.from, range.to);
  let total = before;
  return {
    days: days.map((date) => {
      total += added.get(date) ?? 0;
      return { date, added: added.get(date) ?? 0, total };
    }),
  };
}

function daysBetween(from: string, to: string): string[] {
  const count = Math.round((chinaDayEnd(to).getTime() - chinaDayStart(from).getTime()) / 86_400_000);
  return lastChinaDays(new Date(chinaDayEnd(to).getTime() - 1), Math.min(Math.max(count, 1), 366));
}

/** The adds through the code, newest first, with what became of each welcome (员工活码详情). */
export async function staffCodeAdds(
  caller: Caller,
  { codeId, ...page }: { codeId: string; page: number; pageSize: number },
) {
  await visibleCode(caller, codeId);
  const filter = { tenantId: caller.tenantId, codeId };
  const [rows, total] = await Promise.all([
    NewContactModel.find(filter)
      .sort({ addedAt: -1 })
      .skip((page.page - 1) * page.pageSize)
      .limit(page.pageSize)
      .lean(),
    NewContactModel.countDocuments(filter),
  ]);
  const customers = await customersByExternalUserid<{ externalUserid: string; name: string }>(
    caller.tenantId,
    rows.map((row) => row.externalUserid),
    { name: 1 },
  );
  const names = new Map(customers.map((customer) => [customer.externalUserid, customer.name]));
  return {
    items: rows.map((row) => ({
      externalUserid: row.externalUserid,
      customerName: names.get(row.externalUserid) ?? '',
      userid: row.userid,
      addedAt: row.addedAt.toISOString(),
      welcome: {
        status: (row.welcome?.status ?? 'pending') as 'pending' | 'sent' | 'failed' | 'skipped',
        ...(row.welcome?.errcode ? { errcode: row.welcome.errcode } : {}),
        ...(row.welcome?.errmsg ? { errmsg: row.welcome.errmsg } : {}),
      },
    })),
    total,
    page: page.page,
    pageSize: page.pageSize,
  };
}

async function toViews(tenantId: string, codes: StoredCode[]): Promise<StaffCodeView[]> {
  const userids = [...new Set(codes.flatMap((code) => code.memberUserids))];
  const departmentIds = [...new Set(codes.flatMap((code) => code.departmentIds))];
  const tagIds = [...new Set(codes.flatMap((code) => code.tagIds))];
  const [staff, departments, tagGroups] = await Promise.all([
    StaffModel.find(
      { tenantId, userid: { $in: userids } },
      { userid: 1, name: 1, deletedAt: 1, wecomStatus: 1 },
    ).lean(),
    DepartmentModel.find({ tenantId, deptId: { $in: departmentIds } }, { deptId: 1, name: 1 }).lean(),
    tagIds.length
      ? CorpTagGroupModel.find({ tenantId, 'tags.tagId': { $in: tagIds } }, { tags: 1 }).lean()
      : [],
  ]);
  const staffById = new Map(staff.map((member) => [member.userid, member]));
  const departmentNames = new Map(departments.map((d) => [d.deptId, d.name]));
  const tagNames = new Map(
    tagGroups.flatMap((group) => group.tags.map((tag) => [tag.tagId, tag.name] as const)),
  );
  return codes.map((code) => ({
    id: String(code._id),
    kind: code.kind as 'single' | 'multi',
    members: code.memberUserids.map((userid) => {
      const member = staffById.get(userid);
      return {
        userid,
        name: member?.name ?? userid,
        left: !member || Boolean(member.deletedAt) || (member.wecomStatus ?? 1) !== 1,
      };
    }),
    departments: code.departmentIds.map((id) => ({ id, name: departmentNames.get(id) ?? String(id) })),
    userids: code.userids,
    departmentIds: code.departmentIds,
    skipVerify: code.skipVerify ?? true,
    scene: code.scene,
    tags: code.tagIds.filter((id) => tagNames.has(id)).map((id) => ({ id, name: tagNames.get(id)! })),
    welcomeText: code.welcomeText ?? '',
    status: code.status as 'normal' | 'abnormal',
    qrCode: code.wecom?.qrCode || null,
    sync: {
      status: (code.sync?.status ?? 'pending') as 'pending' | 'synced' | 'failed',
      ...(code.sync?.errcode ? { errcode: code.sync.errcode } : {}),
      ...(code.sync?.errmsg ? { errmsg: code.sync.errmsg } : {}),
    },
    creatorName: code.creatorName ?? '管理员',
    createdAt: code.createdAt.toISOString(),
  }));
}

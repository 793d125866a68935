import { LRUCache } from 'lru-cache';
import {
  GROUP_QR_VALID_DAYS,
  type CreateGroupCode,
  type GroupInput,
  type UpdateGroupCode,
} from '../../../lib/contracts/group-code.contract';
import { chinaDayStart } from '../../../lib/customer-groups/china-days';
import { deleteImages, existingImages, readImage } from '../../../lib/group-codes/group-code-images';
import { groupCodeLandingUrl, renderGroupCodeQr } from '../../../lib/group-codes/group-code-qr';
import { groupFactsOf, recomputeGroupCodeStatus } from '../../../lib/group-codes/group-code-status';
import { scanCountsBy } from '../../../lib/group-codes/scan-counts';
import { groupExpiry } from '../../../lib/group-codes/group-states';
import { GroupCodeGroupModel, type GroupCodeGroup } from '../../../lib/models/group-code-group.model';
import { GroupCodeModel, type GroupCode } from '../../../lib/models/group-code.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { businessDay } from '../../../lib/org/manual-sync-quota';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { badRequest, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { visibleGroupCodesFilter } from './group-code-list.use-case';
import { endGroupCodeRotation, pokeGroupCodeRotation } from './group-code-rotation';
import { groupCodeDetail, type GroupCodeLinks } from './group-code-views';

/** Every change signals the code's rotation workflow and answers the code with its links. */
export type GroupCodeDeps = Pick<AppContext, 'temporal'> & GroupCodeLinks;

type CodeTarget = { codeId: string };
type GroupTarget = { codeId: string; groupId: string };

const NEEDS_STORE = '位置就近分配策略的实际群码须绑定门店';
const DAY_MS = 24 * 60 * 60 * 1000;

/** I-22: 有效期 from today through today + 7 (China days), as long as a WeCom group QR lasts. */
function assertExpiryDay(expiresOn: string, now: Date): void {
  const today = businessDay(now);
  const last = businessDay(
    new Date(chinaDayStart(today).getTime() + GROUP_QR_VALID_DAYS * DAY_MS + DAY_MS / 2),
  );
  if (Number.isNaN(chinaDayStart(expiresOn).getTime()) || expiresOn < today || expiresOn > last) {
    throw badRequest(`有效期须在${today}至${last}之间`, 'INVALID_EXPIRY');
  }
}

async function assertImages(tenantId: string, ids: Array<string | null | undefined>, message: string) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const found = await existingImages(tenantId, wanted);
  if (found.size !== wanted.length) throw badRequest(message, 'IMAGE_NOT_FOUND');
}

function groupDocument(tenantId: string, codeId: string, position: number, input: GroupInput) {
  return {
    tenantId,
    codeId,
    position,
    qrFileId: input.qrFileId,
    name: input.name,
    expiresOn: input.expiresOn,
    expiresAt: groupExpiry(input.expiresOn),
    scanLimit: input.scanLimit,
    seatHint: 0,
    ...(input.store ? { store: input.store } : {}),
  };
}

/** A code the caller may see, or 404 (another tenant's or outside the 数据权限 look the same: not there). */
async function visibleGroupCode(caller: Caller, codeId: string): Promise<GroupCode> {
  const code = await GroupCodeModel.findOne({
    ...visibleGroupCodesFilter(caller.tenantId, await caller.scope()),
    _id: codeId,
  }).lean();
  if (!code) throw notFound('群活码不存在', 'GROUP_CODE_NOT_FOUND');
  return code as GroupCode;
}

export async function groupCodeDetailOf(caller: Caller, { codeId }: CodeTarget, { config }: GroupCodeLinks) {
  const code = await visibleGroupCode(caller, codeId);
  const [groups, facts, codeScans] = await Promise.all([
    GroupCodeGroupModel.find({ tenantId: caller.tenantId, codeId }).sort({ position: 1 }).lean(),
    groupFactsOf(caller.tenantId, codeId),
    scanCountsBy(caller.tenantId, 'codeId', [codeId]),
  ]);
  return groupCodeDetail(
    code,
    codeScans.get(codeId) ?? 0,
    groups as GroupCodeGroup[],
    facts,
    config.publicUrl,
  );
}

/**
 * The 群活码 PNGs rendered lately, by landing link and 活码图片: the list shows every row's code, and the same
 * link and icon file (an upload never changes) always give the same image. A few KB each.
 */
const renderedQrs = new LRUCache<string, Buffer>({
  maxSize: 8 * 1024 * 1024,
  sizeCalculation: (png) => png.length,
});

/** 下载 (R-2.1.1-09): the live code as a PNG, its 活码图片 in the centre, named after the code. */
export async function groupCodeQrPng(caller: Caller, { codeId }: CodeTarget, { config }: GroupCodeLinks) {
  const code = await visibleGroupCode(caller, codeId);
  const link = groupCodeLandingUrl(config.publicUrl, caller.tenantId, codeId);
  const key = `${link} ${code.iconFileId ?? ''}`;
  let png = renderedQrs.get(key);
  if (!png) {
    const icon = code.iconFileId ? await readImage(caller.tenantId, code.iconFileId) : undefined;
    png = await renderGroupCodeQr(link, icon);
    renderedQrs.set(key, png);
  }
  return { png, filename: `${code.name}.png` };
}

/** Step 2's "下一步" (R-2.1.3-05): the code and its groups, then its rotation workflow. */
export async function createGroupCode(caller: Caller, input: CreateGroupCode, deps: GroupCodeDeps) {
  const now = new Date();
  input.groups.forEach((group) => assertExpiryDay(group.expiresOn, now));
  await assertImages(caller.tenantId, [input.iconFileId], '活码图片不存在，请重新上传');
  await assertImages(
    caller.tenantId,
    input.groups.map((group) => group.qrFileId),
    '实际群码图片不存在，请重新上传',
  );
  const staff = await StaffModel.findOne(
    { tenantId: caller.tenantId, _id: caller.staffId },
    { name: 1 },
  ).lean();
  const code = await GroupCodeModel.create({
    tenantId: caller.tenantId,
    name: input.name,
    scene: input.scene,
    strategy: input.strategy,
    guide: input.guide,
    ...(input.iconFileId ? { iconFileId: input.iconFileId } : {}),
    creator: {
      staffId: caller.staffId,
      userid: caller.userid,
      name: caller.isSuperAdmin ? '管理员' : (staff?.name ?? caller.userid),
    },
    groupCount: input.groups.length,
  });
  const codeId = String(code._id);
  await GroupCodeGroupModel.insertMany(
    input.groups.map((group, index) => groupDocument(caller.tenantId, codeId, index, group)),
  );
  return afterChange(caller, codeId, input.name, deps);
}

/** 编辑 step 1 (R-2.1.1-12): name, scene, strategy, guide and icon; the groups keep their counts. */
export async function updateGroupCode(
  caller: Caller,
  { codeId, ...input }: UpdateGroupCode & CodeTarget,
  deps: GroupCodeDeps,
) {
  const code = await visibleGroupCode(caller, codeId);
  await assertImages(caller.tenantId, [input.iconFileId], '活码图片不存在，请重新上传');
  if (input.strategy === 'nearest') {
    const storeless = await GroupCodeGroupModel.countDocuments({
      tenantId: caller.tenantId,
      codeId,
      store: { $exists: false },
    });
    if (storeless > 0) throw badRequest(NEEDS_STORE, 'STORE_REQUIRED');
  }
  await GroupCodeModel.updateOne(
    { tenantId: caller.tenantId, _id: codeId },
    input.iconFileId
      ? {
          $set: {
            name: input.name,
            scene: input.scene,
            strategy: input.strategy,
            guide: input.guide,
            iconFileId: input.iconFileId,
          },
        }
      : {
          $set: { name: input.name, scene: input.scene, strategy: input.strategy, guide: input.guide },
          $unset: { iconFileId: 1 },
        },
  );
  if (code.iconFileId && code.iconFileId !== input.iconFileId)
    await deleteImages(caller.tenantId, [code.iconFileId]);
  return afterChange(caller, codeId, input.name, deps);
}

/** 删除 (R-2.1.1-13): the code, its groups and their images; its link then shows the invalid-code page. */
export async function deleteGroupCode(
  caller: Caller,
  { codeId }: CodeTarget,
  { temporal }: Pick<AppContext, 'temporal'>,
): Promise<void> {
  const code = await visibleGroupCode(caller, codeId);
  await GroupCodeModel.updateOne(
    { tenantId: caller.tenantId, _id: codeId },
    { $set: { deletedAt: new Date() } },
  );
  await endGroupCodeRotation(temporal, caller.tenantId, codeId);
  const groups = await GroupCodeGroupModel.find(
    { tenantId: caller.tenantId, codeId },
    { qrFileId: 1 },
  ).lean();
  await GroupCodeGroupModel.deleteMany({ tenantId: caller.tenantId, codeId });
  await deleteImages(caller.tenantId, [
    ...groups.map((group) => group.qrFileId),
    ...(code.iconFileId ? [code.iconFileId] : []),
  ]);
  await recordAudit(caller, {
    action: 'group-code.delete',
    target: { type: 'group-code', id: codeId, name: code.name },
    before: { name: code.name, scene: code.scene, groupCount: groups.length },
  });
}

/** + 添加实际群码 on 管理实际群码 (R-2.1.3-06): appended at the end of the 溢出 order. */
export async function addGroup(
  caller: Caller,
  { codeId, ...input }: GroupInput & CodeTarget,
  deps: GroupCodeDeps,
) {
  const code = await visibleGroupCode(caller, codeId);
  assertExpiryDay(input.expiresOn, new Date());
  if (code.strategy === 'nearest' && !input.store) throw badRequest(NEEDS_STORE, 'STORE_REQUIRED');
  await assertImages(caller.tenantId, [input.qrFileId], '实际群码图片不存在，请重新上传');
  const last = await GroupCodeGroupModel.findOne({ tenantId: caller.tenantId, codeId }, { position: 1 })
    .sort({ position: -1 })
    .lean();
  await GroupCodeGroupModel.create(groupDocument(caller.tenantId, codeId, (last?.position ?? -1) + 1, input));
  return afterChange(caller, codeId, code.name, deps);
}

/**
 * 编辑 of a 实际群码 (I-24): a fresh image or 有效期 makes an expired group usable again; a higher 扫码限制次数
 * opens the seats above the old limit, a lower one leaves the group full (its tickets stay: 扫码次数 is history).
 */
export async function updateGroup(
  caller: Caller,
  { codeId, groupId, ...input }: GroupInput & GroupTarget,
  deps: GroupCodeDeps,
) {
  const code = await visibleGroupCode(caller, codeId);
  const group = await GroupCodeGroupModel.findOne({ tenantId: caller.tenantId, codeId, _id: groupId }).lean();
  if (!group) throw notFound('实际群码不存在', 'GROUP_NOT_FOUND');
  if (input.expiresOn !== group.expiresOn) assertExpiryDay(input.expiresOn, new Date());
  if (code.strategy === 'nearest' && !input.store) throw badRequest(NEEDS_STORE, 'STORE_REQUIRED');
  if (input.qrFileId !== group.qrFileId) {
    await assertImages(caller.tenantId, [input.qrFileId], '实际群码图片不存在，请重新上传');
  }
  await GroupCodeGroupModel.updateOne(
    { tenantId: caller.tenantId, codeId, _id: groupId },
    {
      $set: {
        qrFileId: input.qrFileId,
        name: input.name,
        expiresOn: input.expiresOn,
        expiresAt: groupExpiry(input.expiresOn),
        scanLimit: input.scanLimit,
        ...(input.store ? { store: input.store } : {}),
      },
      ...(input.store ? {} : { $unset: { store: 1 } }),
    },
  );
  if (input.qrFileId !== group.qrFileId) await deleteImages(caller.tenantId, [group.qrFileId]);
  return afterChange(caller, codeId, code.name, deps);
}

/** 删除 of a 实际群码 (I-24): allowed even for the last one, which turns the code 异常. */
export async function deleteGroup(caller: Caller, { codeId, groupId }: GroupTarget, deps: GroupCodeDeps) {
  const code = await visibleGroupCode(caller, codeId);
  const group = await GroupCodeGroupModel.findOneAndDelete({
    tenantId: caller.tenantId,
    codeId,
    _id: groupId,
  }).lean();
  if (!group) throw notFound('实际群码不存在', 'GROUP_NOT_FOUND');
  await deleteImages(caller.tenantId, [group.qrFileId]);
  return afterChange(caller, codeId, code.name, deps);
}

/** Every change: the status at once (the list is right on the next read), then the workflow for timers and alerts. */
async function afterChange(caller: Caller, codeId: string, name: string, deps: GroupCodeDeps) {
  await recomputeGroupCodeStatus(caller.tenantId, codeId);
  await pokeGroupCodeRotation(deps.temporal, caller.tenantId, codeId, name);
  return groupCodeDetailOf(caller, { codeId }, deps);
}

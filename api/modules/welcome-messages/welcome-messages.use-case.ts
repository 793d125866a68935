import type { Types } from 'mongoose';
import { undeliveredView } from '../../../lib/app-messages/undelivered-recipients';
import { staffNamesByUserid } from '../../../lib/org/staff-names';
import { creatorNameOf } from '../../../lib/acquisition/creator-name';
import { welcomeSummary } from '../../../lib/acquisition/welcome-content';
import { welcomeImages } from '../../../lib/acquisition/welcome-image-store';
import type {
  SaveWelcomeRequest,
  WelcomeAttachment,
  WelcomeView,
} from '../../../lib/contracts/welcome-messages.contract';
import { WelcomeMessageModel, type WelcomeMessage } from '../../../lib/models/welcome-message.model';
import { entitySearchAttributes } from '../../../lib/temporal/search-attributes';
import { groupWelcomeTemplateWorkflowId } from '../../../lib/temporal/workflow-ids';
import { groupWelcomeChangedSignal } from '../../../workflows/group-welcome-template.contract';
import { signalWithStartWorkflow } from '../../../lib/temporal/typed-workflows';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { badRequest, conflict, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';

export type WelcomeKind = 'default' | 'group';

/** The two sections of the page (R-2.3-01), as their audit rows name them. */
export const WELCOME_TITLES: Record<WelcomeKind, string> = { default: '默认欢迎语', group: '客户群欢迎语' };

/** A group welcome's change wakes its template workflow; a failed hand-off is logged, the save stands. */
export type WelcomeDeps = Pick<AppContext, 'temporal' | 'log'>;

type WelcomeTarget = { kind: WelcomeKind; welcomeId: string };

type StoredWelcome = WelcomeMessage & { _id: Types.ObjectId; updatedAt: Date };

/** Images must be this tenant's uploads. */
async function assertImagesExist(tenantId: string, attachment: WelcomeAttachment | null): Promise<void> {
  const fileId =
    attachment?.kind === 'image'
      ? attachment.fileId
      : attachment?.kind === 'miniprogram'
        ? attachment.coverFileId
        : null;
  if (!fileId) return;
  const found = await welcomeImages.find(tenantId, [fileId]);
  if (found.length === 0) throw badRequest('图片不存在，请重新上传', 'IMAGE_NOT_FOUND');
}

async function wakeGroupTemplate(
  { temporal, log }: WelcomeDeps,
  tenantId: string,
  welcomeId: string,
): Promise<void> {
  try {
    await signalWithStartWorkflow(temporal.client.workflow, 'groupWelcomeTemplateWorkflow', {
      workflowId: groupWelcomeTemplateWorkflowId(tenantId, welcomeId),
      taskQueue: temporal.taskQueue,
      args: [{ tenantId, welcomeId }],
      signal: groupWelcomeChangedSignal,
      signalArgs: [],
      typedSearchAttributes: entitySearchAttributes(tenantId, 'group-welcome', welcomeId),
    });
  } catch (error) {
    log.error({ err: error, tenantId, welcomeId }, 'group welcome hand-off failed');
  }
}

/** `ownerNames`: the names of the owners the notice did not reach (group welcomes of a listed page). */
function toView(row: StoredWelcome, ownerNames = new Map<string, string>()): WelcomeView {
  const attachment = (row.attachment as WelcomeAttachment | null) ?? null;
  return {
    id: String(row._id),
    text: row.text ?? '',
    attachment,
    summary: welcomeSummary({ text: row.text ?? '', attachment }),
    creatorName: row.creatorName ?? '管理员',
    updatedAt: row.updatedAt.toISOString(),
    ...(row.kind === 'group'
      ? {
          sync: {
            status: (row.sync?.status ?? 'pending') as 'pending' | 'synced' | 'failed',
            ...(row.sync?.errcode ? { errcode: row.sync.errcode } : {}),
            ...(row.sync?.errmsg ? { errmsg: row.sync.errmsg } : {}),
          },
          ownersUndelivered: undeliveredView(row.ownersUndelivered, ownerNames),
        }
      : {}),
  };
}

export async function listWelcomes(
  caller: Caller,
  { kind, ...page }: { kind: WelcomeKind; page: number; pageSize: number },
) {
  const { tenantId } = caller;
  const filter = { tenantId, kind, deletedAt: { $exists: false } };
  const [rows, total] = await Promise.all([
    WelcomeMessageModel.find(filter)
      .sort({ updatedAt: -1, _id: -1 })
      .skip((page.page - 1) * page.pageSize)
      .limit(page.pageSize)
      .lean(),
    WelcomeMessageModel.countDocuments(filter),
  ]);
  const ownerNames = await staffNamesByUserid(
    tenantId,
    rows.flatMap((row) => (row.ownersUndelivered ?? []).map((owner) => owner.userid)),
  );
  return {
    items: (rows as unknown as StoredWelcome[]).map((row) => toView(row, ownerNames)),
    total,
    page: page.page,
    pageSize: page.pageSize,
  };
}

export async function createWelcome(
  caller: Caller,
  { kind, ...request }: SaveWelcomeRequest & { kind: WelcomeKind },
  deps: WelcomeDeps,
): Promise<WelcomeView> {
  const { tenantId } = caller;
  await assertImagesExist(tenantId, request.attachment);
  // I-35: one default welcome at a time; 编辑 changes it.
  if (
    kind === 'default' &&
    (await WelcomeMessageModel.countDocuments({ tenantId, kind, deletedAt: { $exists: false } })) > 0
  ) {
    throw conflict('已存在默认欢迎语，请编辑后保存', 'DEFAULT_WELCOME_EXISTS');
  }
  const created = await WelcomeMessageModel.create({
    tenantId,
    kind,
    text: request.text,
    attachment: request.attachment,
    creatorStaffId: caller.staffId,
    creatorName: await creatorNameOf(tenantId, caller.staffId),
    ...(kind === 'group' ? { version: 1, syncedVersion: 0, sync: { status: 'pending' } } : {}),
  });
  if (kind === 'group') await wakeGroupTemplate(deps, tenantId, String(created._id));
  const view = toView(created.toObject() as unknown as StoredWelcome);
  await auditWelcome(caller, 'welcome.create', kind, view);
  return view;
}

async function storedWelcome(tenantId: string, kind: WelcomeKind, welcomeId: string): Promise<StoredWelcome> {
  const row = await WelcomeMessageModel.findOne({
    tenantId,
    kind,
    _id: welcomeId,
    deletedAt: { $exists: false },
  }).lean();
  if (!row) throw notFound('欢迎语不存在', 'WELCOME_NOT_FOUND');
  return row as unknown as StoredWelcome;
}

export async function updateWelcome(
  caller: Caller,
  { kind, welcomeId, ...request }: SaveWelcomeRequest & WelcomeTarget,
  deps: WelcomeDeps,
): Promise<WelcomeView> {
  const { tenantId } = caller;
  await storedWelcome(tenantId, kind, welcomeId);
  await assertImagesExist(tenantId, request.attachment);
  await WelcomeMessageModel.updateOne(
    { tenantId, _id: welcomeId },
    {
      $set: {
        text: request.text,
        attachment: request.attachment,
        ...(kind === 'group' ? { 'sync.status': 'pending' } : {}),
      },
      ...(kind === 'group'
        ? { $inc: { version: 1 }, $unset: { 'sync.errcode': '', 'sync.errmsg': '' } }
        : {}),
    },
  );
  if (kind === 'group') await wakeGroupTemplate(deps, tenantId, welcomeId);
  const view = toView(await storedWelcome(tenantId, kind, welcomeId));
  await auditWelcome(caller, 'welcome.update', kind, view);
  return view;
}

export async function deleteWelcome(
  caller: Caller,
  { kind, welcomeId }: WelcomeTarget,
  deps: WelcomeDeps,
): Promise<void> {
  const { tenantId } = caller;
  await storedWelcome(tenantId, kind, welcomeId);
  await WelcomeMessageModel.updateOne(
    { tenantId, _id: welcomeId },
    {
      $set: { deletedAt: new Date(), ...(kind === 'group' ? { 'sync.status': 'pending' } : {}) },
      $inc: { version: 1 },
    },
  );
  // I-36: deleting removes the template from WeCom (and so from every group).
  if (kind === 'group') await wakeGroupTemplate(deps, tenantId, welcomeId);
  await recordAudit(caller, {
    action: 'welcome.delete',
    target: { type: `welcome-${kind}`, id: welcomeId, name: WELCOME_TITLES[kind] },
  });
}

function auditWelcome(
  caller: Caller,
  action: 'welcome.create' | 'welcome.update',
  kind: WelcomeKind,
  welcome: WelcomeView,
) {
  return recordAudit(caller, {
    action,
    target: { type: `welcome-${kind}`, id: welcome.id, name: `${WELCOME_TITLES[kind]}：${welcome.summary}` },
    after: welcome,
  });
}

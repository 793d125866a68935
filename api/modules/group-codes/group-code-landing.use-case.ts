import {
  NO_GROUP_AVAILABLE,
  type ScanRequest,
  type ScanResult,
} from '../../../lib/contracts/group-code.contract';
import { openImage } from '../../../lib/group-codes/group-code-images';
import { scanGroupCode } from '../../../lib/group-codes/group-code-scan';
import { recomputeGroupCodeStatus } from '../../../lib/group-codes/group-code-status';
import { GroupCodeGroupModel } from '../../../lib/models/group-code-group.model';
import { GroupCodeModel } from '../../../lib/models/group-code.model';
import type { AppContext } from '../../app-context';
import { notFound } from '../../http/app-error';
import { pokeGroupCodeRotation } from './group-code-rotation';

const NOT_FOUND = '该群活码已失效';

/** A code as the public landing page's address names it: every read filters on both, tenant first. */
type PublicCode = { tenantId: string; codeId: string };

/** The landing page's first look (no scan counted): name, guide, and whether to ask for a location. */
export async function landingOf({ tenantId, codeId }: PublicCode) {
  const code = await GroupCodeModel.findOne(
    { tenantId, _id: codeId, deletedAt: { $exists: false } },
    { name: 1, guide: 1, strategy: 1 },
  ).lean();
  if (!code) throw notFound(NOT_FOUND, 'GROUP_CODE_NOT_FOUND');
  return { name: code.name, guide: code.guide ?? '', strategy: code.strategy };
}

/**
 * A scan (R-2.1.3-09): the group the strategy gives, claimed atomically in MongoDB (lib/group-codes/
 * group-code-scan.ts). A scan that fills a group, or nearly, recomputes 活码状态 here at once, so the admin
 * list is right on its next read, and signals the rotation workflow, which owns the timers and the alerts;
 * the visitor's answer does not wait on anything else.
 */
export async function scanLanding(
  { tenantId, codeId, ...request }: ScanRequest & PublicCode,
  deps: Pick<AppContext, 'temporal' | 'log'>,
): Promise<ScanResult> {
  const position =
    request.latitude !== undefined && request.longitude !== undefined
      ? { latitude: request.latitude, longitude: request.longitude }
      : undefined;
  const outcome = await scanGroupCode(tenantId, codeId, position);
  if (!outcome) throw notFound(NOT_FOUND, 'GROUP_CODE_NOT_FOUND');
  if (outcome.needsReview) {
    const filled = !outcome.group || outcome.group.remaining <= 0;
    if (filled) await recomputeGroupCodeStatus(tenantId, codeId);
    // The visitor has their group already: a Temporal hiccup is logged, and the next expiry timer or edit
    // brings the workflow up to date anyway.
    await pokeGroupCodeRotation(deps.temporal, tenantId, codeId, outcome.code.name).catch((error: unknown) =>
      deps.log.warn({ err: error, tenantId, codeId }, 'group-code: could not signal the rotation workflow'),
    );
  }
  const { name, guide } = outcome.code;
  if (!outcome.group) return { name, guide, group: null, message: NO_GROUP_AVAILABLE };
  const group = outcome.group;
  return {
    name,
    guide,
    group: {
      id: group.id,
      name: group.name,
      qrUrl: `/api/public/group-codes/${encodeURIComponent(tenantId)}/${codeId}/groups/${group.id}/qr`,
    },
    message: null,
  };
}

/** The uploaded group QR image a scan was given, while its code is live. */
export async function scannedGroupQr({ tenantId, codeId, groupId }: PublicCode & { groupId: string }) {
  const code = await GroupCodeModel.exists({ tenantId, _id: codeId, deletedAt: { $exists: false } });
  const group = code
    ? await GroupCodeGroupModel.findOne({ tenantId, codeId, _id: groupId }, { qrFileId: 1 }).lean()
    : null;
  const opened = group ? await openImage(tenantId, group.qrFileId) : undefined;
  if (!opened) throw notFound('二维码不存在', 'IMAGE_NOT_FOUND');
  return opened;
}

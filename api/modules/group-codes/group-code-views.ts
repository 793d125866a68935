import type {
  GroupCodeDetail,
  GroupCodeRow,
  GroupCodeStatus,
  GroupCodeStrategy,
  GroupView,
} from '../../../lib/contracts/group-code.contract';
import { groupCodeLandingUrl } from '../../../lib/group-codes/group-code-qr';
import { expiryLabel, groupStates } from '../../../lib/group-codes/group-states';
import type { GroupCodeGroup } from '../../../lib/models/group-code-group.model';
import type { GroupCode } from '../../../lib/models/group-code.model';

export function groupCodeRow(code: GroupCode, publicUrl: string): GroupCodeRow {
  const id = String(code._id);
  return {
    id,
    name: code.name,
    scene: code.scene,
    strategy: code.strategy as GroupCodeStrategy,
    guide: code.guide ?? '',
    iconFileId: code.iconFileId ?? null,
    groupCount: code.groupCount,
    scanCount: code.scanCount,
    status: code.status as GroupCodeStatus,
    creatorName: code.creator.name,
    createdAt: code.createdAt.toISOString(),
    link: groupCodeLandingUrl(publicUrl, code.tenantId, id),
  };
}

export function groupCodeDetail(
  code: GroupCode,
  groups: GroupCodeGroup[],
  publicUrl: string,
  now = new Date(),
): GroupCodeDetail {
  const facts = groups.map((group) => ({
    id: String(group._id),
    position: group.position,
    expiresAt: group.expiresAt,
    scanLimit: group.scanLimit,
    remaining: group.remaining,
  }));
  const states = groupStates(facts, code.strategy as GroupCodeStrategy, now);
  const views: GroupView[] = groups.map((group) => ({
    id: String(group._id),
    qrFileId: group.qrFileId,
    name: group.name,
    expiresOn: group.expiresOn,
    expiresAt: expiryLabel(group.expiresOn),
    scanCount: group.scanCount,
    scanLimit: group.scanLimit,
    state: states.get(String(group._id)) ?? 'expired',
    store: group.store
      ? {
          name: group.store.name,
          address: group.store.address ?? '',
          latitude: group.store.latitude,
          longitude: group.store.longitude,
        }
      : null,
  }));
  return { ...groupCodeRow(code, publicUrl), groups: views };
}

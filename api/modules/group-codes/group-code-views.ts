import type {
  GroupCodeDetail,
  GroupCodeRow,
  GroupCodeStatus,
  GroupCodeStrategy,
  GroupView,
} from '../../../lib/contracts/group-code.contract';
import { undeliveredView } from '../../../lib/app-messages/undelivered-recipients';
import { groupCodeLandingUrl } from '../../../lib/group-codes/group-code-qr';
import type { CountedGroup } from '../../../lib/group-codes/group-code-status';
import { expiryLabel, groupStates } from '../../../lib/group-codes/group-states';
import type { GroupCodeGroup } from '../../../lib/models/group-code-group.model';
import type { GroupCode } from '../../../lib/models/group-code.model';
import type { AppConfig } from '../../../lib/config';

/** Where a code's landing links point: the api's public address (the app context's config, or the demo's). */
export interface GroupCodeLinks {
  config: Pick<AppConfig, 'publicUrl'>;
}

export function groupCodeRow(code: GroupCode, scanCount: number, publicUrl: string): GroupCodeRow {
  const id = String(code._id);
  return {
    id,
    name: code.name,
    scene: code.scene,
    strategy: code.strategy as GroupCodeStrategy,
    guide: code.guide ?? '',
    iconFileId: code.iconFileId ?? null,
    groupCount: code.groupCount,
    scanCount,
    status: code.status as GroupCodeStatus,
    creatorName: code.creator.name,
    createdAt: code.createdAt.toISOString(),
    link: groupCodeLandingUrl(publicUrl, code.tenantId, id),
    // Alerts go to the creator only, whose name the code keeps.
    alertUndelivered: undeliveredView(
      code.lastAlert?.undelivered,
      new Map([[code.creator.userid, code.creator.name]]),
    ),
  };
}

export function groupCodeDetail(
  code: GroupCode,
  scanCount: number,
  groups: GroupCodeGroup[],
  facts: CountedGroup[],
  publicUrl: string,
  now = new Date(),
): GroupCodeDetail {
  const counts = new Map(facts.map((fact) => [fact.id, fact.scanCount]));
  const states = groupStates(facts, code.strategy as GroupCodeStrategy, now);
  const views: GroupView[] = groups.map((group) => ({
    id: String(group._id),
    qrFileId: group.qrFileId,
    name: group.name,
    expiresOn: group.expiresOn,
    expiresAt: expiryLabel(group.expiresOn),
    scanCount: counts.get(String(group._id)) ?? 0,
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
  return { ...groupCodeRow(code, scanCount, publicUrl), groups: views };
}

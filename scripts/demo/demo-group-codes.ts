/**
 * 群活码 for the demo, one per 分配策略, made by the admin's 新建 use case and scanned through the public landing
 * page's: 溢出 with its first group full and the second nearly so (the rotation workflow warns the creator
 * before it runs dry), 轮流 spread over three groups, 就近 with a store per group and visitors near each. Each
 * 实际群码 image is a QR standing in for the one a group owner saves from WeCom. A code whose name exists is
 * kept as it is: its scans are counts a second start must not add to.
 */
import type { TemporalDeps } from '../../api/app-context';
import { createGroupCode } from '../../api/modules/group-codes/group-code-edit.use-case';
import { scanLanding } from '../../api/modules/group-codes/group-code-landing.use-case';
import {
  createGroupCodeSchema,
  GROUP_QR_VALID_DAYS,
  type GroupCodeStrategy,
} from '../../lib/contracts/group-code.contract';
import { storeImage } from '../../lib/group-codes/group-code-images';
import { qrPng } from '../../lib/qr/qr-png';
import type { VisitorPosition } from '../../lib/group-codes/allocation-order';
import type { Logger } from '../../lib/logger';
import { GroupCodeModel } from '../../lib/models/group-code.model';
import { businessDay } from '../../lib/org/manual-sync-quota';
import type { DemoAdmin } from './demo-admin';

interface DemoStore {
  name: string;
  address: string;
  latitude: number;
  longitude: number;
}

interface DemoGroupCode {
  name: string;
  scene: string;
  strategy: GroupCodeStrategy;
  guide: string;
  groups: Array<{ name: string; scanLimit: number; store?: DemoStore }>;
  /** One entry per scan: the visitor's position, when their browser gave one. */
  scans: Array<VisitorPosition | undefined>;
}

const STORES: DemoStore[] = [
  { name: '上海徐汇店', address: '上海市徐汇区漕溪北路88号', latitude: 31.1886, longitude: 121.4365 },
  { name: '杭州西湖店', address: '杭州市西湖区文三路259号', latitude: 30.259, longitude: 120.13 },
  { name: '深圳南山店', address: '深圳市南山区科技园南区', latitude: 22.5333, longitude: 113.9304 },
];

/** A visitor a few hundred metres from `store`. */
const near = (store: DemoStore, step: number): VisitorPosition => ({
  latitude: store.latitude + 0.002 * step,
  longitude: store.longitude - 0.002 * step,
});

const DEMO_GROUP_CODES: DemoGroupCode[] = [
  {
    name: '新品体验官招募',
    scene: '新品发布会',
    strategy: 'overflow',
    guide: '扫码进群，领取新品试用名额',
    groups: [
      { name: '新品体验群1', scanLimit: 20 },
      { name: '新品体验群2', scanLimit: 20 },
    ],
    // The first group full, the second with 3 places left.
    scans: Array.from({ length: 37 }, () => undefined),
  },
  {
    name: '会员日福利群',
    scene: '会员日活动',
    strategy: 'round-robin',
    guide: '进群领取会员日专属优惠券',
    groups: [
      { name: '会员福利群A', scanLimit: 200 },
      { name: '会员福利群B', scanLimit: 200 },
      { name: '会员福利群C', scanLimit: 200 },
    ],
    scans: Array.from({ length: 12 }, () => undefined),
  },
  {
    name: '门店会员群',
    scene: '线下门店引流',
    strategy: 'nearest',
    guide: '加入离您最近的门店会员群',
    groups: STORES.map((store) => ({ name: `${store.name}会员群`, scanLimit: 200, store })),
    scans: STORES.flatMap((store) => [1, 2, 3].map((step) => near(store, step))),
  },
];

export interface GroupCodeDeps {
  temporal: TemporalDeps;
  publicUrl: string;
  log: Logger;
}

async function uploadGroupQr(admin: DemoAdmin, groupName: string): Promise<string> {
  const image = await qrPng(`https://example.com/demo-group/${encodeURIComponent(groupName)}`, {
    width: 300,
    margin: 4,
  });
  return storeImage(admin.session.tenantId, admin.session.staffId, image, 'image/png');
}

async function createDemoCode(admin: DemoAdmin, demo: DemoGroupCode, deps: GroupCodeDeps): Promise<void> {
  // The longest 有效期 a group QR allows (I-22): the demo stays usable for a week.
  const expiresOn = businessDay(new Date(Date.now() + GROUP_QR_VALID_DAYS * 24 * 3600 * 1000));
  const groups = [];
  for (const group of demo.groups) {
    groups.push({ ...group, qrFileId: await uploadGroupQr(admin, group.name), expiresOn });
  }
  const input = createGroupCodeSchema.parse({ ...demo, groups });
  const code = await createGroupCode(admin.caller, input, {
    temporal: deps.temporal,
    config: { publicUrl: deps.publicUrl },
  });
  for (const position of demo.scans) {
    await scanLanding({ ...position, tenantId: admin.session.tenantId, codeId: code.id }, deps);
  }
}

/** Answers how many codes were created (and scanned) now. */
export async function seedDemoGroupCodes(admin: DemoAdmin, deps: GroupCodeDeps): Promise<number> {
  const { tenantId } = admin.session;
  let created = 0;
  for (const demo of DEMO_GROUP_CODES) {
    const same = await GroupCodeModel.find({ tenantId, name: demo.name }, { deletedAt: 1 }).lean();
    if (same.some((code) => !code.deletedAt)) continue;
    await createDemoCode(admin, demo, deps);
    created += 1;
  }
  return created;
}

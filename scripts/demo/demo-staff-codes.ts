/**
 * 员工活码 for the demo, with their own 欢迎语 and tags, made by the admin's 新建 use case: lina's 单人 code and a
 * 多人 code for 一组. Once a code's workflow has created its 「联系我」 way in WeCom, a few new customers scan
 * it through the simulator, and the product takes it from there as it would from real WeCom: the
 * add_external_contact callback, the customer stored, the code's welcome sent and its tags put on, the add
 * recorded for 扫码趋势. A code whose 活动场景 exists is kept; only a code made now is scanned (the simulator
 * forgets its ways when it restarts, so older codes have nothing to scan).
 */
import type { TemporalDeps } from '../../api/app-context';
import { createStaffCodes } from '../../api/modules/staff-codes/staff-codes.use-case';
import { createStaffCodeSchema } from '../../lib/contracts/staff-codes.contract';
import type { Logger } from '../../lib/logger';
import { CorpTagGroupModel } from '../../lib/models/corp-tag.model';
import { NewContactModel } from '../../lib/models/new-contact.model';
import { StaffCodeModel } from '../../lib/models/staff-code.model';
import { demoCorpSeed } from '../../wecom-sim/seed/demo-corp';
import type { DemoAdmin } from './demo-admin';
import { simulatorCall } from './simulator-scenario';
import { waitUntil } from './wait-until';

const demoDepartmentId = (name: string) => demoCorpSeed.departments.find((d) => d.name === name)!.id;

interface DemoStaffCode {
  kind: 'single' | 'multi';
  userids?: string[];
  departmentIds?: number[];
  scene: string;
  welcomeText: string;
  tagNames: string[];
  /** The new customers who scan it. */
  scanners: Array<{ name: string; gender: 1 | 2 }>;
}

const DEMO_STAFF_CODES: DemoStaffCode[] = [
  {
    kind: 'single',
    userids: ['lina'],
    scene: '李娜的名片码',
    welcomeText: '您好，我是华东区的李娜，很高兴认识您！有任何需要随时联系我。',
    tagNames: ['官网咨询'],
    scanners: [
      { name: '顾晓雯', gender: 2 },
      { name: '钱志远', gender: 1 },
      { name: '沈嘉怡', gender: 2 },
      { name: '陆明轩', gender: 1 },
    ],
  },
  {
    kind: 'multi',
    // 上海分部's 一组: its members answer the scans in turn.
    departmentIds: [demoDepartmentId('一组')],
    scene: '一组展会引流',
    welcomeText: '感谢您到展位交流！产品资料稍后发您，欢迎随时咨询。',
    tagNames: ['线下展会'],
    scanners: [
      { name: '蒋欣然', gender: 2 },
      { name: '秦浩宇', gender: 1 },
      { name: '施雨桐', gender: 2 },
      { name: '尤佳琪', gender: 2 },
      { name: '韦一鸣', gender: 1 },
      { name: '许诺', gender: 1 },
    ],
  },
];

export interface StaffCodeDeps {
  temporal: TemporalDeps & { log: Logger };
  corpId: string;
  wecomApiBase: string;
  /** How long to wait for a code's 「联系我」 way to exist in WeCom before giving up on its scans. */
  waitMs: number;
  say: (line: string) => void;
}

/** The tags the demo codes put on, by name, once the corp-tag sync has stored them; undefined until then. */
export async function demoCodeTagIds(tenantId: string): Promise<Map<string, string> | undefined> {
  const groups = await CorpTagGroupModel.find({ tenantId }, { tags: 1 }).lean();
  const byName = new Map(groups.flatMap((group) => group.tags.map((tag) => [tag.name, tag.tagId] as const)));
  const wanted = DEMO_STAFF_CODES.flatMap((code) => code.tagNames);
  return wanted.every((name) => byName.has(name)) ? byName : undefined;
}

async function createDemoCode(
  admin: DemoAdmin,
  demo: DemoStaffCode,
  tagIds: Map<string, string>,
  deps: StaffCodeDeps,
): Promise<string> {
  const request = createStaffCodeSchema.parse({
    kind: demo.kind,
    userids: demo.userids ?? [],
    departmentIds: demo.departmentIds ?? [],
    scene: demo.scene,
    welcomeText: demo.welcomeText,
    tagIds: demo.tagNames.map((name) => tagIds.get(name)),
  });
  const [code] = await createStaffCodes(admin.caller, request, {
    temporal: deps.temporal,
    log: deps.temporal.log,
  });
  return code.id;
}

async function scanDemoCode(tenantId: string, codeId: string, demo: DemoStaffCode, deps: StaffCodeDeps) {
  const configId = await waitUntil(async () => {
    const code = await StaffCodeModel.findOne({ tenantId, _id: codeId }, { wecom: 1 }).lean();
    return code?.wecom?.configId ?? undefined;
  }, deps.waitMs);
  if (!configId) {
    deps.say(
      `Demo 员工活码: 「${demo.scene}」 has no WeCom 联系我 way after ${deps.waitMs / 1000} s, not scanned`,
    );
    return 0;
  }
  for (const scanner of demo.scanners) {
    await simulatorCall(deps.wecomApiBase, 'POST', `/corps/${deps.corpId}/contact-ways/${configId}/scans`, {
      ...scanner,
      type: 1,
    });
  }
  return demo.scanners.length;
}

/** Answers the codes created now and the scans made of them. */
export async function seedDemoStaffCodes(
  admin: DemoAdmin,
  tagIds: Map<string, string>,
  deps: StaffCodeDeps,
): Promise<{ created: number; scans: number }> {
  const { tenantId } = admin.session;
  const made: Array<{ codeId: string; demo: DemoStaffCode }> = [];
  for (const demo of DEMO_STAFF_CODES) {
    const same = await StaffCodeModel.find({ tenantId, scene: demo.scene }, { deletedAt: 1 }).lean();
    if (same.some((code) => !code.deletedAt)) continue;
    made.push({ codeId: await createDemoCode(admin, demo, tagIds, deps), demo });
  }
  let scans = 0;
  for (const { codeId, demo } of made) scans += await scanDemoCode(tenantId, codeId, demo, deps);
  return { created: made.length, scans };
}

/** The adds the demo codes have brought in, oldest first, as the welcome workflow recorded them. */
export async function demoCodeAdds(tenantId: string) {
  const demoScenes = new Set(DEMO_STAFF_CODES.map((code) => code.scene));
  const codes = await StaffCodeModel.find({ tenantId }, { scene: 1, deletedAt: 1 }).lean();
  const adds = [];
  for (const code of codes.filter((c) => demoScenes.has(c.scene) && !c.deletedAt)) {
    adds.push(...(await NewContactModel.find({ tenantId, codeId: String(code._id) }).lean()));
  }
  return adds.sort((a, b) => a.addedAt.getTime() - b.addedAt.getTime());
}

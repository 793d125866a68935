/**
 * What the demo shows beyond the synced corp, in the two moments `npm start` gives the seed. Before the api
 * starts: 敏感消息 rules (in place before the demo archive is ingested), 欢迎语 and 群活码, none of which needs
 * the org or WeCom's side. After the api and the worker are up (--simulator): what needs the synced staff and
 * the simulator's callbacks: seats, 员工活码 with their scans, 联系记录, and the 知识库 (indexed as the api does). Each step keeps what exists, so a second
 * start adds nothing; a wait that runs out says so and leaves its step to a later start.
 */
import type { Client } from '@temporalio/client';
import type { Logger } from '../../lib/logger';
import type { ListSearch } from '../../lib/search/list-read-model';
import type { DemoAdmin } from './demo-admin';
import { seedDemoAnalytics } from './demo-analytics';
import { customerVisible, seedDemoContactRecords } from './demo-contact-records';
import { seedDemoGroupCodes } from './demo-group-codes';
import { seedDemoKnowledge } from './demo-knowledge';
import { seedDemoSop } from './demo-sop';
import { seatDemoStaff, demoSeatedStaff, orgSyncFinished } from './demo-seats';
import { seedDemoSensitiveRules } from './demo-sensitive-rules';
import { demoCodeAdds, demoCodeTagIds, seedDemoStaffCodes } from './demo-staff-codes';
import { seedDemoWelcomeMessages } from './demo-welcome-messages';
import { waitUntil } from './wait-until';

/** The longest the seed waits for the worker at any one step. */
const WAIT_MS = 60_000;

export interface DemoContentDeps {
  temporal: Client;
  taskQueue: string;
  publicUrl: string;
  log: Logger;
  /** One line per step, for npm start's output. */
  say: (line: string) => void;
}

export async function seedDemoContent(admin: DemoAdmin, deps: DemoContentDeps): Promise<void> {
  const temporal = { client: deps.temporal, taskQueue: deps.taskQueue, log: deps.log };
  const rules = await seedDemoSensitiveRules(admin);
  const welcomes = await seedDemoWelcomeMessages(admin, temporal);
  const groupCodes = await seedDemoGroupCodes(admin, { temporal, publicUrl: deps.publicUrl, log: deps.log });
  deps.say(
    `Demo content: ${rules} 敏感消息 rules, ${welcomes} 欢迎语, ${groupCodes} 群活码 with their scans created` +
      ' (what existed is kept)',
  );
}

export interface DemoActivityDeps extends DemoContentDeps {
  corpId: string;
  wecomApiBase: string;
  /** The list read models, whose indexes the api and the worker have made by now. */
  listSearch: ListSearch;
}

async function seatStaff(admin: DemoAdmin, deps: DemoActivityDeps): Promise<void> {
  const seated = demoSeatedStaff();
  deps.say(
    `Demo seats: waiting for the org sync to store ${seated.join(', ')} (at most ${WAIT_MS / 1000} s)…`,
  );
  const synced = await waitUntil(
    async () => ((await orgSyncFinished(admin.session.tenantId)) ? true : undefined),
    WAIT_MS,
  );
  if (!synced) {
    deps.say('Demo seats: the org sync has not finished yet (see the worker log); the next start seats them');
    return;
  }
  const { switchedOn, seatsInUse } = await seatDemoStaff(admin);
  deps.say(`Demo seats: ${switchedOn} staff switched on (开启系统), ${seatsInUse} seats in use`);
}

async function staffCodesAndRecords(admin: DemoAdmin, deps: DemoActivityDeps): Promise<void> {
  const { tenantId } = admin.session;
  const tagIds = await waitUntil(() => demoCodeTagIds(tenantId), WAIT_MS);
  if (!tagIds) {
    deps.say('Demo 员工活码: the corp-tag sync has not stored the tags yet; the next start makes the codes');
    return;
  }
  const temporal = { client: deps.temporal, taskQueue: deps.taskQueue, log: deps.log };
  const before = (await demoCodeAdds(tenantId)).length;
  const { created, scans } = await seedDemoStaffCodes(admin, tagIds, {
    temporal,
    corpId: deps.corpId,
    wecomApiBase: deps.wecomApiBase,
    waitMs: WAIT_MS,
    say: deps.say,
  });
  deps.say(`Demo 员工活码: ${created} created, scanned ${scans} times by new customers`);
  if (scans > 0) {
    // The add is recorded by the welcome workflow and the customer stored by the customer events, apart.
    const arrived = await waitUntil(async () => {
      const adds = await demoCodeAdds(tenantId);
      if (adds.length < before + scans) return undefined;
      for (const add of adds) if (!(await customerVisible(admin, add.externalUserid))) return undefined;
      return true;
    }, WAIT_MS);
    if (!arrived) {
      deps.say('Demo 员工活码: not every scan has reached the product yet (see the worker log)');
    }
  }
  const records = await seedDemoContactRecords(admin, temporal);
  deps.say(`Demo 联系记录: ${records} records and reminders written`);
}

export async function seedDemoActivity(admin: DemoAdmin, deps: DemoActivityDeps): Promise<void> {
  await seatStaff(admin, deps);
  await staffCodesAndRecords(admin, deps);
  const items = await seedDemoKnowledge(admin, deps);
  deps.say(`Demo 知识库: ${items} 话术, 常用语 and 常用链接 created (what existed is kept)`);
  const temporal = { client: deps.temporal, taskQueue: deps.taskQueue };
  const sop = await seedDemoSop(admin, { listSearch: deps.listSearch, temporal, log: deps.log });
  deps.say(
    sop
      ? 'Demo SOP: plan 新客户首周跟进 created and switched on (its reminders reach the staff as 待办)'
      : 'Demo SOP: a plan exists already, kept',
  );
  deps.say(`Demo 统计分析: ${await seedDemoAnalytics(admin, { temporal, waitMs: WAIT_MS })}`);
}

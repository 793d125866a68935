import { SopTargetModel } from '../../lib/models/sop-target.model';
import { SopTodoModel } from '../../lib/models/sop-todo.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { faultCells } from '../support/fault-cells';
import { startFaultRig, type FaultRig } from '../support/fault-rig';
import { cardsByMember, createPlanOverEveryone, prepareSopCorp, type SopCorp } from '../support/sop-fixture';
import { freshTenantId } from '../support/tenant-fixture';

/** The small customer corp's 跟进人 (populateCustomerCorp). */
const MEMBERS = 3;
const MESSAGE_PATH = '/message/send';
/** Each reminder takes this long to reach WeCom, so a fault lands while the to-dos' messages go out. */
const SLOW_MESSAGE_MS = 1500;
/** Each chunk the worker sends Elasticsearch is held this long, so a fault may land while members enter. */
const SLOW_SEARCH_MS = 300;

/**
 * SOP reminders (a plan switched on → its customers enter through the list search → one to-do per 跟进人 →
 * one reminder each, an app message in WeCom) through every fault a worker can meet: each run switches on a
 * plan of its own, due at once, over every customer of the small corp (4 customers, 3 跟进人). The fault-free
 * end state: every customer handed out once, one to-do and one reminder received per 跟进人.
 */
describe('SOP reminders × faults', () => {
  let app: TestApp;
  let rig: FaultRig;
  let sop: SopCorp;

  beforeAll(async () => {
    app = await startTestApp('faults-sop');
    rig = await startFaultRig(app, 'sop');
    await rig.worker.start();
    sop = await prepareSopCorp(app, {
      tenantId: freshTenantId('faults-sop'),
      adminMobile: '13700000991',
      corpName: 'SOP故障企业',
    });
    await rig.setBaseLatency(MESSAGE_PATH, SLOW_MESSAGE_MS);
  }, 240_000);

  afterEach(() => rig.setSearchDelay(0));

  afterAll(async () => {
    await rig?.close();
    await app?.stop();
  }, 60_000);

  /** WeCom lower-cases the userids it delivers to. */
  const members = () => sop.built.staff.map((userid) => userid.toLowerCase());

  faultCells(
    'SOP reminders',
    () => rig,
    [
      'worker-kill',
      'db-cut',
      'es-cut',
      'temporal-cut',
      'wecom-down',
      'wecom-5xx',
      'wecom-busy',
      'wecom-slow',
    ],
    {
      windowMs: MEMBERS * SLOW_MESSAGE_MS + 1500,
      recoverWithinMs: 180_000,
      async start(label) {
        const taskName = `故障提醒${label}`;
        rig.setSearchDelay(SLOW_SEARCH_MS);
        return { taskName, planId: await createPlanOverEveryone(sop, taskName) };
      },
      async done({ planId }) {
        const todos = await SopTodoModel.find({ tenantId: sop.tenantId, planId }, { notifiedAt: 1 }).lean();
        return todos.length >= members().length && todos.every((todo) => todo.notifiedAt);
      },
      async tally({ planId, taskName }) {
        rig.setSearchDelay(0);
        const [targets, todos, cards] = await Promise.all([
          SopTargetModel.find({ tenantId: sop.tenantId, planId }, { memberId: 1 }).lean(),
          SopTodoModel.find({ tenantId: sop.tenantId, planId }, { assigneeUserid: 1 }).lean(),
          cardsByMember(sop, taskName),
        ]);
        return [
          {
            what: 'customers handed out',
            expected: sop.built.customers,
            observed: targets.map((target) => target.memberId),
          },
          {
            what: 'to-dos',
            expected: members(),
            observed: todos.map((todo) => todo.assigneeUserid.toLowerCase()),
          },
          {
            what: 'reminders received',
            expected: members(),
            observed: [...cards].flatMap(([userid, count]) => Array<string>(count).fill(userid)),
          },
        ];
      },
    },
  );
});

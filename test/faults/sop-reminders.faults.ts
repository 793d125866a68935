import { SopTargetModel } from '../../lib/models/sop-target.model';
import { SopTodoModel } from '../../lib/models/sop-todo.model';
import { describeFaultRow } from '../support/fault-row';
import { cardsByMember, createPlanOverEveryone, prepareSopCorp, type SopCorp } from '../support/sop-fixture';
import { freshTenantId } from '../support/tenant-fixture';

/** The small customer corp's 跟进人 (populateCustomerCorp). */
const MEMBERS = 3;
const MESSAGE_PATH = '/message/send';
/** Each reminder takes this long to reach WeCom, so a fault lands while the to-dos' messages go out. */
const SLOW_MESSAGE_MS = 1500;
/** Each chunk the worker sends Elasticsearch is held this long, so a fault may land while members enter. */
const SLOW_SEARCH_MS = 300;
const ADMIN_MOBILE = '13700000991';

/**
 * SOP reminders (a plan switched on → its customers enter through the list search → one to-do per 跟进人 →
 * one reminder each, an app message in WeCom) through every fault: each run switches on a plan of its own, due
 * at once, over every customer of the small corp (4 customers, 3 跟进人), made as the admin makes it and followed
 * on its 计划详情 (执行员工数), both through the rig's api process, so that the api-kill cell kills the api while
 * the plan's members enter and the admin reads its figures. The fault-free end state: every customer handed out
 * once, one to-do and one reminder received per 跟进人.
 */
let sop: SopCorp;

/** WeCom lower-cases the userids it delivers to. */
const members = () => sop.built.staff.map((userid) => userid.toLowerCase());

describeFaultRow(
  'SOP reminders',
  {
    name: 'sop',
    wecomLatency: { [MESSAGE_PATH]: SLOW_MESSAGE_MS },
    async setup(row) {
      const prepared = await prepareSopCorp(row.app, {
        tenantId: freshTenantId('faults-sop'),
        adminMobile: ADMIN_MOBILE,
        corpName: 'SOP故障企业',
      });
      sop = { ...prepared, admin: await row.operator(ADMIN_MOBILE) };
    },
  },
  (row) => ({
    windowMs: MEMBERS * SLOW_MESSAGE_MS + 1500,
    recoverWithinMs: 180_000,
    async start(label) {
      const taskName = `故障提醒${label}`;
      row.rig.setSearchDelay(SLOW_SEARCH_MS);
      return { taskName, planId: await createPlanOverEveryone(sop, taskName) };
    },
    async done({ planId }) {
      const { body } = await sop.admin.get(`/api/sop/plans/${planId}/stats`).expect(200);
      if (body.staffCount !== MEMBERS) return false;
      const todos = await SopTodoModel.find({ tenantId: sop.tenantId, planId }, { notifiedAt: 1 }).lean();
      return todos.length >= members().length && todos.every((todo) => todo.notifiedAt);
    },
    async tally({ planId, taskName }) {
      row.rig.setSearchDelay(0);
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
  }),
);

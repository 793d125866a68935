import { memberStatus } from '../contacts/member-roster';
import { SimState } from '../state/sim-state';
import {
  DEMO_ADMIN_MOBILE,
  DEMO_ADMIN_USERID,
  DEMO_APP_AGENT_ID,
  DEMO_CORP_ID,
  DEMO_CORP_NAME,
  demoCorpSeed,
} from './demo-corp';

function plantDemo() {
  const corp = new SimState({ seeds: [demoCorpSeed] }).corp(DEMO_CORP_ID);
  if (!corp) throw new Error('demo corp missing');
  return corp;
}

describe('demo corp seed', () => {
  it('is the same on every start: ids, secrets and derived member ids', () => {
    const first = plantDemo();
    const second = plantDemo();
    expect(second.identity).toEqual(first.identity);
    expect(second.contacts.departments.subtree()).toEqual(first.contacts.departments.subtree());
    expect(second.contacts.members.all()).toEqual(first.contacts.members.all());
  });

  it('is 沃丰时代 with a ww+16-hex corpId, four distinct 43-character secrets and an agentId', () => {
    const corp = plantDemo();
    expect(corp.identity.name).toBe(DEMO_CORP_NAME);
    expect(DEMO_CORP_ID).toMatch(/^ww[0-9a-f]{16}$/);
    const secrets = Object.values(corp.identity.secrets);
    expect(new Set(secrets).size).toBe(4);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(corp.identity.appAgentId).toBe(DEMO_APP_AGENT_ID);
  });

  it('has about a dozen departments, five levels deep under the root', () => {
    const corp = plantDemo();
    const departments = corp.contacts.departments.subtree();
    expect(departments.length).toBeGreaterThanOrEqual(12);
    const path = [5, 4, 3, 2, 1].map((id) => corp.contacts.departments.get(id).name);
    expect(path).toEqual(['一组', '上海分部', '华东区', '销售部', DEMO_CORP_NAME]);
  });

  it('has about 30 staff with unique mobiles, some in two departments, some leading', () => {
    const members = plantDemo().contacts.members.all();
    expect(members).toHaveLength(30);
    expect(new Set(members.map((member) => member.mobile)).size).toBe(30);
    for (const member of members) expect(member.mobile).toMatch(/^1\d{10}$/);
    expect(members.filter((member) => member.department.length === 2).length).toBeGreaterThanOrEqual(3);
    expect(members.filter((member) => member.is_leader_in_dept.includes(1)).length).toBeGreaterThanOrEqual(5);
    expect(new Set(members.map(memberStatus))).toEqual(new Set([1, 2, 4]));
  });

  it('includes the demo admin in the root department with the login phone', () => {
    const admin = plantDemo().contacts.members.get(DEMO_ADMIN_USERID);
    expect(admin).toMatchObject({ name: '管理员', mobile: DEMO_ADMIN_MOBILE, department: [1] });
    expect(memberStatus(admin)).toBe(1);
  });
});

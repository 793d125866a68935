import { Corp } from './corp';

const identity = {
  corpId: 'wwlazy',
  name: '懒种企业',
  secrets: { contacts: 'c', externalContact: 'e', app: 'a', archive: 'r' },
  appAgentId: 1000002,
};

describe('a seeded customer side is planted on first use', () => {
  it('plants once, when first read, with the time it was seeded at', () => {
    let now = 1_000;
    const corp = new Corp(identity, () => now);
    let planted = 0;
    corp.seedCustomerSide((c) => {
      planted += 1;
      c.corpTags.add({ group_name: '种子', tag: [{ name: '甲' }] });
    }, 500);
    now = 2_000;
    expect(planted).toBe(0);

    const [group] = corp.corpTags.list();
    expect(planted).toBe(1);
    expect(group.create_time).toBe(500);
    corp.customers.has('wm-none');
    expect(corp.groupChats).toBeDefined();
    expect(planted).toBe(1);
    // Later tags carry the clock again.
    corp.corpTags.add({ group_name: '之后', tag: [{ name: '乙' }] });
    expect(corp.corpTags.list().find((g) => g.group_name === '之后')?.create_time).toBe(2_000);
  });
});

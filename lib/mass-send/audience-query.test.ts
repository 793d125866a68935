import { chooseSender, customerAudienceQuery } from './audience-query';

const ALL = { all: true } as const;

describe('who sends to a customer with several adders (I-65)', () => {
  const customer = { ownerUserid: 'li', adderUserids: ['zhang', 'li', 'wang'] };

  it('is the 跟进人 when no 添加人 was chosen', () => {
    expect(chooseSender(customer, [], ALL)).toBe('li');
  });

  it('is the 跟进人 when among the chosen, else the oldest chosen adder', () => {
    expect(chooseSender(customer, ['wang', 'li'], ALL)).toBe('li');
    expect(chooseSender(customer, ['wang', 'zhang'], ALL)).toBe('zhang');
    expect(chooseSender(customer, ['wang'], ALL)).toBe('wang');
  });

  it('keeps to the creator’s 数据权限', () => {
    expect(chooseSender(customer, [], { all: false, userids: ['wang'] })).toBe('wang');
    expect(chooseSender(customer, ['zhang'], { all: false, userids: ['wang'] })).toBeNull();
  });

  it('skips a 跟进人 who is no longer an adder', () => {
    expect(chooseSender({ ownerUserid: 'gone', adderUserids: ['zhang'] }, [], ALL)).toBe('zhang');
    expect(chooseSender({ ownerUserid: null, adderUserids: [] }, [], ALL)).toBeNull();
  });
});

describe('the customer audience as an index query (I-62)', () => {
  it('removes anyone with an excluded tag, whatever else matched', () => {
    const query = customerAudienceQuery(
      't1',
      { mode: 'filter', adderUserids: ['zhang'], tagIds: ['vip'], excludeTagIds: ['blocked'] },
      ALL,
    );
    expect(query.bool?.must_not).toEqual([{ terms: { tagIds: ['blocked'] } }]);
    const filters = JSON.stringify(query.bool?.filter);
    expect(filters).toContain('"adderUserids":["zhang"]');
    expect(filters).toContain('"tagIds":["vip"]');
  });

  it('is every active customer in scope for 全部客户', () => {
    const query = customerAudienceQuery(
      't1',
      { mode: 'all', excludeTagIds: [] },
      { all: false, userids: ['li'] },
    );
    expect(query).toEqual({
      bool: {
        filter: [
          { term: { tenantId: 't1' } },
          { term: { active: true } },
          { terms: { adderUserids: ['li'] } },
        ],
      },
    });
  });
});

describe('chosen 添加人 outside the creator’s 数据权限', () => {
  it('keep only those in scope, and match no one when none is', () => {
    const scoped = { all: false as const, userids: ['li'] };
    const both = customerAudienceQuery(
      't1',
      { mode: 'filter', adderUserids: ['li', 'zhang'], tagIds: [], excludeTagIds: [] },
      scoped,
    );
    expect(JSON.stringify(both)).toContain('"adderUserids":["li"]}');
    expect(
      customerAudienceQuery(
        't1',
        { mode: 'filter', adderUserids: ['zhang'], tagIds: ['vip'], excludeTagIds: [] },
        scoped,
      ),
    ).toEqual({ match_none: {} });
  });
});

import { customerSearchQuery } from './customer-search-query';

const filters = (query: ReturnType<typeof customerSearchQuery>) => query.bool?.filter;

describe('customerSearchQuery', () => {
  it('always filters by the tenant and lists active customers only', () => {
    expect(filters(customerSearchQuery('t1', {}, { all: true }))).toEqual([
      { term: { tenantId: 't1' } },
      { term: { active: true } },
    ]);
  });

  it('keeps the data scope (any adder in scope, I-104) apart from the chosen 添加人, so both must hold', () => {
    const query = customerSearchQuery('t1', { adderUserids: ['b'] }, { all: false, userids: ['a', 'b'] });
    expect(filters(query)).toEqual([
      { term: { tenantId: 't1' } },
      { term: { active: true } },
      { terms: { adderUserids: ['a', 'b'] } },
      { terms: { adderUserids: ['b'] } },
    ]);
  });

  it('matches any or all of the chosen tags', () => {
    expect(
      filters(customerSearchQuery('t1', { tagIds: ['x', 'y'], tagMatch: 'any' }, { all: true })),
    ).toContainEqual({
      terms: { tagIds: ['x', 'y'] },
    });
    const all = filters(customerSearchQuery('t1', { tagIds: ['x', 'y'], tagMatch: 'all' }, { all: true }));
    expect(all).toContainEqual({ term: { tagIds: 'x' } });
    expect(all).toContainEqual({ term: { tagIds: 'y' } });
  });

  it('searches name or phones for the keyword and the three company names for 企业', () => {
    const query = customerSearchQuery('t1', { keyword: '张三', corpName: '沃' }, { all: true });
    expect(filters(query)).toContainEqual({
      bool: {
        should: [
          { match_phrase: { 'name.unigrams': { query: 'u5f20 u4e09', analyzer: 'standard' } } },
          { match_phrase: { 'phones.unigrams': { query: 'u5f20 u4e09', analyzer: 'standard' } } },
        ],
        minimum_should_match: 1,
      },
    });
    expect(filters(query)).toContainEqual({
      match_phrase: { 'corp.unigrams': { query: 'u6c83', analyzer: 'standard' } },
    });
  });

  it('takes day ranges as China days, both ends inclusive', () => {
    const query = customerSearchQuery(
      't1',
      { addedFrom: '2026-11-01', addedTo: '2026-11-02', lastContactFrom: '2026-11-20' },
      { all: true },
    );
    expect(filters(query)).toContainEqual({
      range: { firstAddedAt: { gte: '2026-10-31T16:00:00.000Z', lt: '2026-11-02T16:00:00.000Z' } },
    });
    expect(filters(query)).toContainEqual({ range: { lastContactAt: { gte: '2026-11-19T16:00:00.000Z' } } });
  });

  it('filters 跟进人, 客户来源 and 客户类型 exactly', () => {
    const query = customerSearchQuery('t1', { ownerUserids: ['a'], source: '官网', type: 2 }, { all: true });
    expect(filters(query)).toEqual(
      expect.arrayContaining([
        { terms: { ownerUserid: ['a'] } },
        { term: { source: '官网' } },
        { term: { type: 2 } },
      ]),
    );
  });
});

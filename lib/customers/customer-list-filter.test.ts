import { customerListFilter } from './customer-list-filter';

describe('customerListFilter', () => {
  it('lists the tenant’s active customers with an adder in scope (I-104)', () => {
    expect(customerListFilter('t1', {}, { all: true })).toEqual({ tenantId: 't1', active: true });
    expect(customerListFilter('t1', {}, { all: false, userids: ['a'] })).toEqual({
      tenantId: 't1',
      active: true,
      adderUserids: { $in: ['a'] },
    });
  });

  it('keeps the chosen 添加人 apart from the data scope, so both must hold', () => {
    const filter = customerListFilter('t1', { adderUserids: ['b'] }, { all: false, userids: ['a', 'b'] });
    expect(filter.adderUserids).toEqual({ $in: ['a', 'b'] });
    expect(filter.$and).toEqual([{ adderUserids: { $in: ['b'] } }]);
  });

  it('matches any or all of the chosen tags', () => {
    expect(customerListFilter('t1', { tagIds: ['x', 'y'], tagMatch: 'any' }, { all: true }).tagIds).toEqual({
      $in: ['x', 'y'],
    });
    expect(customerListFilter('t1', { tagIds: ['x', 'y'], tagMatch: 'all' }, { all: true }).tagIds).toEqual({
      $all: ['x', 'y'],
    });
  });

  it('searches a keyword literally, not as a pattern', () => {
    const filter = customerListFilter('t1', { keyword: '1+1' }, { all: true });
    const [{ $or }] = filter.$and as Array<{ $or: Array<{ name: RegExp }> }>;
    expect($or[0].name.test('a1+1b')).toBe(true);
    expect($or[0].name.test('11')).toBe(false);
  });
});

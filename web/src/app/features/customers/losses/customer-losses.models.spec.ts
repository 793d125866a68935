import { lossFilterParams, toLossFilters } from './customer-losses.models';

describe('流失客户 filter bar', () => {
  it('leaves empty fields out', () => {
    expect(toLossFilters({ userid: null, kind: 'all', range: [], tagId: null })).toEqual({});
    expect(lossFilterParams({}).toString()).toBe('');
  });

  it('sends 员工, 流失方式, whole days of the range and 标签', () => {
    const filters = toLossFilters({
      userid: 'zhangsan',
      kind: 'deleted_by_staff',
      range: [new Date(2026, 10, 1, 13), new Date(2026, 10, 5, 9)],
      tagId: 't1',
    });
    expect(filters).toEqual({
      userid: 'zhangsan',
      kind: 'deleted_by_staff',
      from: '2026-11-01',
      to: '2026-11-05',
      tagId: 't1',
    });
    expect(lossFilterParams(filters).toString()).toBe(
      'userid=zhangsan&kind=deleted_by_staff&from=2026-11-01&to=2026-11-05&tagId=t1',
    );
  });
});

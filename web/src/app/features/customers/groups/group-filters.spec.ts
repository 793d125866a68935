import { toFilters } from './group-filters';

describe('客户群 search form', () => {
  it('leaves empty fields out and turns date ranges into whole days', () => {
    expect(
      toFilters({ keyword: '  ', ownerUserids: [], groupTagIds: [], lastMessageRange: [], createdRange: [] }),
    ).toEqual({});
    expect(
      toFilters({
        keyword: ' 销售 ',
        ownerUserids: ['zhangsan'],
        groupTagIds: ['t1', 't2'],
        lastMessageRange: [new Date(2026, 10, 1, 13), new Date(2026, 10, 5, 9)],
        createdRange: [new Date(2026, 0, 1), new Date(2026, 0, 31)],
      }),
    ).toEqual({
      keyword: '销售',
      ownerUserid: ['zhangsan'],
      groupTagId: ['t1', 't2'],
      lastMessageFrom: '2026-11-01',
      lastMessageTo: '2026-11-05',
      createdFrom: '2026-01-01',
      createdTo: '2026-01-31',
    });
  });
});

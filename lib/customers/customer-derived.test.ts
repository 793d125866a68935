import { deriveCustomerFields } from './customer-derived';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));

describe('deriveCustomerFields', () => {
  it('orders adders by add time; the first is 跟进人 and gives the source', () => {
    const derived = deriveCustomerFields([
      { userid: 'b', addedAt: at(5), tagIds: ['t2'], remarkMobiles: ['139'], addWay: 3 },
      { userid: 'a', addedAt: at(2), tagIds: ['t1', 't2'], remarkMobiles: [], addWay: 1 },
    ]);
    expect(derived).toEqual({
      adderUserids: ['a', 'b'],
      ownerUserid: 'a',
      firstAddedAt: at(2),
      tagIds: ['t1', 't2'],
      phones: ['139'],
      addWay: 1,
      active: true,
    });
  });

  it('leaves ended relations out, and a customer nobody follows is inactive', () => {
    const derived = deriveCustomerFields(
      [{ userid: 'a', addedAt: at(2), tagIds: ['t1'], remarkMobiles: ['138'], addWay: 1, deletedAt: at(9) }],
      '13700000000',
    );
    expect(derived).toEqual({
      adderUserids: [],
      ownerUserid: null,
      firstAddedAt: null,
      tagIds: [],
      phones: ['13700000000'],
      addWay: null,
      active: false,
    });
  });
});

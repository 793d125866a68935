import { customerEventFigures, sourceOfAddWay } from './customer-event-figures';

describe('customerEventFigures', () => {
  it('maps add ways to the two sources of the pie, everything else to 其他', () => {
    expect(sourceOfAddWay(1)).toBe('qrcode');
    expect(sourceOfAddWay(3)).toBe('card');
    for (const other of [0, 2, 4, 5, 8, 201, undefined, null]) expect(sourceOfAddWay(other)).toBe('other');
  });

  it('counts adds, requests and both deletions per member, and adds by source; edits count for nothing', () => {
    const figures = customerEventFigures([
      { userid: 'a', kind: 'added', addWay: 1 },
      { userid: 'a', kind: 'added', addWay: 3 },
      { userid: 'a', kind: 'added', addWay: 2 },
      { userid: 'a', kind: 'added' },
      { userid: 'a', kind: 'half_added' },
      { userid: 'a', kind: 'deleted_by_staff' },
      { userid: 'b', kind: 'deleted_by_customer' },
      { userid: 'b', kind: 'deleted_by_customer' },
      { userid: 'c', kind: 'edited' },
    ]);
    expect(Object.fromEntries(figures)).toEqual({
      a: {
        newApply: 1,
        newContact: 4,
        deletedByStaff: 1,
        deletedByCustomer: 0,
        sources: { qrcode: 1, card: 1, other: 2 },
      },
      b: {
        newApply: 0,
        newContact: 0,
        deletedByStaff: 0,
        deletedByCustomer: 2,
        sources: { qrcode: 0, card: 0, other: 0 },
      },
    });
  });
});

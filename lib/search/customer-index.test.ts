import { Types } from 'mongoose';
import { customerSearchVersion, toCustomerSearchDocument } from './customer-index';

describe('toCustomerSearchDocument', () => {
  const _id = new Types.ObjectId();
  const customer = {
    _id,
    tenantId: 't1',
    externalUserid: 'wm1',
    active: true,
    adderUserids: ['a', 'b'],
    ownerUserid: 'a',
    firstAddedAt: new Date('2026-11-01T02:00:00Z'),
    profile: { source: '官网', corpName: '' },
    tagIds: ['x'],
    type: 2,
    name: 'Li',
    phones: ['139'],
    corpName: '沃丰',
    corpFullName: '北京沃丰',
    updatedAt: new Date('2026-11-02T00:00:00Z'),
  };

  it('holds the list’s filter and sort fields, keyed by the MongoDB id', () => {
    expect(toCustomerSearchDocument(customer)).toMatchObject({
      tenantId: 't1',
      mongoId: _id.toHexString(),
      active: true,
      adderUserids: ['a', 'b'],
      ownerUserid: 'a',
      firstAddedAt: '2026-11-01T02:00:00.000Z',
      lastContactAt: null,
      source: '官网',
      tagIds: ['x'],
      type: 2,
    });
  });

  it('makes the name, every phone and every non-empty company name searchable', () => {
    const doc = toCustomerSearchDocument(customer);
    expect(doc.name.unigrams).toBe('u6c u69');
    expect(doc.phones).toHaveLength(1);
    expect(doc.corp).toHaveLength(2);
  });

  it('is versioned by updatedAt, so an older copy never replaces a newer one', () => {
    expect(customerSearchVersion(customer)).toBe(Date.parse('2026-11-02T00:00:00Z'));
  });
});

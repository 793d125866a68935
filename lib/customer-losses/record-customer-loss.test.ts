import { lossKindOf, type RelationEnd } from './record-customer-loss';

const end = (ChangeType: RelationEnd['ChangeType'], Source?: string): RelationEnd => ({
  ChangeType,
  UserID: 'lina',
  ExternalUserID: 'wm1',
  CreateTime: 1_765_000_000,
  ...(Source ? { Source } : {}),
});

describe('lossKindOf', () => {
  it('counts a customer deleting the member and a member deleting the customer', () => {
    expect(lossKindOf(end('del_follow_user'))).toBe('deleted_by_customer');
    expect(lossKindOf(end('del_external_contact'))).toBe('deleted_by_staff');
  });

  it('does not count 在职继承 removing the relation (Source DELETE_BY_TRANSFER)', () => {
    expect(lossKindOf(end('del_external_contact', 'DELETE_BY_TRANSFER'))).toBeNull();
  });
});

import { customerGroupSearchQuery, toCustomerGroupDocument } from './customer-group-index';
import { substringTokens } from './substring-tokens';

describe('the 客户群 read model', () => {
  it('stores a group as the list shows it, a group without tags or dates included', () => {
    const document = toCustomerGroupDocument({
      tenantId: 't1',
      chatId: 'wr-1',
      ownerUserid: 'lina',
      name: '销售群',
      createdAt: new Date('2026-11-01T02:00:00Z'),
    });
    expect(document).toEqual({
      tenantId: 't1',
      chatId: 'wr-1',
      name: substringTokens('销售群'),
      ownerUserid: 'lina',
      groupTagIds: [],
      createdAt: '2026-11-01T02:00:00.000Z',
      lastMessageAt: null,
      dismissed: false,
      indexedAt: expect.any(String),
      row: {
        chatId: 'wr-1',
        name: '销售群',
        ownerUserid: 'lina',
        memberCount: 0,
        groupTagIds: [],
        createdAt: '2026-11-01T02:00:00.000Z',
        lastMessageAt: null,
      },
    });
  });

  it('filters the tenant, live groups and the caller’s 群主 scope, and the chosen 群主 within it', () => {
    const query = customerGroupSearchQuery(
      't1',
      { ownerUserid: ['b'], createdFrom: '2026-11-01', createdTo: '2026-11-01' },
      { all: false, userids: ['a'] },
    );
    expect(query).toEqual({
      bool: {
        filter: [
          { term: { tenantId: 't1' } },
          { term: { dismissed: false } },
          { terms: { ownerUserid: ['a'] } },
          { terms: { ownerUserid: ['b'] } },
          // China days: 2026-11-01 00:00 +08:00 up to the next day's.
          { range: { createdAt: { gte: '2026-10-31T16:00:00.000Z', lt: '2026-11-01T16:00:00.000Z' } } },
        ],
      },
    });
  });
});

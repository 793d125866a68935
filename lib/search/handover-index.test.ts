import { handoverReadModel, handoverSearchQuery } from './handover-index';

describe('the 分配记录 read model', () => {
  it('stores what never changes after 分配: the members, how many customers and groups, when', async () => {
    const createdAt = new Date('2026-12-01T02:00:00Z');
    const [entry] = await handoverReadModel.toEntries([
      {
        _id: 'h1',
        tenantId: 't1',
        kind: 'resigned',
        handoverUserid: 'leaver',
        takeoverUserid: 'heir',
        customers: [{ externalUserid: 'wm1' }, { externalUserid: 'wm2' }],
        groups: [{ chatId: 'wr1' }],
        createdAt,
      },
    ]);
    expect(entry).toEqual({
      tenantId: 't1',
      key: 'h1',
      version: createdAt.getTime(),
      document: {
        tenantId: 't1',
        handoverId: 'h1',
        kind: 'resigned',
        handoverUserid: 'leaver',
        takeoverUserid: 'heir',
        createdAt: '2026-12-01T02:00:00.000Z',
        row: {
          id: 'h1',
          kind: 'resigned',
          handoverUserid: 'leaver',
          takeoverUserid: 'heir',
          customerCount: 2,
          groupCount: 1,
          createdAt: '2026-12-01T02:00:00.000Z',
        },
      },
    });
  });

  it('keeps one kind of the tenant, and within a limited 数据权限 the handovers either member is in scope of', () => {
    expect(handoverSearchQuery('t1', { all: true }, 'onjob')).toEqual({
      bool: { filter: [{ term: { tenantId: 't1' } }, { term: { kind: 'onjob' } }] },
    });
    expect(handoverSearchQuery('t1', { all: false, userids: ['lina'] }, 'resigned')).toEqual({
      bool: {
        filter: [
          { term: { tenantId: 't1' } },
          { term: { kind: 'resigned' } },
          {
            bool: {
              should: [{ terms: { handoverUserid: ['lina'] } }, { terms: { takeoverUserid: ['lina'] } }],
              minimum_should_match: 1,
            },
          },
        ],
      },
    });
  });
});

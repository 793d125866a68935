import { customerReadModel } from './customer-index';
import { massSendRecipientReadModel } from './mass-send-index';
import { sopPlanReadModel } from './sop-plan-index';

describe('keyedReadModel', () => {
  it('makes a strict mapping carrying the version, stored in the list order', () => {
    expect(massSendRecipientReadModel.mappings).toMatchObject({
      dynamic: 'strict',
      _meta: { version: massSendRecipientReadModel.version },
      properties: { tenantId: { type: 'keyword' }, row: { type: 'object', enabled: false } },
    });
    expect(massSendRecipientReadModel.settings).toEqual({
      number_of_shards: 1,
      auto_expand_replicas: '0-1',
      sort: { field: ['senderUserid', 'recipientId'], order: ['asc', 'asc'] },
    });
    expect(massSendRecipientReadModel.documentId).toBeUndefined();
    expect(customerReadModel.documentId?.('t1', 'abc')).toBe('abc');
  });

  it('keys an entry by its key field (an ObjectId as its hex) and versions it by the model', async () => {
    const updatedAt = new Date('2026-11-02T00:00:00Z');
    const plan = {
      _id: { toString: () => '6553f1aa0000000000000001' },
      tenantId: 't1',
      name: '新客跟进',
      scopeKind: 'customers' as const,
      enabled: true,
      creator: { userid: 'lina', name: '李娜' },
      createdAt: new Date('2026-11-01T00:00:00Z'),
      updatedAt,
    };
    const [entry] = await sopPlanReadModel.toEntries([plan]);
    expect(entry).toMatchObject({
      tenantId: 't1',
      key: '6553f1aa0000000000000001',
      version: updatedAt.getTime(),
      document: { planId: '6553f1aa0000000000000001', creatorUserid: 'lina' },
    });
  });
});

import { Types } from 'mongoose';
import { isByIdOnly, shapesOfCommand } from './query-shapes';

// Command documents as the driver's `commandStarted` events carry them (session and cluster fields trimmed).
const $db = 'scrm_test_customers';
const oid = new Types.ObjectId();

describe('shapesOfCommand', () => {
  it('a find by tenant and a string field is pushed, with values stripped', () => {
    const [shape] = shapesOfCommand('find', {
      find: 'customers',
      filter: { tenantId: 't1', externalUserId: 'wm1' },
      $db,
    });
    expect(shape).toEqual({
      collection: 'customers',
      command: 'find',
      shape: '{externalUserId: string, tenantId: string}',
      pushdown: 'pushed',
    });
  });

  it('ObjectId, date, number and bool values and {$eq} are pushed like strings', () => {
    const [shape] = shapesOfCommand('find', {
      find: 'tasks',
      filter: { ownerId: oid, dueAt: new Date(0), round: 3, done: false, tenantId: { $eq: 't1' } },
      $db,
    });
    expect(shape.shape).toBe('{done: bool, dueAt: date, ownerId: objectId, round: number, tenantId: string}');
    expect(shape.pushdown).toBe('pushed');
  });

  it('a tenant key beside $in, ranges, regexes or null is partly pushed', () => {
    const [shape] = shapesOfCommand('find', {
      find: 'customers',
      filter: {
        tenantId: 't1',
        status: { $in: ['a', 'b'] },
        createdAt: { $gte: new Date(0), $lt: new Date(1) },
        name: { $regex: '张', $options: 'i' },
        deletedAt: null,
      },
      $db,
    });
    expect(shape.shape).toBe(
      '{createdAt: $range, deletedAt: null, name: $regex, status: $in, tenantId: string}',
    );
    expect(shape.pushdown).toBe('partly');
  });

  it('a sort is done in Go, so a keyed find with a sort is partly pushed and its limit is not applied in SQL', () => {
    const [shape] = shapesOfCommand('find', {
      find: 'chatMessages',
      filter: { tenantId: 't1', roomId: 'r1' },
      sort: { sentAt: -1, _id: -1 },
      limit: 50,
      $db,
    });
    expect(shape.shape).toBe('{roomId: string, tenantId: string} sort(sentAt, _id)');
    expect(shape.pushdown).toBe('partly');
  });

  it('a find with neither filter nor sort but a limit is a bounded scan, without a limit a full one', () => {
    expect(shapesOfCommand('find', { find: 'settings', filter: {}, limit: 1, $db })[0]).toMatchObject({
      shape: '{} limit',
      pushdown: 'pushed',
    });
    expect(shapesOfCommand('find', { find: 'settings', filter: {}, $db })[0].pushdown).toBe('not');
  });

  it('$or is never pushed and shows its branches', () => {
    const [shape] = shapesOfCommand('find', {
      find: 'customers',
      filter: { $or: [{ name: /a/ }, { remark: { $regex: 'a' } }, { name: /b/ }] },
      $db,
    });
    expect(shape.shape).toBe('{$or: [{name: regex} | {remark: $regex}]}');
    expect(shape.pushdown).toBe('not');
  });

  it('_id by equality is a read by key, whatever else the filter checks in Go on that one row', () => {
    const [shape] = shapesOfCommand('update', {
      update: 'tenants',
      updates: [{ q: { _id: 'demo', 'wecomCallbacks.contacts': { $exists: false } }, u: { $set: { a: 1 } } }],
      $db,
    });
    expect(shape).toMatchObject({
      shape: '{_id: string, wecomCallbacks.contacts: $exists}',
      pushdown: 'pushed',
    });
  });

  it('$ne is evaluated in SQL but narrows nothing', () => {
    expect(shapesOfCommand('find', { find: 'a', filter: { status: { $ne: 'x' } }, $db })[0].pushdown).toBe(
      'not',
    );
    expect(
      shapesOfCommand('find', { find: 'a', filter: { tenantId: 't', status: { $ne: 'x' } }, $db })[0]
        .pushdown,
    ).toBe('pushed');
  });

  it('find drops dotted keys before pushdown, update and delete push them as paths', () => {
    const filter = { tenantId: 't1', 'follow.userId': 'u1' };
    expect(shapesOfCommand('find', { find: 'customers', filter, $db })[0].pushdown).toBe('partly');
    const [update] = shapesOfCommand('update', {
      update: 'customers',
      updates: [{ q: filter, u: { $set: { x: 1 } }, multi: true }],
      ordered: true,
      $db,
    });
    expect(update).toMatchObject({ command: 'update', pushdown: 'pushed' });
  });

  it('each statement of a bulk update or delete is a shape of its own', () => {
    const shapes = shapesOfCommand('update', {
      update: 'customers',
      updates: [
        { q: { _id: oid }, u: { $set: { a: 1 } } },
        { q: { tenantId: 't1', tagIds: { $in: ['x'] } }, u: { $pull: { tagIds: 'x' } }, multi: true },
      ],
      $db,
    });
    expect(shapes.map((s) => [s.shape, s.pushdown])).toEqual([
      ['{_id: objectId}', 'pushed'],
      ['{tagIds: $in, tenantId: string}', 'partly'],
    ]);
    const [del] = shapesOfCommand('delete', {
      delete: 'sessions',
      deletes: [{ q: { expiresAt: { $lt: new Date() } }, limit: 0 }],
      $db,
    });
    expect(del).toMatchObject({
      collection: 'sessions',
      command: 'delete',
      shape: '{expiresAt: $range}',
      pushdown: 'not',
    });
  });

  it('findAndModify sorts in Go', () => {
    const [shape] = shapesOfCommand('findAndModify', {
      findAndModify: 'groupCodeSlots',
      query: { tenantId: 't1', codeId: 'c1', full: false },
      sort: { order: 1 },
      update: { $inc: { joined: 1 } },
      new: true,
      $db,
    });
    expect(shape).toMatchObject({
      command: 'findAndModify',
      shape: '{codeId: string, full: bool, tenantId: string} sort(order)',
      pushdown: 'partly',
    });
  });

  it('count and distinct push their query', () => {
    expect(shapesOfCommand('count', { count: 'tags', query: { tenantId: 't1' }, $db })[0]).toMatchObject({
      shape: '{tenantId: string}',
      pushdown: 'pushed',
    });
    expect(
      shapesOfCommand('distinct', {
        distinct: 'customers',
        key: 'ownerUserId',
        query: { tenantId: 't1' },
        $db,
      })[0],
    ).toMatchObject({ shape: '{tenantId: string} distinct(ownerUserId)', pushdown: 'pushed' });
  });

  it("aggregate pushes its leading $match (countDocuments' pipeline) and sorts in Go", () => {
    const [count] = shapesOfCommand('aggregate', {
      aggregate: 'customers',
      pipeline: [{ $match: { tenantId: 't1' } }, { $group: { _id: 1, n: { $sum: 1 } } }],
      cursor: {},
      $db,
    });
    expect(count).toMatchObject({ shape: '{tenantId: string} [$match $group]', pushdown: 'pushed' });
    const [late] = shapesOfCommand('aggregate', {
      aggregate: 'stats',
      pipeline: [{ $project: { a: 1 } }, { $match: { tenantId: 't1' } }, { $sort: { day: 1 } }],
      cursor: {},
      $db,
    });
    expect(late).toMatchObject({ shape: '{} sort(day) [$project $match $sort]', pushdown: 'not' });
  });

  it('inserts and other commands have no shape', () => {
    expect(shapesOfCommand('insert', { insert: 'customers', documents: [{ a: 1 }], $db })).toEqual([]);
    expect(shapesOfCommand('getMore', { getMore: 1, collection: 'customers', $db })).toEqual([]);
  });
});

describe('isByIdOnly', () => {
  it('is true for a read or write by _id alone, false for anything else', () => {
    const byId = (filter: object) => isByIdOnly(shapesOfCommand('find', { find: 'a', filter, $db })[0]);
    expect(byId({ _id: oid })).toBe(true);
    expect(byId({ _id: 'demo' })).toBe(true);
    expect(byId({ _id: { $in: [oid] } })).toBe(false);
    expect(byId({ _id: oid, tenantId: 't1' })).toBe(false);
  });
});

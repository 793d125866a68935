import { createLogger } from '../../lib/logger';
import { WeComCallStatModel } from '../../lib/models/wecom-call-stat.model';
import { CALL_STATS_RETENTION_MS, WeComCallStats } from '../../lib/wecom/call-stats';
import { startTestApp, type TestApp } from '../support/app-harness';

describe('WeCom call counters (health panel)', () => {
  let app: TestApp;
  const log = createLogger('call-stats-test', 'silent');

  beforeAll(async () => {
    app = await startTestApp('wecom-call-stats');
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('adds up the counts of several processes for the same minute, path and errcode', async () => {
    const now = () => Date.parse('2026-11-25T10:00:30Z');
    const api = new WeComCallStats(log, now);
    const worker = new WeComCallStats(log, now);
    for (let i = 0; i < 3; i += 1) api.callFinished({ tenantId: 't1', path: '/user/list', errcode: 0 });
    worker.callFinished({ tenantId: 't1', path: '/user/list', errcode: 0 });
    worker.callFinished({ tenantId: 't1', path: '/user/list', errcode: 45009 });
    await Promise.all([api.flush(), worker.flush()]);
    await api.flush(); // nothing new: nothing changes

    const rows = await WeComCallStatModel.find({ tenantId: 't1' }).sort({ errcode: 1 }).lean();
    expect(rows.map((r) => [r.path, r.errcode, r.count, r.minute.toISOString()])).toEqual([
      ['/user/list', 0, 4, '2026-11-25T10:00:00.000Z'],
      ['/user/list', 45009, 1, '2026-11-25T10:00:00.000Z'],
    ]);
  });

  it('prunes rows older than the retention on its own (FerretDB has no TTL index)', async () => {
    const old = new Date(Date.now() - CALL_STATS_RETENTION_MS - 3600_000);
    await WeComCallStatModel.create({
      _id: `t2|${old.toISOString()}|/gettoken|0`,
      tenantId: 't2',
      minute: old,
      path: '/gettoken',
      errcode: 0,
      count: 1,
    });
    const stats = new WeComCallStats(log);
    stats.callFinished({ tenantId: 't2', path: '/gettoken', errcode: 0 });
    await stats.flush();
    const rows = await WeComCallStatModel.find({ tenantId: 't2' }).lean();
    expect(rows).toHaveLength(1);
    expect(rows[0].minute.getTime()).toBeGreaterThan(old.getTime());
  });
});

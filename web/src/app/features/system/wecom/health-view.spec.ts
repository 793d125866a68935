import { formatDuration, healthLines } from './health-view';
import { WecomHealth } from './wecom-binding.models';

const health = (overrides: Partial<WecomHealth> = {}): WecomHealth => ({
  generatedAt: '2026-11-25T10:00:00.000Z',
  calls: {
    windowHours: 24,
    total: 10,
    failed: 1,
    errorRate: 0.1,
    byErrcode: [
      { errcode: 0, count: 9, rate: 0.9 },
      { errcode: 40001, count: 1, rate: 0.1 },
    ],
  },
  tokens: [
    {
      secretKind: 'contacts',
      state: 'cached',
      fetchedAt: '2026-11-25T09:58:00.000Z',
      expiresInSeconds: 7080,
    },
  ],
  rateLimit: {
    perMinuteLimit: 10000,
    perHourLimit: 150000,
    busiestPathLastMinute: null,
    busiestPathLastHour: { path: '/user/list', count: 12 },
    headroomPercent: 99.9,
    refusedLastHour: 0,
  },
  inbox: { backlog: 2, failed: 0, oldestPendingAt: null },
  syncs: [
    {
      kind: 'org',
      lastSuccessAt: '2026-11-25T09:00:00.000Z',
      lagSeconds: 3600,
      running: false,
      lastError: null,
      retryAt: null,
    },
  ],
  archive: null,
  ...overrides,
});

describe('health panel lines', () => {
  it('formats durations in Chinese', () => {
    expect(formatDuration(42)).toBe('42 秒');
    expect(formatDuration(7080)).toBe('1 小时 58 分');
    expect(formatDuration(90_000)).toBe('1 天 1 小时');
  });

  it('lists error codes with their share, token expiry, headroom, backlog and sync lag', () => {
    const lines = healthLines(health());
    expect(lines.map((l) => [l.label, l.status])).toEqual([
      ['调用（近 24 小时）', 'warn'],
      ['通讯录 access_token', 'ok'],
      ['频率余量', 'ok'],
      ['回调待处理', 'ok'],
      ['组织架构同步', 'ok'],
    ]);
    expect(lines[0].value).toBe('10 次，失败 1 次（10.0%）：40001 × 1（10.0%）');
    expect(lines[1].value).toBe('有效，1 小时 58 分后过期');
    expect(lines[2].value).toContain('/user/list 12 次');
    expect(lines[4].value).toBe('1 小时 0 分前同步成功');
  });

  it('shows the chat archive ingest: failing with its reason, idle and why', () => {
    const archive = {
      seq: 120,
      lastIngestAt: '2026-11-25T09:59:00.000Z',
      checkedAt: '2026-11-25T09:59:30.000Z',
      idleReason: null,
      lastError: null,
      failedAt: null,
    };
    const failing = healthLines(
      health({
        archive: { ...archive, lastError: 'Elasticsearch unreachable', failedAt: '2026-11-25T10:00:00.000Z' },
      }),
    ).at(-1)!;
    expect(failing).toMatchObject({ label: '会话存档拉取', status: 'error' });
    expect(failing.value).toContain('拉取失败：Elasticsearch unreachable（自动重试中）');
    const idle = healthLines(
      health({ archive: { ...archive, idleReason: '企业微信尚未开通会话内容存档' } }),
    ).at(-1)!;
    expect(idle).toMatchObject({ value: '未拉取：企业微信尚未开通会话内容存档', status: 'warn' });
    expect(healthLines(health()).some((line) => line.label === '会话存档拉取')).toBe(false);
  });

  it('warns when WeCom refused calls for its limits in the last hour', () => {
    const base = health().rateLimit;
    const line = healthLines(health({ rateLimit: { ...base, refusedLastHour: 3 } }))[2];
    expect(line).toMatchObject({ label: '频率余量', status: 'warn' });
    expect(line.value).toContain('近一小时被企业微信限流 3 次（45009/45033），调用已自动放慢');
  });

  it('flags failed callbacks, a failed sync and missing tokens', () => {
    const lines = healthLines(
      health({
        tokens: [],
        inbox: { backlog: 0, failed: 3, oldestPendingAt: null },
        syncs: [
          {
            kind: 'org',
            lastSuccessAt: null,
            lagSeconds: null,
            running: false,
            lastError: 'WeCom 40001',
            retryAt: null,
          },
          {
            kind: 'customers',
            lastSuccessAt: null,
            lagSeconds: null,
            running: true,
            lastError: 'connect ECONNREFUSED',
            retryAt: '2026-11-25T10:00:00.000Z',
          },
        ],
      }),
    );
    expect(lines.find((l) => l.label === 'access_token')).toMatchObject({
      value: '尚未获取',
      status: 'warn',
    });
    expect(lines.find((l) => l.label === '回调待处理')).toMatchObject({ status: 'error' });
    expect(lines.find((l) => l.label === '组织架构同步')).toMatchObject({
      value: '同步失败：WeCom 40001',
      status: 'error',
    });
    expect(lines.find((l) => l.label === '客户同步')).toMatchObject({ status: 'warn' });
    expect(lines.find((l) => l.label === '客户同步')?.value).toMatch(
      /^同步中，遇到问题（connect ECONNREFUSED），将于 .+ 自动重试$/,
    );
  });
});

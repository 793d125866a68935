import { summariseFuzzRun } from './fuzz-report';

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** One ScenarioFinished line of schemathesis' NDJSON report, with one request and its answer. */
function scenario(label: string, status: number, body: string, checkStatus = 'success'): string {
  return JSON.stringify({
    ScenarioFinished: {
      recorder: {
        label,
        checks: { c1: [{ name: 'not_a_server_error', status: checkStatus }] },
        interactions: {
          c1: {
            request: { method: label.split(' ')[0], uri: `http://127.0.0.1${label.split(' ')[1]}` },
            response: {
              status_code: status,
              headers: { 'Content-Type': ['application/json; charset=utf-8'] },
              content: { $base64: base64(body) },
            },
          },
        },
      },
    },
  });
}

describe('summariseFuzzRun', () => {
  it('counts requests by status class and operation, and lets a Chinese JSON error pass', () => {
    const summary = summariseFuzzRun(
      [
        scenario('GET /api/roles', 200, '{"items":[]}'),
        scenario('GET /api/roles', 400, '{"error":{"code":"BAD","message":"请求参数有误（page）"}}'),
        scenario('POST /api/roles', 400, '{"error":{"code":"BAD","message":"角色名称不能为空"}}'),
      ].join('\n'),
    );
    expect(summary).toEqual({
      requests: 3,
      operations: 2,
      byStatusClass: { '2xx': 1, '4xx': 2 },
      failures: [],
    });
  });

  it('lists a failed check, a 4xx whose message is not Chinese, and a request that got no answer', () => {
    const noAnswer = JSON.stringify({
      NonFatalError: {
        label: 'GET /api/analytics/rollups/backfill',
        value: { type: 'ReadTimeout', message: 'Read timed out. (read timeout=30.0)' },
      },
    });
    const summary = summariseFuzzRun(
      [
        scenario('GET /api/tags', 500, '{"error":{"message":"服务器错误"}}', 'failure'),
        scenario('GET /api/roles', 400, '{"error":{"code":"BAD","message":"Bad page"}}'),
        noAnswer,
      ].join('\n'),
    );
    expect(summary.failures).toEqual([
      'GET /api/tags 500: not_a_server_error',
      'GET /api/roles 400: a message that is not Chinese: Bad page (GET http://127.0.0.1/api/roles)',
      'GET /api/analytics/rollups/backfill: no answer (ReadTimeout: Read timed out. (read timeout=30.0))',
    ]);
  });
});

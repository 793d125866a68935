import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RecordedShape } from '../../lib/db/query-shape-recorder';
import { profile } from './profiles';
import { checkPushdown, checkPushdownAfterRun } from './pushdown-check';

const test = profile('test');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pushdown-check-'));
const file = path.join(dir, 'query-shapes.jsonl');

const line = (shape: Partial<RecordedShape>): RecordedShape => ({
  collection: 'customers',
  command: 'find',
  shape: '{status: $in, tenantId: string}',
  pushdown: 'partly',
  database: 'scrm_test_customers',
  source: 'lib/customers/x.ts:1',
  ...shape,
});

function record(...shapes: RecordedShape[]): void {
  fs.writeFileSync(file, shapes.map((s) => `${JSON.stringify(s)}\n`).join(''));
}

const allowed = (shape: string, collection = 'customers') => ({
  collection,
  command: 'find',
  shape,
  reason: 'r',
});

let printed: string[];
beforeEach(() => {
  printed = [];
  jest.spyOn(console, 'log').mockImplementation((s: string) => printed.push(s));
  jest.spyOn(console, 'error').mockImplementation((s: string) => printed.push(s));
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the pushdown check', () => {
  it('fails on a shape that is not pushed and not allowed, naming its source and suites', () => {
    record(
      line({}),
      line({ database: 'scrm_test_e2e-customers' }),
      line({ shape: '{tenantId: string}', pushdown: 'pushed' }),
    );
    const result = checkPushdown(file, test, { complete: true }, []);
    expect(result.failed).toBe(true);
    expect(result.summary).toMatch(/✗ pushdown +2 shapes, 0 allowed, 1 new/);
    const report = printed.join('\n');
    expect(report).toContain('customers find {status: $in, tenantId: string}   (partly pushed)');
    expect(report).toContain('sent from lib/customers/x.ts:1');
    expect(report).toContain('in the databases of customers, e2e-customers');
    expect(report).toContain("shape: '{status: $in, tenantId: string}', reason: '…' },");
  });

  it('passes when every such shape is allowed, and warns of entries no test sent after a complete run', () => {
    record(line({}));
    const list = [allowed('{status: $in, tenantId: string}'), allowed('{gone: $regex}')];
    const complete = checkPushdown(file, test, { complete: true }, list);
    expect(complete).toEqual({
      failed: false,
      summary: expect.stringMatching(/✓ pushdown +1 shapes, 1 allowed, 0 new, 1 stale/),
    });
    expect(printed.join('\n')).toContain('customers find {gone: $regex}');

    printed = [];
    const partial = checkPushdown(file, test, { complete: false }, list);
    expect(partial.summary).toMatch(/1 shapes, 1 allowed, 0 new \(/);
    expect(printed).toEqual([]);
  });

  it('runs only after the integration or e2e suite', () => {
    record(line({}));
    expect(
      checkPushdownAfterRun(file, test, { projects: ['unit', 'workflows'], filtered: false }),
    ).toBeUndefined();
    expect(checkPushdownAfterRun(file, test, { projects: ['e2e'], filtered: true })?.failed).toBe(true);
  });
});

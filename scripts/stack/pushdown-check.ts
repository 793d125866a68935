/**
 * The key-only rule, enforced (DESIGN.md): every query shape the integration and e2e suites sent that FerretDB
 * does not push down (or pushes only partly) must be on the reviewed allow-list, test/pushdown-allow-list.ts.
 * The shapes are recorded by lib/db/connect.ts into the file named by SCRM_QUERY_SHAPES_FILE.
 *
 *   node --import tsx scripts/stack/pushdown-check.ts [shapes file]   re-checks the last `npm test`'s shapes
 *                                                                      (after editing the allow-list, say)
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RecordedShape } from '../../lib/db/query-shape-recorder';
import { PUSHDOWN_ALLOW_LIST, type AllowedShape } from '../../test/pushdown-allow-list';
import type { ProjectName } from './jest-projects';
import { log } from './log';
import { shortPath } from './paths';
import { profile as profileNamed, type Profile } from './profiles';

const ALLOW_LIST_FILE = 'test/pushdown-allow-list.ts';

export interface PushdownResult {
  /** The summary table's line: `✓ pushdown     N shapes, M allowed, 0 new`. */
  summary: string;
  failed: boolean;
}

interface SeenShape {
  shape: RecordedShape;
  databases: Set<string>;
  sources: Set<string>;
}

const keyOf = (s: Pick<AllowedShape, 'collection' | 'command' | 'shape'>) =>
  `${s.collection} ${s.command} ${s.shape}`;

/** The file the suites record into, emptied: `npm test` sets SCRM_QUERY_SHAPES_FILE to it. */
export function emptyShapesFile(profile: Profile): string {
  const file = path.join(profile.logDir, 'query-shapes.jsonl');
  fs.rmSync(file, { force: true });
  return file;
}

/** Distinct shapes of the file, with the databases (test suites) each was seen in. */
function readShapes(file: string): Map<string, SeenShape> {
  const seen = new Map<string, SeenShape>();
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const shape = JSON.parse(line) as RecordedShape;
    const entry = seen.get(keyOf(shape)) ?? {
      shape,
      databases: new Set<string>(),
      sources: new Set<string>(),
    };
    entry.databases.add(shape.database);
    if (shape.source) entry.sources.add(shape.source);
    seen.set(keyOf(shape), entry);
  }
  return seen;
}

/**
 * `scrm_test_jest1_shared` → `jest1_shared`: the api and workers of each jest process work in a database of its own
 * (test/support/app-harness.ts); a suite that connects by itself, in one named after it.
 */
function suitesOf(databases: Set<string>, profile: Profile): string {
  const prefix = `${profile.mongoDatabase}_`;
  return [...databases]
    .map((db) => (db.startsWith(prefix) ? db.slice(prefix.length) : db))
    .sort()
    .join(', ');
}

function reportNew(shapes: SeenShape[], profile: Profile): void {
  log.fail(
    `pushdown: ${shapes.length} query shape${shapes.length === 1 ? '' : 's'} not pushed down by FerretDB, and not on ${ALLOW_LIST_FILE}:`,
  );
  for (const { shape, databases, sources } of shapes) {
    log.info(`    ${shape.collection} ${shape.command} ${shape.shape}   (${shape.pushdown} pushed)`);
    if (sources.size) log.info(`      sent from ${[...sources].sort().join(', ')}`);
    log.info(`      in the databases of ${suitesOf(databases, profile)}`);
  }
  log.info(
    [
      '  FerretDB reads every row of such a query (of every tenant, or of the rows its equality keys select) and filters',
      '  it in Go. Read by a key instead (_id, or equality on top-level fields), serve lists, searches and sorts from an',
      '  Elasticsearch read model, keep pre-aggregated documents for statistics; or, when the rows read stay few',
      `  whatever a tenant's data (a tenant's settings, roles…), add an entry with its reason to ${ALLOW_LIST_FILE}:`,
      ...shapes.map(
        ({ shape }) =>
          `    { collection: '${shape.collection}', command: '${shape.command}', shape: '${shape.shape}', reason: '…' },`,
      ),
    ].join('\n'),
  );
}

/**
 * After `npm test`'s jest runs: the check, when the integration or e2e suite ran (nothing else records shapes).
 * Stale entries are reported only when both ran every test file: a partial run cannot tell them.
 */
export function checkPushdownAfterRun(
  file: string,
  profile: Profile,
  run: { projects: ProjectName[]; filtered: boolean },
): PushdownResult | undefined {
  const ran = (p: ProjectName) => run.projects.includes(p);
  if (!ran('integration') && !ran('e2e')) return undefined;
  return checkPushdown(file, profile, { complete: ran('integration') && ran('e2e') && !run.filtered });
}

/**
 * Compares the recorded shapes to the allow-list and prints what is new (a failure) and, after a complete run
 * of both suites (`complete`), which entries no shape needs any more (a warning: remove them).
 */
export function checkPushdown(
  file: string,
  profile: Profile,
  { complete }: { complete: boolean },
  allowList: AllowedShape[] = PUSHDOWN_ALLOW_LIST,
): PushdownResult {
  const seen = readShapes(file);
  const allowed = new Set(allowList.map(keyOf));
  const notPushed = [...seen.values()].filter((s) => s.shape.pushdown !== 'pushed');
  const fresh = notPushed.filter((s) => !allowed.has(keyOf(s.shape)));
  const needed = new Set(notPushed.map((s) => keyOf(s.shape)));
  const stale = complete ? allowList.filter((entry) => !needed.has(keyOf(entry))) : [];

  if (fresh.length) reportNew(fresh, profile);
  if (stale.length) {
    log.warn(
      `pushdown: ${stale.length} entries of ${ALLOW_LIST_FILE} match no shape the tests sent that needs them (remove them):`,
    );
    for (const entry of stale) log.info(`    ${keyOf(entry)}`);
  }
  const allowedCount = notPushed.length - fresh.length;
  return {
    summary: `${fresh.length ? '✗' : '✓'} ${'pushdown'.padEnd(12)} ${seen.size} shapes, ${allowedCount} allowed, ${fresh.length} new${stale.length ? `, ${stale.length} stale` : ''} (${shortPath(file)})`,
    failed: fresh.length > 0,
  };
}

if (require.main === module) {
  const test = profileNamed('test');
  const file = process.argv[2] ?? path.join(test.logDir, 'query-shapes.jsonl');
  const { summary, failed } = checkPushdown(file, test, { complete: true });
  log.info(summary);
  process.exitCode = failed ? 1 : 0;
}

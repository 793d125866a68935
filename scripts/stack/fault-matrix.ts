/**
 * The fault matrix of `npm run test:faults` (issue 18): which long processes meet which faults, the seed that
 * picks where each fault lands (SCRM_FAULT_SEED replays a run), and the table the run ends with. Pure logic:
 * the runner (scripts/faults.ts) prints the table, the cells (test/faults/*.faults.ts) draw their random
 * points here and append their results to a JSON-lines file the runner reads.
 */

export const FAULT_PROCESSES = [
  'org sync',
  'customer sync',
  'callbacks',
  'archive ingest',
  'mass send',
  'SOP reminders',
  'analytics rollup',
] as const;
export type FaultProcess = (typeof FAULT_PROCESSES)[number];

/** Each fault, with how the table names it. */
export const FAULTS = {
  'worker-kill': 'worker killed, restarted',
  'api-kill': 'api killed, restarted',
  'temporal-cut': 'Temporal unreachable',
  'db-cut': 'MongoDB unreachable',
  'es-cut': 'Elasticsearch unreachable',
  'wecom-down': 'simulator down',
  'wecom-5xx': 'WeCom HTTP 503',
  'wecom-busy': 'WeCom errcode -1',
  'wecom-slow': 'WeCom slow',
} as const;
export type FaultKind = keyof typeof FAULTS;
export const FAULT_KINDS = Object.keys(FAULTS) as FaultKind[];

/**
 * The cells `.ci/run` runs after `npm test` (`npm run test:faults -- --ci-subset`), one run each: every fault
 * kind once and every process at least once, each fault on a process where it tests the most (the README's
 * "Fault matrix" says why each); the whole matrix is run locally.
 */
export const CI_SUBSET: ReadonlyArray<{ process: FaultProcess; fault: FaultKind }> = [
  { process: 'org sync', fault: 'wecom-down' },
  { process: 'org sync', fault: 'wecom-slow' },
  { process: 'customer sync', fault: 'es-cut' },
  { process: 'callbacks', fault: 'api-kill' },
  { process: 'archive ingest', fault: 'wecom-busy' },
  { process: 'mass send', fault: 'worker-kill' },
  { process: 'mass send', fault: 'temporal-cut' },
  { process: 'SOP reminders', fault: 'db-cut' },
  { process: 'analytics rollup', fault: 'wecom-5xx' },
];

/** SCRM_FAULT_SUBSET: `ci` runs only CI_SUBSET's cells, unset or empty every cell. */
export function faultSubset(env: NodeJS.ProcessEnv): 'ci' | undefined {
  const raw = env.SCRM_FAULT_SUBSET?.trim();
  if (!raw) return undefined;
  if (raw !== 'ci') throw new Error(`SCRM_FAULT_SUBSET must be "ci" or empty, not "${raw}"`);
  return raw;
}

/** The faults a process meets in this run: every one, or its cells of the CI subset. */
export function faultsOf(process: FaultProcess, env: NodeJS.ProcessEnv): FaultKind[] {
  if (!faultSubset(env)) return FAULT_KINDS;
  return CI_SUBSET.filter((cell) => cell.process === process).map((cell) => cell.fault);
}

/** One run of one cell, as a cell appends it to the results file. */
export interface FaultRunResult {
  process: FaultProcess;
  fault: FaultKind;
  run: number;
  /** Items of the fault-free end state missing after recovery (messages, templates, rows, documents). */
  lost: number;
  /** Items present more often than in the fault-free end state. */
  doubled: number;
  /** From the fault's end to the end state being complete. */
  recoverySeconds: number;
  /** Whether the process was still under way when the fault began (a fault that lands after the end proves little). */
  inFlight: boolean;
  /** Set when the run could not finish (timeout, crash): the cell fails whatever it counted. */
  error?: string;
}

const MAX_RUNS = 20;

/** SCRM_FAULT_SEED when given (a whole number), else a new one; `given` says which. */
export function faultSeed(
  env: NodeJS.ProcessEnv,
  fresh = () => Date.now() % 2 ** 31,
): {
  seed: number;
  given: boolean;
} {
  const raw = env.SCRM_FAULT_SEED?.trim();
  if (!raw) return { seed: fresh(), given: false };
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`SCRM_FAULT_SEED must be a whole number, not "${raw}"`);
  return { seed, given: true };
}

/** SCRM_FAULT_RUNS: runs per cell, 1 by default, at most MAX_RUNS. */
export function faultRuns(env: NodeJS.ProcessEnv): number {
  const raw = env.SCRM_FAULT_RUNS?.trim();
  if (!raw) return 1;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS)
    throw new Error(`SCRM_FAULT_RUNS must be a whole number from 1 to ${MAX_RUNS}, not "${raw}"`);
  return runs;
}

/** 32-bit FNV-1a: spreads a cell's name over the seed, so each cell draws its own numbers. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Numbers in [0, 1) for one run of one cell (mulberry32), the same for the same seed whatever other cells
 * ran before: a cell's fault lands at the same point when its seed is replayed alone.
 */
export function cellRandom(seed: number, process: FaultProcess, fault: FaultKind, run: number): () => number {
  let state = (seed ^ fnv1a(`${process}|${fault}|${run}`)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Parses the results file's lines; a line that is not a result (a half-written one) is skipped. */
export function parseFaultResults(text: string): FaultRunResult[] {
  const results: FaultRunResult[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = JSON.parse(line) as FaultRunResult;
      if (FAULT_PROCESSES.includes(parsed.process) && parsed.fault in FAULTS) results.push(parsed);
    } catch {
      // a line cut off by a killed jest
    }
  }
  return results;
}

export interface FaultCell {
  process: FaultProcess;
  fault: FaultKind;
  runs: number;
  failedRuns: number;
  lost: number;
  doubled: number;
  /** Runs whose fault began while the process was under way. */
  inFlight: number;
  recoverySeconds: { min: number; max: number } | undefined;
}

/** Every process × fault, in table order, with its runs added up (runs 0: not run). */
export function faultCells(results: FaultRunResult[]): FaultCell[] {
  return FAULT_PROCESSES.flatMap((process) =>
    FAULT_KINDS.map((fault) => {
      const runs = results.filter((r) => r.process === process && r.fault === fault);
      const recoveries = runs.filter((r) => !r.error).map((r) => r.recoverySeconds);
      return {
        process,
        fault,
        runs: runs.length,
        failedRuns: runs.filter((r) => r.error).length,
        lost: runs.reduce((sum, r) => sum + r.lost, 0),
        doubled: runs.reduce((sum, r) => sum + r.doubled, 0),
        inFlight: runs.filter((r) => r.inFlight).length,
        recoverySeconds: recoveries.length
          ? { min: Math.min(...recoveries), max: Math.max(...recoveries) }
          : undefined,
      };
    }),
  );
}

/** Whether the matrix fails: a run lost or doubled something, or did not finish. */
export function faultMatrixFailed(results: FaultRunResult[]): boolean {
  return results.some((r) => r.lost > 0 || r.doubled > 0 || r.error);
}

function recoveryText(cell: FaultCell): string {
  if (!cell.recoverySeconds) return cell.runs ? '–' : '';
  const { min, max } = cell.recoverySeconds;
  return min === max ? min.toFixed(1) : `${min.toFixed(1)}–${max.toFixed(1)}`;
}

function runsText(cell: FaultCell): string {
  if (cell.runs === 0) return 'not run';
  const notes = [
    cell.failedRuns ? `${cell.failedRuns} failed` : '',
    cell.inFlight < cell.runs ? `${cell.runs - cell.inFlight} after the end` : '',
  ].filter(Boolean);
  return notes.length ? `${cell.runs} (${notes.join(', ')})` : String(cell.runs);
}

/** The table the run ends with: every process × fault, run or not, then the seed to replay it with. */
export function renderFaultMatrix(results: FaultRunResult[], seed: number): string {
  const header = ['process', 'fault', 'runs', 'lost', 'doubled', 'recovery s'];
  const rows = faultCells(results).map((cell) => [
    cell.process,
    FAULTS[cell.fault],
    runsText(cell),
    cell.runs ? String(cell.lost) : '',
    cell.runs ? String(cell.doubled) : '',
    recoveryText(cell),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell + ' '.repeat(widths[i] - cell.length)).join(' | ')} |`;
  const ran = faultCells(results).filter((cell) => cell.runs > 0).length;
  return [
    line(header),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...rows.map(line),
    '',
    `seed ${seed} (replay: SCRM_FAULT_SEED=${seed} npm run test:faults); ${ran} of ${rows.length} cells run, ` +
      `${results.length} runs`,
  ].join('\n');
}

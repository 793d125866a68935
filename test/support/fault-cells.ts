import fs from 'node:fs';
import {
  cellRandom,
  FAULTS,
  faultRuns,
  faultsOf,
  type FaultProcess,
  type FaultRunResult,
} from '../../scripts/stack/fault-matrix';
import type { FaultRig } from './fault-rig';

/** A fault lasts a while: drawn from the seed between these. */
const MIN_DOWN_MS = 3000;
const MAX_DOWN_MS = 8000;
/** How often a run checks whether its process has reached its end state. */
const POLL_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What one kind of item of the end state should be (`expected`, one key per item of the fault-free run) and
 * what it is (`observed`, one key per stored or delivered item, repeats included).
 */
export interface Tally {
  what: string;
  expected: string[];
  observed: string[];
}

/** Lost: expected keys never observed. Doubled: every observation beyond the first of a key, and keys not expected. */
export function lostAndDoubled(tallies: Tally[]): { lost: number; doubled: number; detail: string[] } {
  let lost = 0;
  let doubled = 0;
  const detail: string[] = [];
  for (const { what, expected, observed } of tallies) {
    const counts = new Map<string, number>();
    for (const key of observed) counts.set(key, (counts.get(key) ?? 0) + 1);
    const expectedKeys = new Set(expected);
    const missing = [...expectedKeys].filter((key) => !counts.has(key));
    const extra = [...counts].reduce((sum, [key, n]) => sum + (expectedKeys.has(key) ? n - 1 : n), 0);
    lost += missing.length;
    doubled += extra;
    if (missing.length || extra)
      detail.push(`${what}: ${missing.length} lost (${missing.slice(0, 5).join(', ')}), ${extra} doubled`);
  }
  return { lost, doubled, detail };
}

/** One long process as a fault matrix row: how a run starts, when it is over, and what it left. */
export interface FaultCellProcess<Run> {
  /** Starts one run with data of its own (a fresh tenant, send, corp…); its label names that data. */
  start(label: string): Promise<Run>;
  /**
   * Whether the process says it is over (its end state is then awaited in full, see reachedEndState); polled from the start, also while the fault lasts, so it may
   * drive the outside world too (a member confirming a 群发 in the WeCom client, say). Throwing counts as no.
   */
  done(run: Run): Promise<boolean>;
  /** The end state, item by item, against the fault-free one. */
  tally(run: Run): Promise<Tally[]>;
  /** The fault begins at a point drawn from [0, windowMs) after the start: about the process's fault-free length. */
  windowMs: number;
  /** How long the end state may take to arrive after the fault is lifted. */
  recoverWithinMs: number;
}

/**
 * The process says it is over and nothing of the end state is missing: read models filled later by design (a
 * search index's outbox drained once Elasticsearch answers) count as recovered only once they are whole.
 */
async function reachedEndState<Run>(cell: FaultCellProcess<Run>, run: Run): Promise<boolean> {
  return (await cell.done(run)) && lostAndDoubled(await cell.tally(run)).lost === 0;
}

function record(result: FaultRunResult): void {
  const file = process.env.SCRM_FAULT_RESULTS_FILE;
  if (file) fs.appendFileSync(file, `${JSON.stringify(result)}\n`);
}

/**
 * One jest test per fault (every one, or the CI subset's: SCRM_FAULT_SUBSET) and run (SCRM_FAULT_RUNS): the
 * process starts, the fault begins at a point drawn from SCRM_FAULT_SEED and lasts a drawn while, and once it is
 * lifted the run waits for the end state and compares it with the fault-free one. Each run appends its row to SCRM_FAULT_RESULTS_FILE (the runner's table) and fails on
 * anything lost, doubled or unfinished.
 */
export function faultCells<Run>(
  processName: FaultProcess,
  rig: () => FaultRig,
  cell: FaultCellProcess<Run>,
): void {
  const seed = Number(process.env.SCRM_FAULT_SEED ?? 1);
  const runs = faultRuns(process.env);
  for (const fault of faultsOf(processName, process.env)) {
    for (let runNumber = 1; runNumber <= runs; runNumber += 1) {
      const timeoutMs = cell.windowMs + MAX_DOWN_MS + cell.recoverWithinMs + 120_000;
      it(
        `${FAULTS[fault]} (run ${runNumber})`,
        async () => {
          const random = cellRandom(seed, processName, fault, runNumber);
          const atMs = Math.round(random() * cell.windowMs);
          const downMs = Math.round(MIN_DOWN_MS + random() * (MAX_DOWN_MS - MIN_DOWN_MS));
          const result: FaultRunResult = {
            process: processName,
            fault,
            run: runNumber,
            lost: 0,
            doubled: 0,
            recoverySeconds: 0,
            inFlight: false,
          };
          let detail: string[] = [];
          // Set whatever happens, so that the watch below never outlives its test.
          let stopWatching = false;
          try {
            const run = await cell.start(`${fault}-${runNumber}`);
            let doneAt: number | undefined;
            const watching = (async () => {
              while (!stopWatching) {
                if (await reachedEndState(cell, run).catch(() => false)) return (doneAt = Date.now());
                await sleep(POLL_MS);
              }
            })();
            await sleep(atMs);
            result.inFlight = doneAt === undefined;
            await rig().inject(fault, downMs);
            const liftedAt = Date.now();
            // Cleared once the watch ends: a pending timer would keep jest from exiting.
            const deadline = setTimeout(() => (stopWatching = true), cell.recoverWithinMs);
            await watching;
            clearTimeout(deadline);
            if (doneAt === undefined)
              result.error = `no end state within ${cell.recoverWithinMs / 1000} s of the fault's end`;
            result.recoverySeconds = Math.max(0, ((doneAt ?? Date.now()) - liftedAt) / 1000);
            ({ lost: result.lost, doubled: result.doubled, detail } = lostAndDoubled(await cell.tally(run)));
          } catch (error) {
            result.error = (error as Error).message;
          } finally {
            stopWatching = true;
          }
          record(result);
          console.info(
            `${processName} × ${FAULTS[fault]} run ${runNumber}: fault at ${atMs} ms for ${downMs} ms` +
              `${result.inFlight ? '' : ' (after the end)'}; lost ${result.lost}, doubled ${result.doubled}, ` +
              `recovery ${result.recoverySeconds.toFixed(1)} s${result.error ? `; ${result.error}` : ''}` +
              `${detail.length ? `; ${detail.join('; ')}` : ''}`,
          );
          expect({ lost: result.lost, doubled: result.doubled, error: result.error, detail }).toEqual({
            lost: 0,
            doubled: 0,
            error: undefined,
            detail: [],
          });
        },
        timeoutMs,
      );
    }
  }
}

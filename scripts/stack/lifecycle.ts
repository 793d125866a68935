import { StackError } from './errors';
import { killRunningCommands } from './exec';
import { log } from './log';
import { describeExit, Supervisor } from './processes';
import { logTail } from './log-files';
import type { Profile } from './profiles';

/**
 * Runs a command script (start, test, bench) around a Supervisor and owns the process's ending:
 * - `main` returns an exit code: everything started is stopped, then the process exits with it;
 * - a StackError prints its one line (and log tail), anything else its stack; exit code 1;
 * - Ctrl-C / SIGTERM stop everything in reverse order (exit 130 / 143); a repeated signal a second later forces it;
 * - a server that dies on its own stops the run with its log tail.
 */
export function runScript(profile: Profile, main: (supervisor: Supervisor) => Promise<number>): void {
  const supervisor = new Supervisor(profile);
  let ending = false;

  const end = async (code: number) => {
    if (ending) return;
    ending = true;
    await killRunningCommands();
    await supervisor.stopAll();
    process.exit(code);
  };

  const fail = (err: unknown) => {
    if (ending) return;
    if (err instanceof StackError) {
      log.fail(err.message);
      if (err.details) log.detail(err.details);
    } else {
      log.fail(err instanceof Error ? (err.stack ?? err.message) : String(err));
    }
    void end(1);
  };

  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    const now = Date.now();
    if (!firstSignalAt) {
      firstSignalAt = now;
      console.log('');
      log.step(`${signal}: stopping everything…`);
      void end(signal === 'SIGINT' ? 130 : 143);
    } else if (now - firstSignalAt > 1000) {
      // The same Ctrl-C arrives through npm and bootstrap too; only a later one means "hurry".
      log.warn('stopping now (SIGKILL)');
      supervisor.killAllNow();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);

  supervisor.onCrash((service) => {
    if (ending) return;
    log.fail(
      `${service.spec.label} stopped unexpectedly (${describeExit(service)}); log: ${service.logFile}`,
    );
    log.detail(logTail(service.logFile));
    void end(1);
  });

  main(supervisor).then((code) => end(code), fail);
}

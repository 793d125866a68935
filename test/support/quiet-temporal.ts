import { Runtime } from '@temporalio/worker';
import { createLogger } from '../../lib/logger';
import { PinoSdkLogger } from '../../worker/sdk-logger';

// The SDK logs as the worker process does (worker/main.ts), at WARN: worker state changes at INFO drown the
// test output. Temporal core prints to stderr itself, errors only: the time-skipping test server alone makes it
// warn once per worker that heartbeat details may be lost. (Forwarding core's logs to the logger instead, as the
// worker does, would hold a native handle that keeps jest from exiting.)
Runtime.install({
  logger: new PinoSdkLogger(createLogger('temporal-test', 'warn')),
  telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } },
});

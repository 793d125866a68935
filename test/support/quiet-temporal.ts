import { Runtime } from '@temporalio/worker';
import { createLogger } from '../../lib/logger';
import { PinoSdkLogger } from '../../worker/sdk-logger';

// The SDK logs as the worker process does (worker/main.ts), at WARN: worker state changes at INFO drown the
// test output; warnings and errors still show.
Runtime.install({ logger: new PinoSdkLogger(createLogger('temporal-test', 'warn')) });

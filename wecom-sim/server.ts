/**
 * Entry point of the WeCom simulator process: reads the environment, plants the demo corp when SIM_SEED=demo,
 * listens, logs JSON lines, and stops cleanly on SIGTERM/SIGINT.
 */
import http from 'node:http';
import { pino } from 'pino';
import { createSimApp } from './app';
import { demoCorpSeed } from './seed/demo-corp';
import { loadSimConfig } from './sim-config';
import { SimState } from './state/sim-state';

const SHUTDOWN_GRACE_MS = 3000;

const config = loadSimConfig(process.env);
// Synchronous writes: the shutdown and fatal lines must reach stdout before process.exit().
const logger = pino(
  { level: config.logLevel, base: { service: 'wecom-sim' } },
  pino.destination({ dest: 1, sync: true }),
);
const state = new SimState({ seeds: config.seed === 'demo' ? [demoCorpSeed] : [] });
const server = http.createServer(createSimApp(state, { logger }));

server.on('error', (error) => {
  logger.fatal({ err: error }, 'wecom-sim could not listen');
  process.exit(1);
});

server.listen(config.port, config.host, () => {
  logger.info(
    {
      host: config.host,
      port: config.port,
      seed: config.seed,
      corps: state.listCorps().map((corp) => corp.corpId),
    },
    'wecom-sim listening',
  );
});

function shutdown(signal: NodeJS.Signals): void {
  logger.info({ signal }, 'wecom-sim shutting down');
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // Event deliveries in flight may hold connections; do not wait for them forever.
  setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.on('unhandledRejection', (reason) => {
  logger.fatal({ err: reason }, 'unhandled rejection');
  process.exit(1);
});

import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { upgradeAllBuiltInRoles } from '../lib/access/built-in-roles';
import { loadConfig } from '../lib/config';
import { connectDatabase, disconnectDatabase } from '../lib/db/connect';
import { createLogger } from '../lib/logger';
import { ensureAllAnalyticsRollupSchedules } from '../lib/temporal/analytics-rollup-schedule';
import { ensureAllArchiveConsentSchedules } from '../lib/temporal/archive-consent-schedule';
import { connectTemporalClient } from '../lib/temporal/connect-client';
import { WeComCallStats } from '../lib/wecom/call-stats';
import { prepareListSearch } from '../lib/search/list-read-model';
import { LIST_READ_MODELS } from '../lib/search/list-read-models';
import { handOverSopPlansAtStart } from '../lib/sop/sop-plan-hand-off';
import { createApp } from './app';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger('api', config.logLevel);
  await connectDatabase(config.mongoUrl);
  // Built-in roles of existing tenants gain the keys added to their definitions since (idempotent).
  const upgraded = await upgradeAllBuiltInRoles();
  log.info({ tenants: upgraded }, 'built-in roles up to date');
  const temporal = await connectTemporalClient(config.temporalAddress, config.temporalNamespace);
  // Archives set up before the consent sync existed get its Schedule (idempotent); the api serves without it.
  await ensureAllArchiveConsentSchedules(temporal, config.temporalTaskQueue).then(
    (tenants) => log.info({ tenants: tenants.length }, 'archive consent schedules in place'),
    (err: unknown) => log.warn({ err }, 'archive consent schedules not ensured'),
  );
  // Tenants bound before 统计分析 existed get its nightly rollup's Schedule (idempotent).
  await ensureAllAnalyticsRollupSchedules(temporal, config.temporalTaskQueue).then(
    (tenants) => log.info({ tenants }, 'analytics rollup schedules in place'),
    (err: unknown) => log.warn({ err }, 'analytics rollup schedules not ensured'),
  );
  const elasticsearch = new ElasticsearchClient({ node: config.esUrl });
  const wecomStats = new WeComCallStats(log);
  wecomStats.start();
  const app = createApp({ config, log, temporal, elasticsearch, wecomStats });
  // Rows a killed api left in the search outbox get their drain (the worker does the same at its start).
  void prepareListSearch(
    { es: elasticsearch, indexPrefix: config.esIndexPrefix, temporal, taskQueue: config.temporalTaskQueue },
    Object.values(LIST_READ_MODELS),
    log,
  );
  // Plan changes a killed api left unhanded, or saved while Temporal was down, reach their workflows.
  handOverSopPlansAtStart({ client: temporal, taskQueue: config.temporalTaskQueue }, log);

  const server = app.listen(config.port, () => log.info({ port: config.port }, 'api listening'));
  const shutdown = (signal: string) => {
    log.info({ signal }, 'api stopping');
    server.close(() => {
      // The last counts are written before MongoDB goes.
      void wecomStats
        .stop()
        .then(() => Promise.all([temporal.connection.close(), elasticsearch.close(), disconnectDatabase()]))
        .finally(() => process.exit(0));
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
}

main().catch((error) => {
  createLogger('api').fatal({ err: error }, 'api failed to start');
  process.exit(1);
});

import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { AppConfig } from '../lib/config';
import { createLogger } from '../lib/logger';
import { WeComCallStats } from '../lib/wecom/call-stats';
import { WeComClient } from '../lib/wecom/client';
import { createContactsApi } from '../lib/wecom/contacts-api';

/** The worker's composition root: real clients in, a Worker polling the main task queue out. */
export async function createWorker(
  config: AppConfig,
): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const wecomStats = new WeComCallStats(createLogger('worker', config.logLevel));
  wecomStats.start();
  const contacts = createContactsApi(new WeComClient({ baseUrl: config.wecomApiBase, observer: wecomStats }));
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.temporalTaskQueue,
    workflowsPath: require.resolve('../workflows'),
    activities: createActivities({ contacts }),
  });
  return { worker, connection };
}

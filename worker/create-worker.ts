import { NativeConnection, Worker } from '@temporalio/worker';
import { connectTemporalClient } from '../lib/temporal/connect-client';
import { createActivities } from '../activities';
import type { AppConfig } from '../lib/config';
import { createLogger } from '../lib/logger';
import { WeComCallStats } from '../lib/wecom/call-stats';
import { WeComClient } from '../lib/wecom/client';
import { createContactsApi } from '../lib/wecom/contacts-api';
import { createCorpTagsApi } from '../lib/wecom/corp-tags-api';
import { createCustomersApi } from '../lib/wecom/customers-api';
import { chatArchiveSdkFor } from '../lib/wecom/chat-archive-sdk-for';
import { chatIndexNames } from '../lib/search/chat-message-index';
import { prepareChatSearch } from '../lib/search/chat-search-startup';
import { createCustomerIndexer } from '../lib/search/customer-indexer';
import { customerSearchOn } from '../lib/search/customer-search-context';
import { createSearchClient } from '../lib/search/es-client';
import { prepareListSearch, type ListSearch } from '../lib/search/list-read-model';
import { LIST_READ_MODELS } from '../lib/search/list-read-models';
import { handOverSopPlansAtStart } from '../lib/sop/sop-plan-hand-off';
import { backfillHandoverCustomersAtStart } from '../lib/handovers/backfill-handover-customers';
import { currentActivityCancellation } from './activity-cancellation';
import { activityFailureLogging } from './activity-failure-logging';
import { SHUTDOWN_GRACE_MS } from './shutdown-limits';
import { workflowCode } from './workflow-code';

/** The worker's composition root: real clients in, a Worker polling the main task queue out. */
export async function createWorker(
  config: AppConfig,
): Promise<{ worker: Worker; close: () => Promise<void> }> {
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const temporal = await connectTemporalClient(config.temporalAddress, config.temporalNamespace);
  const log = createLogger('worker', config.logLevel);
  const wecomStats = new WeComCallStats(log);
  wecomStats.start();
  const wecom = new WeComClient({
    baseUrl: config.wecomApiBase,
    observer: wecomStats,
    cancellation: currentActivityCancellation,
  });
  const contacts = createContactsApi(wecom);
  const corpTags = createCorpTagsApi(wecom);
  const customers = createCustomersApi(wecom);
  const es = createSearchClient(config.esUrl);
  const listSearch: ListSearch = {
    es,
    indexPrefix: config.esIndexPrefix,
    temporal,
    taskQueue: config.temporalTaskQueue,
  };
  const search = customerSearchOn(listSearch);
  const chatNames = chatIndexNames(config.esIndexPrefix);
  const { workflowModules, ...code } = workflowCode(config.workflowBundlePath);
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.temporalTaskQueue,
    ...code,
    interceptors: { activity: [activityFailureLogging(log)], workflowModules },
    shutdownGraceTime: SHUTDOWN_GRACE_MS,
    activities: createActivities({
      contacts,
      corpTags,
      customers,
      temporal,
      taskQueue: config.temporalTaskQueue,
      wecom,
      publicUrl: config.publicUrl,
      archive: {
        sdk: chatArchiveSdkFor({
          wecomApiBase: config.wecomApiBase,
          financeSdkPath: config.wecomFinanceSdkPath,
        }),
        es,
        chatIndex: chatNames,
      },
      search,
      customerIndexer: createCustomerIndexer(search),
      listSearch,
      lossDigestWindowMs: config.lossDigestWindowMs,
    }),
  });
  await prepareListSearch(listSearch, Object.values(LIST_READ_MODELS), log);
  handOverSopPlansAtStart({ client: temporal, taskQueue: config.temporalTaskQueue }, log);
  backfillHandoverCustomersAtStart(log);
  await prepareChatSearch({ es, temporal, taskQueue: config.temporalTaskQueue }, chatNames, log);
  // Called after Worker.run() has returned, before the database is disconnected: the last call counts are
  // written while it still can take them.
  const close = async () => {
    await wecomStats.stop();
    await es.close();
    await temporal.connection.close();
    await connection.close();
  };
  return { worker, close };
}

import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import type { Client as TemporalClient } from '@temporalio/client';
import type { RequestHandler } from 'express';
import type { AppConfig } from '../lib/config';
import type { Logger } from '../lib/logger';
import { chatMessageIndexName } from '../lib/search/chat-message-index';
import { createCustomerIndexer, type CustomerIndexer } from '../lib/search/customer-indexer';
import { customerSearchOn, type CustomerSearch } from '../lib/search/customer-search-context';
import type { ListSearch } from '../lib/search/list-read-model';
import type { WeComCallStats } from '../lib/wecom/call-stats';
import type { ChatArchiveSdkChoice } from '../lib/wecom/chat-archive-sdk';
import { chatArchiveSdkFor } from '../lib/wecom/chat-archive-sdk-for';
import { WeComClient } from '../lib/wecom/client';
import { requireSession } from './auth/session';
import { createApiRegistry } from './openapi/registry';

/** Where use cases start and signal workflows. */
export interface TemporalDeps {
  client: TemporalClient;
  taskQueue: string;
}

/**
 * Everything a router may hand to its use cases, built once per api process: every router takes this one
 * object (`createXRouter(app)`), and each use case declares the slice it needs (`Pick<AppContext, …>`).
 */
export interface AppContext {
  config: AppConfig;
  log: Logger;
  /** Where every route declares itself, for the OpenAPI document. */
  registry: OpenAPIRegistry;
  /** The session check of tenant routes (defineRoute's `guards`). */
  authenticate: RequestHandler;
  temporal: TemporalDeps;
  elasticsearch: ElasticsearchClient;
  wecom: WeComClient;
  /** Counts this process's WeCom calls, for the health panel. */
  wecomStats: WeComCallStats;
  customerSearch: CustomerSearch;
  customerIndexer: CustomerIndexer;
  listSearch: ListSearch;
  /** Session cookies are marked Secure when the admin is served over https. */
  secureCookies: boolean;
  /** The alias the archive ingest writes chat messages to: 内容存档's keyword search reads it. */
  chatIndex: string;
  /** The 会话存档 SDK (or why it is missing), which the setup doctor and the archive key check use. */
  chatArchive: ChatArchiveSdkChoice;
}

export interface AppServers {
  config: AppConfig;
  log: Logger;
  temporal: TemporalClient;
  elasticsearch: ElasticsearchClient;
  /** Counts the WeCom calls this process makes; whoever built it starts it and stops it before disconnecting. */
  wecomStats: WeComCallStats;
}

export function createAppContext(servers: AppServers): AppContext {
  const { config, log } = servers;
  const temporal = { client: servers.temporal, taskQueue: config.temporalTaskQueue };
  const listSearch: ListSearch = {
    es: servers.elasticsearch,
    indexPrefix: config.esIndexPrefix,
    temporal: servers.temporal,
    taskQueue: config.temporalTaskQueue,
  };
  const customerSearch = customerSearchOn(listSearch);
  return {
    config,
    log,
    registry: createApiRegistry(),
    authenticate: requireSession(config.jwtSecret),
    temporal,
    elasticsearch: servers.elasticsearch,
    wecom: new WeComClient({ baseUrl: config.wecomApiBase, observer: servers.wecomStats }),
    wecomStats: servers.wecomStats,
    customerSearch,
    customerIndexer: createCustomerIndexer(customerSearch),
    listSearch,
    secureCookies: config.publicUrl.startsWith('https://'),
    chatIndex: chatMessageIndexName(config.esIndexPrefix),
    chatArchive: chatArchiveSdkFor({
      wecomApiBase: config.wecomApiBase,
      financeSdkPath: config.wecomFinanceSdkPath,
    }),
  };
}

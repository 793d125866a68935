import { insertManyOnce } from '../lib/db/insert-many-once';
import { failureCause } from '../workflows/failure-cause';
import type { CustomerIndexer } from '../lib/search/customer-indexer';
import { ApplicationFailure } from '@temporalio/activity';
import { beatWhileProgressing } from './step-heartbeat';
import type { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import {
  updateGroupLastMessage,
  updateLastContact,
  recountGroupDays,
} from '../lib/archive/archive-derived-writes';
import type { ListSearch } from '../lib/search/list-read-model';
import { recomputeConversations } from '../lib/archive/chat-conversation-writes';
import { chatMediaKey, storeChatMedia } from '../lib/archive/chat-media-store';
import {
  toChatMessageRecord,
  type ChatMessageRecord,
  type MediaRef,
} from '../lib/archive/chat-message-record';
import { decryptChatData, MissingArchiveKeyError } from '../lib/archive/decrypt-chat-data';
import { onMessagesIngested } from '../lib/archive/ingested-messages-hook';
import { ArchiveCursorModel } from '../lib/models/archive-cursor.model';
import type { RaisedAlert } from '../lib/sensitive/insert-alerts-once';
import { ChatMessageModel } from '../lib/models/chat-message.model';
import { ensureChatMessageIndex } from '../lib/search/chat-index-lifecycle';
import { indexChatMessages, type ChatIndexNames } from '../lib/search/chat-message-index';
import { ArchiveKeyError } from '../lib/wecom/archive-key';
import {
  ChatArchiveSdkError,
  type ChatArchiveSdk,
  type ChatArchiveSdkChoice,
} from '../lib/wecom/chat-archive-sdk';
import type { ArchiveAccess } from './tenant-credentials';

export interface ArchiveIngestDeps {
  sdk: ChatArchiveSdkChoice;
  es: ElasticsearchClient;
  chatIndex: ChatIndexNames;
  /** Every customer write goes through it, so the search index follows (lib/search/customer-indexer.ts). */
  customerIndexer: CustomerIndexer;
  loadArchiveAccess(tenantId: string): Promise<ArchiveAccess | null>;
  /** Starts the notice and review workflows of the alerts the batch raised (idempotent by workflow id). */
  startAlertReviews(tenantId: string, alerts: readonly RaisedAlert[]): Promise<void>;
  /** The 客户群 (最近沟通时间) and 敏感行为审核 read models. */
  listSearch: ListSearch;
}

export interface IngestBatchResult {
  /** `idle`: nothing to read with (no SDK, no archive secret or key, archive not enabled in WeCom). */
  status: 'ingested' | 'idle';
  reason?: string;
  fetched: number;
  stored: number;
  /** The saved seq after this batch. */
  seq: number;
}

/** Files downloaded and stored at once per batch. */
const MEDIA_LANES = 4;
/** Beats well inside the workflow's 30 s heartbeat timeout; a step (media of one message, the batch's
 * MongoDB insert, …) still running after 3 minutes is taken as hung: on PostgreSQL each takes seconds. */
const HEARTBEAT = { everyMs: 5_000, stallAfterMs: 3 * 60_000 };
/** The SDK's answer when the corp has not enabled the archive (no public key uploaded). */
const ARCHIVE_NOT_ENABLED = 301053;

export interface ArchiveIngestActivities {
  ingestArchiveBatch(input: { tenantId: string; limit: number }): Promise<IngestBatchResult>;
}

/**
 * One batch of the chat archive: GetChatData from the saved seq, decrypt, media into GridFS, the messages into
 * MongoDB and Elasticsearch (both keyed by msgid), what the customer and group pages derive from them, the
 * sensitive-matching seam, and only then the new seq. A crash anywhere before the seq is saved reads the same
 * batch again, and every write above is idempotent, so nothing is lost or doubled.
 */
export function createArchiveIngestActivities(deps: ArchiveIngestDeps): ArchiveIngestActivities {
  let indexReady: Promise<void> | undefined;
  const ensureIndex = () => {
    indexReady ??= ensureChatMessageIndex(deps.es, deps.chatIndex).catch((error: unknown) => {
      indexReady = undefined;
      throw error;
    });
    return indexReady;
  };

  async function decryptBatch(
    tenantId: string,
    access: ArchiveAccess,
    sdk: ChatArchiveSdkChoice & { available: true },
    seq: number,
    limit: number,
  ) {
    const chatdata = await sdk.sdk.getChatData({ corpId: access.corpId, secret: access.secret, seq, limit });
    const records: ChatMessageRecord[] = [];
    for (const data of chatdata) {
      let message;
      try {
        message = await decryptChatData(sdk.sdk, access.privateKeys, data);
      } catch (error) {
        if (error instanceof MissingArchiveKeyError || error instanceof ArchiveKeyError) {
          // Waiting cannot fix a missing or wrong key; the admin must, and the next scheduled run retries.
          throw ApplicationFailure.nonRetryable(`seq ${data.seq}: ${error.message}`, 'ArchiveKeyMissing');
        }
        throw error;
      }
      const record = toChatMessageRecord(tenantId, data.seq, message);
      if (record) records.push(record);
    }
    return { chatdata, records };
  }

  /**
   * A few files at a time (WeCom's media API is the slow part; FerretDB on PostgreSQL takes writes in parallel),
   * each file once per batch: a mixed message's items are files like any other and share the store (the same
   * picture alone or in a mixed message is kept once).
   */
  async function storeMedia(
    tenantId: string,
    access: ArchiveAccess,
    sdk: ChatArchiveSdk,
    records: ChatMessageRecord[],
    progress: { enter(step: string): void },
  ) {
    const stored = new Map<string, Promise<string>>();
    const store = async <T extends MediaRef>(media: T): Promise<T> => {
      const key = chatMediaKey(tenantId, media);
      let fileKey = stored.get(key);
      if (!fileKey) {
        fileKey = storeChatMedia(tenantId, media, (indexbuf) =>
          sdk.getMediaData({
            corpId: access.corpId,
            secret: access.secret,
            sdkfileid: media.sdkfileid,
            indexbuf,
          }),
        );
        stored.set(key, fileKey);
      }
      return { ...media, fileKey: await fileKey };
    };
    const withMedia = records.filter((record) => record.media || record.itemMedia);
    let next = 0;
    const lane = async () => {
      for (let record = withMedia[next++]; record; record = withMedia[next++]) {
        progress.enter(`media ${record.seq}`);
        if (record.media) record.media = await store(record.media);
        if (record.itemMedia) record.itemMedia = await Promise.all(record.itemMedia.map(store));
      }
    };
    await Promise.all(Array.from({ length: MEDIA_LANES }, lane));
  }

  /**
   * Inserts the batch's messages; a batch read again after a crash (or by a run started by hand beside the
   * scheduled one) meets the ones stored before as duplicate ids (`<tenantId>:<msgid>`) and adds only the rest.
   */
  async function storeNewMessages(records: ChatMessageRecord[]) {
    await insertManyOnce(ChatMessageModel, records);
  }

  /** What the health panel shows of the ingest: the attempt's outcome, beside the cursor. */
  async function noteOutcome(tenantId: string, outcome: { idleReason?: string; error?: unknown }) {
    const now = new Date();
    await ArchiveCursorModel.updateOne(
      { tenantId },
      outcome.error === undefined
        ? {
            $set: { checkedAt: now, ...(outcome.idleReason ? { idleReason: outcome.idleReason } : {}) },
            $unset: {
              lastError: '',
              failedAt: '',
              ...(outcome.idleReason ? {} : { idleReason: '' }),
            },
          }
        : { $set: { lastError: failureCause(outcome.error), failedAt: now } },
      { upsert: true },
    );
  }

  return {
    async ingestArchiveBatch(input) {
      try {
        const result = await ingestBatch(input);
        await noteOutcome(input.tenantId, { idleReason: result.reason });
        return result;
      } catch (error) {
        await noteOutcome(input.tenantId, { error }).catch(() => undefined);
        throw error;
      }
    },
  };

  async function ingestBatch({
    tenantId,
    limit,
  }: {
    tenantId: string;
    limit: number;
  }): Promise<IngestBatchResult> {
    const cursor = await ArchiveCursorModel.findOne({ tenantId }).lean();
    const seq = cursor?.seq ?? 0;
    const idle = (reason: string): IngestBatchResult => ({
      status: 'idle',
      reason,
      fetched: 0,
      stored: 0,
      seq,
    });
    if (!deps.sdk.available) return idle(deps.sdk.reason);
    const access = await deps.loadArchiveAccess(tenantId);
    if (!access) return idle('未配置会话存档密钥或私钥');

    let batch;
    try {
      batch = await decryptBatch(tenantId, access, deps.sdk, seq, limit);
    } catch (error) {
      if (error instanceof ChatArchiveSdkError && error.errcode === ARCHIVE_NOT_ENABLED) {
        return idle('企业微信尚未开通会话内容存档');
      }
      if (error instanceof ChatArchiveSdkError && !error.retryable) {
        throw ApplicationFailure.nonRetryable(error.message, 'ChatArchiveSdkError');
      }
      throw error;
    }
    const { chatdata, records } = batch;
    if (chatdata.length === 0) return { status: 'ingested', fetched: 0, stored: 0, seq };

    const progress = beatWhileProgressing(HEARTBEAT);
    try {
      await storeMedia(tenantId, access, deps.sdk.sdk, records, progress);
      if (records.length > 0) {
        progress.enter('mongo');
        await storeNewMessages(records);
        progress.enter('elasticsearch');
        await ensureIndex();
        await indexChatMessages(deps.es, deps.chatIndex.alias, records);
        progress.enter('derived');
        await updateLastContact(tenantId, records, deps.customerIndexer);
        await recountGroupDays(tenantId, records);
        await updateGroupLastMessage(deps.listSearch, tenantId, records);
        await recomputeConversations(tenantId, records);
        progress.enter('sensitive');
        await deps.startAlertReviews(tenantId, await onMessagesIngested(deps.listSearch, tenantId, records));
      }
    } finally {
      progress.stop();
    }
    const lastSeq = chatdata[chatdata.length - 1].seq;
    await ArchiveCursorModel.updateOne(
      { tenantId },
      { $max: { seq: lastSeq }, $set: { updatedAt: new Date() } },
      { upsert: true },
    );
    return { status: 'ingested', fetched: chatdata.length, stored: records.length, seq: lastSeq };
  }
}

import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { ChatMessageModel } from '../../lib/models/chat-message.model';
import { GroupMessageDayModel } from '../../lib/models/group-message-day.model';
import { chatMessageIndexName } from '../../lib/search/chat-message-index';
import { generateArchiveKeyPair, publicKeyFingerprint } from '../../lib/wecom/archive-key';
import { loadBinding, saveBinding } from '../../lib/wecom/binding-store';
import { simulator } from './sim-client';
import { stackEnv } from './stack-env';

/** The chat index the worker writes to in the test profile (default prefix). */
export const CHAT_INDEX = chatMessageIndexName('scrm-');

export const testSearchClient = () => new ElasticsearchClient({ node: stackEnv.esUrl });

/**
 * Turns on the corp's archive the way an admin does: generates a key pair, uploads the public key in the
 * WeCom console (the next publickey_ver) and saves the private key under that version in the tenant's binding.
 */
export async function rotateArchiveKey(tenantIds: string[], corpId: string): Promise<number> {
  const pair = generateArchiveKeyPair();
  const { publickey_ver: version } = await simulator.uploadArchivePublicKey(corpId, pair.publicKey);
  for (const tenantId of tenantIds) {
    const binding = await loadBinding(tenantId);
    if (!binding) throw new Error(`tenant ${tenantId} is not bound`);
    await saveBinding(tenantId, {
      ...binding,
      archiveKeys: [
        ...binding.archiveKeys,
        { version, privateKey: pair.privateKey, publicKeyFingerprint: publicKeyFingerprint(pair.publicKey) },
      ],
    });
  }
  return version;
}

/** Messages of the tenant in Elasticsearch, after a refresh. */
export async function indexedCount(es: ElasticsearchClient, tenantId: string): Promise<number> {
  await es.indices.refresh({ index: CHAT_INDEX });
  return (await es.count({ index: CHAT_INDEX, query: { term: { tenantId } } })).count;
}

/** What "nothing lost, nothing doubled" means after an ingest: every seq once, in both stores and in the counts. */
export async function archiveTotals(es: ElasticsearchClient, tenantId: string) {
  const [stored, seqs, indexed, days, groupMessages] = await Promise.all([
    ChatMessageModel.countDocuments({ tenantId }),
    ChatMessageModel.distinct('seq', { tenantId }),
    indexedCount(es, tenantId),
    GroupMessageDayModel.find({ tenantId }).lean(),
    ChatMessageModel.countDocuments({ tenantId, roomid: { $ne: '' } }),
  ]);
  return {
    stored,
    distinctSeqs: seqs.length,
    indexed,
    groupMessages,
    countedGroupMessages: days.reduce((sum, day) => sum + day.staff + day.customers, 0),
  };
}

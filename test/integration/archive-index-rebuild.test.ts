import type { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { MockActivityEnvironment } from '@temporalio/testing';
import mongoose from 'mongoose';
import { createChatSearchRebuildActivities } from '../../activities/chat-search-rebuild.activities';
import { toChatMessageRecord } from '../../lib/archive/chat-message-record';
import { connectDatabase, disconnectDatabase } from '../../lib/db/connect';
import { ChatMessageModel } from '../../lib/models/chat-message.model';
import { chatIndexNeedsRebuild, ensureChatMessageIndex } from '../../lib/search/chat-index-lifecycle';
import { CHAT_SEARCH_SORT, chatIndexNames, chatKeywordQuery } from '../../lib/search/chat-message-index';
import { testSearchClient } from '../support/archive-fixture';
import { isolatedMongoUrl } from '../support/stack-env';

const TENANT = 'chat-index-rebuild';
const names = chatIndexNames('itest-rebuild-');

function archived(n: number) {
  return toChatMessageRecord(TENANT, n, {
    msgid: `rebuild-${n}`,
    action: 'send',
    from: 'lina',
    tolist: ['wmRebuildCustomer0000001'],
    roomid: '',
    msgtime: Date.UTC(2026, 0, 1) + n * 60_000,
    msgtype: 'text',
    text: { content: `第${n}条报价单` },
  })!;
}

/** An upgrade from version 1 (a plain index under the alias's name) to the sorted index behind the alias. */
describe('the chat index after a version bump', () => {
  let es: ElasticsearchClient;

  beforeAll(async () => {
    await connectDatabase(isolatedMongoUrl('archive-index-rebuild'));
    await mongoose.connection.dropDatabase();
    es = testSearchClient();
    // The versioned index first: its alias goes with it, and then a version 1 index of that name can.
    await es.indices.delete({ index: names.index }, { ignore: [404] });
    await es.indices.delete({ index: names.alias }, { ignore: [404] });
  });

  afterAll(async () => {
    await es.indices.delete({ index: names.index }, { ignore: [404] });
    await es.close();
    await disconnectDatabase();
  });

  it('replaces version 1 by the alias and refills the new index from MongoDB, newest first', async () => {
    await es.indices.create({ index: names.alias, mappings: { properties: { msgid: { type: 'keyword' } } } });
    await ChatMessageModel.insertMany([1, 2, 3].map(archived));

    await ensureChatMessageIndex(es, names);
    const behind = await es.indices.getAlias({ name: names.alias });
    expect(Object.keys(behind)).toEqual([names.index]);
    expect(await chatIndexNeedsRebuild(es, names)).toBe(true);

    const { rebuildChatMessageIndex } = createChatSearchRebuildActivities({ es });
    const result = await new MockActivityEnvironment().run(rebuildChatMessageIndex, names);
    expect(result).toEqual({ indexed: 3 });
    expect(await chatIndexNeedsRebuild(es, names)).toBe(false);

    await es.indices.refresh({ index: names.alias });
    const found = await es.search<{ msgid: string }>({
      index: names.alias,
      query: chatKeywordQuery('报价单'),
      sort: CHAT_SEARCH_SORT,
    });
    expect(found.hits.hits.map((hit) => hit._source?.msgid)).toEqual(['rebuild-3', 'rebuild-2', 'rebuild-1']);

    // A second start finds the current version in place and leaves it alone.
    await ensureChatMessageIndex(es, names);
    expect(await chatIndexNeedsRebuild(es, names)).toBe(false);
  });

  it('moves the alias from version 2 (standard analyzer) to the current index, whose refill finds what 2 missed', async () => {
    const previous = `${names.alias}-v2`;
    await es.indices.delete({ index: names.index }, { ignore: [404] });
    await es.indices.create({
      index: previous,
      mappings: {
        properties: { msgid: { type: 'keyword' }, content: { type: 'text', analyzer: 'standard' } },
      },
      aliases: { [names.alias]: { is_write_index: true } },
    });
    await es.index({
      index: names.alias,
      id: 'old',
      document: { msgid: 'old', content: '加我vx123' },
      refresh: true,
    });
    // Version 2's analyzer kept "vx123" as one token: "vx" was not found.
    expect((await es.count({ index: names.alias, query: { match_phrase: { content: 'vx' } } })).count).toBe(
      0,
    );
    await ChatMessageModel.create({
      ...archived(4),
      msgid: 'rebuild-vx',
      _id: `${TENANT}:rebuild-vx`,
      content: '加我vx123',
    });

    await ensureChatMessageIndex(es, names);
    expect(Object.keys(await es.indices.getAlias({ name: names.alias }))).toEqual([names.index]);
    // The old version is kept, without the alias, for the operator to delete.
    expect(await es.indices.exists({ index: previous })).toBe(true);
    expect(await chatIndexNeedsRebuild(es, names)).toBe(true);
    const { rebuildChatMessageIndex } = createChatSearchRebuildActivities({ es });
    expect(await new MockActivityEnvironment().run(rebuildChatMessageIndex, names)).toEqual({ indexed: 4 });
    await es.indices.refresh({ index: names.alias });
    const found = await es.search<{ msgid: string }>({ index: names.alias, query: chatKeywordQuery('VX') });
    expect(found.hits.hits.map((hit) => hit._source?.msgid)).toEqual(['rebuild-vx']);
    await es.indices.delete({ index: previous });
  });
});

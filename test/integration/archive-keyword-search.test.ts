import type { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import mongoose from 'mongoose';
import { searchArchiveMessages } from '../../api/modules/archive/archive-search.use-case';
import type { StaffScope } from '../../lib/access/data-scope';
import { toChatMessageRecord, type ChatMessageRecord } from '../../lib/archive/chat-message-record';
import { archiveSearchQuerySchema } from '../../lib/contracts/archive.contract';
import { connectDatabase, disconnectDatabase } from '../../lib/db/connect';
import { ensureChatMessageIndex } from '../../lib/search/chat-index-lifecycle';
import { chatIndexNames, chatKeywordQuery, indexChatMessages } from '../../lib/search/chat-message-index';
import { testSearchClient } from '../support/archive-fixture';
import { isolatedMongoUrl } from '../support/stack-env';

const TENANT = 'chat-keyword-search';
const OTHER_TENANT = 'chat-keyword-search-other';
const STAFF = 'lina';
const CUSTOMER = 'wmKeywordSearchCustomer01';
const names = chatIndexNames('itest-keyword-');
/** The api's caller for a super admin (数据权限 全部): the search reads only its tenant and scope. */
const ADMIN = {
  tenantId: TENANT,
  staffId: 'admin',
  userid: 'admin',
  isSuperAdmin: true,
  permissions: new Set<string>(),
  scope: async (): Promise<StaffScope> => ({ all: true }),
};
const MESSAGES = 2_000;

/** A deterministic pseudo-random sequence in [0, 1) (xorshift32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

/**
 * What chat texts mix: Han characters, Latin words in any letter case glued to digits (加我vx123), digit runs,
 * emoji (two UTF-16 code units), Chinese and ASCII punctuation, spaces, letters whose case folding is not ASCII.
 */
const PIECES = [
  ...'的了我你好是在有报价单合同发票请问谢谢哈嗯加微信号码元台',
  '加我vx',
  'VX',
  'Vx',
  'vX:',
  'iPhone',
  'IPHONE',
  'iphone',
  ' 15',
  '15',
  ' Pro',
  'DD',
  'wx_',
  'QQ',
  '😊',
  '👍',
  '🎉',
  '😀',
  ...'，。！？、：',
  ...',.!?-+#@ ',
  'Äpfel',
  'ÄPFEL',
  'İzmir',
  'straße',
  '\n',
];

function generatedText(next: () => number): string {
  const length = next() < 0.05 ? 200 + Math.floor(next() * 300) : 1 + Math.floor(next() * 24);
  let text = '';
  for (let i = 0; i < length; i++) {
    const roll = next();
    if (roll < 0.15) text += String(Math.floor(next() * 10 ** (1 + Math.floor(next() * 6))));
    else text += PIECES[Math.floor(next() * PIECES.length)];
  }
  return text;
}

function generatedCorpus(): ChatMessageRecord[] {
  const next = random(2026);
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: MESSAGES }, (_, n) => {
    const tenantId = n % 10 === 9 ? OTHER_TENANT : TENANT;
    return toChatMessageRecord(tenantId, n + 1, {
      msgid: `kw-${String(n).padStart(5, '0')}`,
      action: 'send',
      from: n % 2 === 0 ? STAFF : CUSTOMER,
      tolist: [n % 2 === 0 ? CUSTOMER : STAFF],
      roomid: '',
      msgtime: start + n * 60_000,
      msgtype: 'text',
      text: { content: generatedText(next) },
    })!;
  });
}

/** Substrings of the corpus's own texts, 1–10 characters (code points), some with their letter case flipped. */
function sampledQueries(corpus: readonly ChatMessageRecord[], count: number): string[] {
  const next = random(7);
  const queries: string[] = [];
  while (queries.length < count) {
    const chars = Array.from(corpus[Math.floor(next() * corpus.length)].content);
    const length = 1 + Math.floor(next() * Math.min(10, chars.length));
    const at = Math.floor(next() * (chars.length - length + 1));
    let query = chars.slice(at, at + length).join('');
    if (next() < 0.3) query = next() < 0.5 ? query.toUpperCase() : query.toLowerCase();
    // What the contract's trim would change is not a query of its own.
    if (query.trim() === query && query !== '') queries.push(query);
  }
  return queries;
}

/** The keywords the issue names, and shapes around them. */
const NAMED_QUERIES = [
  '好',
  '报',
  '😊',
  '👍',
  'vx',
  'VX',
  'vx1',
  '加我vx',
  'iPhone 15',
  'iphone 1',
  'IPHONE',
  'e 1',
  '15',
  '5',
  '123',
  '0',
  '，',
  '!',
  '?',
  '#@',
  'äpfel',
  'İ',
  'i̇z',
  'izmir',
  'STRASSE',
  'straße',
  'dd1',
  'x_',
  '报价单',
  '😊😊',
  '好😊',
  '哈哈哈',
  '没有这个词',
  '🙈',
];

/**
 * The keyword search is an exact substring match with letter case folded, for every keyword: the hits in
 * Elasticsearch equal a plain `includes` scan of the same messages, over a generated corpus and a few hundred
 * keywords (the issue's own and substrings of the corpus), against a real Elasticsearch.
 */
describe('内容存档 keyword search equals an includes scan', () => {
  let es: ElasticsearchClient;
  let corpus: ChatMessageRecord[];

  beforeAll(async () => {
    await connectDatabase(isolatedMongoUrl('archive-keyword-search'));
    await mongoose.connection.dropDatabase();
    es = testSearchClient();
    await es.indices.delete({ index: names.index }, { ignore: [404] });
    await ensureChatMessageIndex(es, names);
    corpus = generatedCorpus();
    for (let at = 0; at < corpus.length; at += 500) {
      await indexChatMessages(es, names.alias, corpus.slice(at, at + 500));
    }
    await es.indices.refresh({ index: names.alias });
  });

  afterAll(async () => {
    await es.indices.delete({ index: names.index }, { ignore: [404] });
    await es.close();
    await disconnectDatabase();
  });

  /** The tenant's messages whose text contains the keyword, case folded, newest first. */
  const scanned = (keyword: string) =>
    corpus
      .filter(
        (message) =>
          message.tenantId === TENANT && message.content.toLowerCase().includes(keyword.toLowerCase()),
      )
      .map((message) => message.msgid)
      .reverse();

  const indexed = async (keyword: string) => {
    const answer = await es.search({
      index: names.alias,
      size: MESSAGES,
      _source: false,
      docvalue_fields: ['msgid'],
      query: { bool: { filter: [{ term: { tenantId: TENANT } }, chatKeywordQuery(keyword)] } },
      sort: [{ msgid: 'desc' }],
    });
    return answer.hits.hits.map((hit) => (hit.fields?.msgid as string[])[0]);
  };

  it('finds exactly the messages containing the keyword, for the named keywords and 300 sampled ones', async () => {
    const queries = [...NAMED_QUERIES, ...sampledQueries(corpus, 300)];
    const mismatches: string[] = [];
    let withHits = 0;
    for (const keyword of queries) {
      const expected = scanned(keyword);
      const found = await indexed(keyword);
      if (expected.length > 0) withHits += 1;
      if (JSON.stringify(found) !== JSON.stringify(expected)) {
        mismatches.push(`${JSON.stringify(keyword)}: ${found.length} found, ${expected.length} expected`);
      }
    }
    expect(mismatches).toEqual([]);
    // The comparison means something: most keywords hit, some hit hundreds of messages, a few none.
    expect(withHits).toBeGreaterThan(queries.length * 0.9);
    expect(scanned('好').length).toBeGreaterThan(200);
    expect(scanned('vx').length).toBeGreaterThan(50);
    expect(scanned('iPhone 15').length).toBeGreaterThan(5);
    expect(scanned('没有这个词')).toEqual([]);
  });

  it('answers the search API likewise: 1-character keywords accepted, newest first, every hit marked', async () => {
    for (const keyword of ['好', '😊', 'vx', 'iPhone 15', '123', 'İ', '哈哈']) {
      const query = archiveSearchQuerySchema.parse({ staffUserid: STAFF, keyword, pageSize: 100 });
      const page = await searchArchiveMessages(ADMIN, query, { elasticsearch: es, chatIndex: names.alias });
      const expected = scanned(keyword);
      expect(page.total).toBe(Math.min(expected.length, 1_000));
      expect(page.items.map((hit) => hit.msgid)).toEqual(expected.slice(0, 100));
      const byId = new Map(corpus.map((message) => [message.msgid, message.content]));
      for (const hit of page.items) {
        expect(hit.segments.map((segment) => segment.text).join('')).toBe(byId.get(hit.msgid));
        const marked = hit.segments.filter((segment) => segment.hit);
        expect(marked.length).toBeGreaterThan(0);
        for (const segment of marked) {
          expect(segment.text.toLowerCase()).toContain(keyword.toLowerCase());
        }
      }
    }
  });

  it('keeps the code words out of _source (a rebuild reads MongoDB), the text in it', async () => {
    const stored = await es.get<Record<string, unknown>>({ index: names.alias, id: corpus[0]._id });
    expect(stored._source?.content).toBe(corpus[0].content);
    expect(stored._source).not.toHaveProperty('contentTokens');
  });

  it('refuses an empty keyword, in Chinese', () => {
    const refused = archiveSearchQuerySchema.safeParse({ staffUserid: STAFF, keyword: '  ' });
    expect(refused.success).toBe(false);
    expect(JSON.stringify(refused.error?.issues)).toContain('请输入关键词');
  });
});

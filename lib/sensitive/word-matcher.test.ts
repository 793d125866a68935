import { WordMatcher, type WordHit } from './word-matcher';

describe('WordMatcher (R-5.2.2-04/05, I-83)', () => {
  const matcher = new WordMatcher([
    { key: 'insult', words: ['滚', '垃圾', '哈哈哈'] },
    { key: 'money', words: ['转账', '账户', '红包'] },
    { key: 'latin', words: ['Abc', 'he', 'she', 'hers'] },
  ]);

  it('finds Chinese words anywhere in a message, exactly', () => {
    expect(matcher.match('你这个垃圾，滚！')).toEqual(new Map([['insult', ['垃圾', '滚']]]));
    expect(matcher.match('哈哈，好的')).toEqual(new Map());
    expect(matcher.match('哈哈哈哈').get('insult')).toEqual(['哈哈哈']);
  });

  it('finds overlapping words of several rules', () => {
    expect(matcher.findAll('转账户')).toEqual([
      { key: 'money', word: '转账', index: 0 },
      { key: 'money', word: '账户', index: 1 },
    ]);
    const hits = matcher.match('ushers 给个红包滚');
    expect([...hits.keys()].sort()).toEqual(['insult', 'latin', 'money']);
    expect(hits.get('latin')).toEqual(['she', 'he', 'hers']);
  });

  it('is case-sensitive', () => {
    expect(matcher.match('abc ABC').size).toBe(0);
    expect(matcher.match('xAbcx').get('latin')).toEqual(['Abc']);
  });

  it('reports offsets in UTF-16 units past astral characters', () => {
    const text = '😀垃圾';
    const [hit] = matcher.findAll(text);
    expect(text.slice(hit.index, hit.index + hit.word.length)).toBe('垃圾');
  });

  it('counts a word listed twice in one rule once, and one word in two rules for both', () => {
    const twice = new WordMatcher([
      { key: 'a', words: ['滚', '滚', ''] },
      { key: 'b', words: ['滚'] },
    ]);
    expect(twice.size).toBe(2);
    expect(twice.match('滚')).toEqual(
      new Map([
        ['a', ['滚']],
        ['b', ['滚']],
      ]),
    );
    expect(new WordMatcher([]).match('anything').size).toBe(0);
  });

  it('matches words with astral characters and reports UTF-16 offsets', () => {
    const astral = new WordMatcher([{ key: 'k', words: ['😀', '😀哈', '𠮷野家', '家😀'] }]);
    expect(astral.findAll('吃𠮷野家😀哈')).toEqual([
      { key: 'k', word: '𠮷野家', index: 1 },
      { key: 'k', word: '家😀', index: 4 },
      { key: 'k', word: '😀', index: 5 },
      { key: 'k', word: '😀哈', index: 5 },
    ]);
    expect(astral.findAll('😁哈')).toEqual([]);
  });

  it('never matches half of a surrogate pair, even for a word that is one', () => {
    const halves = new WordMatcher([{ key: 'k', words: ['\uD83D', '\uDE00', 'a\uD83D', '\uDE00b'] }]);
    expect(halves.findAll('a😀b')).toEqual([]);
    expect(halves.findAll('a\uD83Dx\uDE00b')).toEqual([
      { key: 'k', word: 'a\uD83D', index: 0 },
      { key: 'k', word: '\uD83D', index: 1 },
      { key: 'k', word: '\uDE00', index: 3 },
      { key: 'k', word: '\uDE00b', index: 3 },
    ]);
  });

  it('finds nested and overlapping words, longest first where they end together', () => {
    const nested = new WordMatcher([{ key: 'k', words: ['c', 'bc', 'abc', 'ab', 'a', '哈哈'] }]);
    expect(nested.findAll('abc')).toEqual([
      { key: 'k', word: 'a', index: 0 },
      { key: 'k', word: 'ab', index: 0 },
      { key: 'k', word: 'abc', index: 0 },
      { key: 'k', word: 'bc', index: 1 },
      { key: 'k', word: 'c', index: 2 },
    ]);
    expect(nested.findAll('哈哈哈').map((hit) => hit.index)).toEqual([0, 1]);
  });

  it('reports a word listed under two keys once for each, in the order the keys were given', () => {
    const shared = new WordMatcher([
      { key: 'second', words: ['红包'] },
      { key: 'first', words: ['红包', '包'] },
    ]);
    expect(shared.findAll('发红包')).toEqual([
      { key: 'second', word: '红包', index: 1 },
      { key: 'first', word: '红包', index: 1 },
      { key: 'first', word: '包', index: 2 },
    ]);
  });

  it('finds nothing with no words, or only empty ones, and nothing in an empty text', () => {
    for (const empty of [new WordMatcher<string>([]), new WordMatcher([{ key: 'k', words: ['', ''] }])]) {
      expect(empty.size).toBe(0);
      expect(empty.findAll('')).toEqual([]);
      expect(empty.findAll('任何 text 😀')).toEqual([]);
    }
    expect(matcher.findAll('')).toEqual([]);
  });

  it('keeps one (key, word) pair however often it is listed, even across entries of the same key', () => {
    const repeated = new WordMatcher([
      { key: 'k', words: ['退款', '退款'] },
      { key: 'k', words: ['退款'] },
    ]);
    expect(repeated.size).toBe(1);
    expect(repeated.findAll('退款退款')).toEqual([
      { key: 'k', word: '退款', index: 0 },
      { key: 'k', word: '退款', index: 2 },
    ]);
  });

  it('finds exactly what indexOf finds, for hundreds of random word lists and texts', () => {
    const next = xorshift(2026);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const alphabet = ['a', 'b', 'A', '哈', '😀'];
    const symbols = (max: number) =>
      Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(alphabet)).join('');

    for (let trial = 0; trial < 500; trial++) {
      const keys = ['x', 'y', 'z'].slice(0, 1 + Math.floor(next() * 3));
      const entries = Array.from({ length: 1 + Math.floor(next() * 6) }, () => ({
        key: pick(keys),
        words: Array.from({ length: Math.floor(next() * 5) }, () => symbols(4)),
      }));
      const texts = Array.from({ length: 5 }, () => symbols(40));
      const matcher = new WordMatcher(entries);
      for (const text of texts) expect(matcher.findAll(text)).toEqual(naiveFindAll(entries, text));
    }
  });
});

/** Every (key, word) pair's occurrences by indexOf, in order of where they end, longest word first. */
function naiveFindAll<K>(
  entries: ReadonlyArray<{ key: K; words: readonly string[] }>,
  text: string,
): WordHit<K>[] {
  const pairs: Array<{ key: K; word: string }> = [];
  for (const { key, words } of entries) {
    for (const word of words) {
      if (word && !pairs.some((pair) => pair.key === key && pair.word === word)) pairs.push({ key, word });
    }
  }
  const hits: WordHit<K>[] = [];
  for (const { key, word } of pairs) {
    for (let index = text.indexOf(word); index !== -1; index = text.indexOf(word, index + 1)) {
      hits.push({ key, word, index });
    }
  }
  const end = (hit: WordHit<K>) => hit.index + hit.word.length;
  // Array#sort is stable: pairs keep the order they were first listed in.
  return hits.sort((a, b) => end(a) - end(b) || b.word.length - a.word.length);
}

/** A seeded pseudo-random sequence in [0, 1) (xorshift32), so a failure replays. */
function xorshift(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

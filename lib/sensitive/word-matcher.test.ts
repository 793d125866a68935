import { WordMatcher } from './word-matcher';

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
});

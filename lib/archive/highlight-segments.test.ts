import { highlightSegments } from './highlight-segments';

const hits = (text: string, keyword: string) =>
  highlightSegments(text, keyword)
    .filter((segment) => segment.hit)
    .map((segment) => segment.text);

describe('highlightSegments', () => {
  it('marks a Chinese keyword inside the text', () => {
    expect(highlightSegments('请查收报价单，谢谢', '报价单')).toEqual([
      { text: '请查收', hit: false },
      { text: '报价单', hit: true },
      { text: '，谢谢', hit: false },
    ]);
  });

  it('marks every occurrence, at both ends too, in the text’s own letter case', () => {
    expect(highlightSegments('VX x vx', 'Vx')).toEqual([
      { text: 'VX', hit: true },
      { text: ' x ', hit: false },
      { text: 'vx', hit: true },
    ]);
    expect(hits('加我vx123', 'vx')).toEqual(['vx']);
    expect(hits('买了iPhone 15和IPHONE 15 Pro', 'iphone 15')).toEqual(['iPhone 15', 'IPHONE 15']);
  });

  it('marks one character and an emoji (two code units) whole', () => {
    expect(highlightSegments('好😊好', '😊')).toEqual([
      { text: '好', hit: false },
      { text: '😊', hit: true },
      { text: '好', hit: false },
    ]);
    expect(hits('好的好', '好')).toEqual(['好', '好']);
  });

  it('joins overlapping and touching occurrences into one hit', () => {
    expect(highlightSegments('哈哈哈！', '哈哈')).toEqual([
      { text: '哈哈哈', hit: true },
      { text: '！', hit: false },
    ]);
    expect(hits('abab', 'ab')).toEqual(['abab']);
  });

  it('maps a character whose lowercase is longer back to the text (İ lowercases to i + a dot)', () => {
    expect(highlightSegments('İstanbul', 'stan')).toEqual([
      { text: 'İ', hit: false },
      { text: 'stan', hit: true },
      { text: 'bul', hit: false },
    ]);
    // "i" is the first half of İ's lowercase: the whole İ is marked.
    expect(highlightSegments('İx', 'i')).toEqual([
      { text: 'İ', hit: true },
      { text: 'x', hit: false },
    ]);
  });

  it('returns a text without the keyword as one piece', () => {
    expect(highlightSegments('没有命中', '报价')).toEqual([{ text: '没有命中', hit: false }]);
    expect(highlightSegments('', '报价')).toEqual([]);
  });
});

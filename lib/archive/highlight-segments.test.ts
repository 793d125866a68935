import { HIT_END, HIT_START, highlightSegments } from './highlight-segments';

const mark = (text: string) => `${HIT_START}${text}${HIT_END}`;

describe('highlightSegments', () => {
  it('joins the per-character marks of a Chinese phrase into one hit', () => {
    expect(highlightSegments(`请查收${mark('报')}${mark('价')}${mark('单')}，谢谢`)).toEqual([
      { text: '请查收', hit: false },
      { text: '报价单', hit: true },
      { text: '，谢谢', hit: false },
    ]);
  });

  it('keeps separate hits apart and handles hits at both ends', () => {
    expect(highlightSegments(`${mark('ab')} x ${mark('ab')}`)).toEqual([
      { text: 'ab', hit: true },
      { text: ' x ', hit: false },
      { text: 'ab', hit: true },
    ]);
  });

  it('returns plain text as one piece', () => {
    expect(highlightSegments('没有命中')).toEqual([{ text: '没有命中', hit: false }]);
    expect(highlightSegments('')).toEqual([]);
  });
});

import { dayOf, keywordSegments, messageText } from './archive-texts';

describe('keywordSegments', () => {
  it('marks every occurrence of a Chinese keyword', () => {
    expect(keywordSegments('报价单发你了，报价有效期一周', '报价')).toEqual([
      { text: '报价', hit: true },
      { text: '单发你了，', hit: false },
      { text: '报价', hit: true },
      { text: '有效期一周', hit: false },
    ]);
  });

  it('ignores case and leaves text without the keyword whole', () => {
    expect(keywordSegments('see the PDF', 'pdf')).toEqual([
      { text: 'see the ', hit: false },
      { text: 'PDF', hit: true },
    ]);
    expect(keywordSegments('没有命中', '报价')).toEqual([{ text: '没有命中', hit: false }]);
    expect(keywordSegments('原文', '')).toEqual([{ text: '原文', hit: false }]);
  });
});

describe('messageText', () => {
  it('shows text, placeholders and 不支持的类型', () => {
    expect(messageText({ msgtype: 'text', content: '你好' })).toBe('你好');
    expect(messageText({ msgtype: 'image', content: '' })).toBe('[图片]');
    expect(messageText({ msgtype: 'file', content: '方案.pdf' })).toBe('[文件] 方案.pdf');
    expect(messageText({ msgtype: 'calendar', content: '' })).toBe('[不支持的类型]');
  });
});

describe('dayOf', () => {
  it('formats a picked date as YYYY-MM-DD', () => {
    expect(dayOf(new Date(2026, 10, 5))).toBe('2026-11-05');
    expect(dayOf(null)).toBeNull();
  });
});

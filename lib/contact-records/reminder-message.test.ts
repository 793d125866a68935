import {
  chinaMinuteLabel,
  customerRecordsH5Url,
  reminderRecipients,
  reminderTextcard,
} from './reminder-message';

describe('the 提醒事项 app message', () => {
  it('goes to the @-mentioned at once, and to the creator plus them when due (I-50)', () => {
    const record = { creatorUserid: 'lina', mentionUserids: ['wang', 'lina'] };
    expect(reminderRecipients('mention', record)).toEqual(['wang', 'lina']);
    expect(reminderRecipients('due', record)).toEqual(['lina', 'wang']);
    expect(reminderRecipients('due', { creatorUserid: 'lina', mentionUserids: [] })).toEqual(['lina']);
  });

  it('is a textcard within WeCom’s limits, escaping what people typed', () => {
    const card = reminderTextcard({
      occasion: 'due',
      customerName: '张三<b>',
      creatorName: '李娜',
      text: '字'.repeat(100),
      remindAtLabel: chinaMinuteLabel(new Date('2026-11-25T08:30:00Z')),
      url: customerRecordsH5Url('https://scrm.example.com', 'wm 1'),
    });
    expect(card.title).toBe('提醒事项到期');
    expect(card.description).toContain('张三&lt;b&gt;');
    expect(card.description).toContain('提醒时间：2026-11-25 16:30');
    expect(Buffer.byteLength(card.description, 'utf8')).toBeLessThanOrEqual(512);
    expect(card.url).toBe('https://scrm.example.com/h5/customer?externalUserid=wm%201&tab=records');
    expect(
      reminderTextcard({
        ...card,
        occasion: 'mention',
        customerName: 'x',
        creatorName: '李娜',
        text: 't',
        url: '',
      }).title,
    ).toBe('李娜@了你');
  });
});

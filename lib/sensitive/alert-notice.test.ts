import type { SensitiveAlertView } from '../contracts/sensitive-alerts.contract';
import { DEFAULT_BEHAVIOR_SETTINGS } from './behavior-settings';
import { alertNoticeText, alertRecipients } from './alert-notice';

function view(overrides: Partial<SensitiveAlertView>): SensitiveAlertView {
  return {
    id: 't:m1:r1',
    triggeredAt: '2026-12-03T02:05:00.000Z',
    behavior: 'sensitive-message',
    senderName: '张三',
    senderType: 'customer',
    chatName: '张三',
    ruleName: '辱骂',
    content: '你这个垃圾，滚',
    words: ['垃圾', '滚'],
    status: 'pending',
    reviewNote: '',
    reviewerName: null,
    reviewedAt: null,
    ...overrides,
  };
}

describe('敏感行为 app message (I-110, I-111)', () => {
  it('lists every rule a message hit, once, with one review link per row for reviewers', () => {
    const alerts = [view({}), view({ id: 't:m1:r2', ruleName: '资金', words: ['垃圾'] })];
    const text = alertNoticeText(alerts, (id) => `https://scrm.example/review?id=${id}`);
    expect(text.split('\n')).toEqual([
      '敏感行为预警',
      '触发人：张三',
      '发送人类别：客户',
      '敏感行为：敏感消息',
      '命中规则：辱骂（垃圾、滚）；资金（垃圾）',
      '好友/群名称：张三',
      '触发时间：2026-12-03 10:05',
      '详情：你这个垃圾，滚',
      '审核：<a href="https://scrm.example/review?id=t:m1:r1">辱骂</a>　<a href="https://scrm.example/review?id=t:m1:r2">资金</a>',
    ]);
    expect(alertNoticeText(alerts)).not.toContain('审核：');
  });

  it('shows a card as [名片], cuts a long 详情 and keeps what senders wrote from becoming links', () => {
    const card = alertNoticeText(
      [view({ behavior: 'card', ruleName: null, words: [], content: '[名片]', senderType: 'staff' })],
      (id) => `/r/${id}`,
    );
    expect(card).toContain('敏感行为：发名片\n好友/群名称');
    expect(card).toContain('发送人类别：员工');
    expect(card).toContain('审核：<a href="/r/t:m1:r1">去审核</a>');
    const long = alertNoticeText([view({ content: `<a href="x">${'字'.repeat(300)}` })]);
    expect(long).toContain(`详情：＜a href="x"＞${'字'.repeat(188)}...`);
  });

  it('messages each member once, whichever routes lead to them (R-7.6-10)', () => {
    const settings = {
      ...DEFAULT_BEHAVIOR_SETTINGS,
      notifyGroupOwner: true,
      notifyTrigger: true,
      notifyUserids: ['lina', 'zhaomin'],
    };
    const alert = { from: 'wmCustomer', senderType: 'external', staffUserids: ['lina', 'wangwei'] };
    expect(alertRecipients(settings, alert, 'lina').sort()).toEqual(['lina', 'wangwei', 'zhaomin']);
  });
});

import { ArchiveConversation, ArchiveSearchHit } from './archive.models';
import {
  chatConditionsOf,
  conversationOfHit,
  dayOf,
  hitChatLabel,
  keywordSegments,
  messageText,
  senderNameIn,
} from './archive-texts';

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

describe('chatConditionsOf (企微会话记录, I-52)', () => {
  it('turns the filter bar into the API conditions, leaving 全部 and empty pickers unset', () => {
    expect(chatConditionsOf('lina', [new Date(2026, 10, 1), new Date(2026, 10, 3)], 'link')).toEqual({
      staffUserid: 'lina',
      from: '2026-11-01',
      to: '2026-11-03',
      msgtype: 'link',
    });
    expect(chatConditionsOf(null, [], '')).toEqual({ staffUserid: null, from: null, to: null, msgtype: '' });
    expect(chatConditionsOf('', [], '').staffUserid).toBeNull();
  });
});

const listed: ArchiveConversation = {
  conversationId: 'single:lina|wmCustomer',
  chatKind: 'external',
  peer: { kind: 'staff', id: 'lina', name: '李娜', avatar: '' },
  lastMessageAt: '2026-11-01T00:00:00.000Z',
  lastMessage: { msgtype: 'text', from: 'lina', content: '你好' },
};

describe('conversationOfHit', () => {
  const hit: ArchiveSearchHit = {
    conversationId: 'room:wrGroup',
    chatKind: 'group',
    peer: { kind: 'group', id: 'wrGroup', name: '华东客户群', avatar: '' },
    msgid: 'm1',
    msgtype: 'text',
    from: 'lina',
    msgtime: '2026-11-02T00:00:00.000Z',
    segments: [{ text: '报价', hit: true }],
  };

  it('opens the listed conversation, or one built from the hit, named as the hit names it', () => {
    expect(conversationOfHit({ ...hit, conversationId: listed.conversationId }, [listed])).toBe(listed);
    expect(conversationOfHit(hit, [listed])).toMatchObject({
      conversationId: 'room:wrGroup',
      chatKind: 'group',
      peer: { kind: 'group', id: 'wrGroup', name: '华东客户群' },
    });
  });
});

describe('hitChatLabel', () => {
  const peer = (kind: 'customer' | 'staff' | 'group', name: string) => ({
    peer: { kind, id: 'x', name, avatar: '' },
  });

  it('names both sides of a single chat, and a group chat by the group', () => {
    expect(hitChatLabel(peer('customer', '张三'), '徐静')).toBe('徐静 与 张三');
    expect(hitChatLabel(peer('staff', '徐静'), '张三')).toBe('张三 与 徐静');
    expect(hitChatLabel(peer('customer', '未知客户（wmbKtE…MBbM）'), '')).toBe('与 未知客户（wmbKtE…MBbM）');
    expect(hitChatLabel(peer('group', '华东客户群'), '徐静')).toBe('群聊：华东客户群');
  });
});

describe('senderNameIn', () => {
  const known = {
    customer: { externalUserid: 'wmCustomer', name: '张三' },
    staff: [{ userid: 'wang', name: '王强' }],
  };

  it('names the customer, the chat partner and known staff, else shows the WeCom id', () => {
    expect(senderNameIn({ from: 'wmCustomer' }, known, listed.peer)).toBe('张三');
    expect(senderNameIn({ from: 'lina' }, known, listed.peer)).toBe('李娜');
    expect(senderNameIn({ from: 'wang' }, known)).toBe('王强');
    expect(senderNameIn({ from: 'zhao' }, known)).toBe('zhao');
  });
});

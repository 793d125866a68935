import { toChatMessageRecord } from './chat-message-record';

const STAFF = 'lina';
const CUSTOMER = 'wmAbCdEfGhIjKlMnOpQrStUvWxYz0123';
const base = {
  msgid: 'm1',
  action: 'send',
  from: STAFF,
  tolist: [CUSTOMER],
  roomid: '',
  msgtime: 1_764_000_000_000,
};

describe('an archived message as the product stores it', () => {
  it('keys a single chat with a customer by both parties, as 外部, sender staff', () => {
    const record = toChatMessageRecord('t1', 7, { ...base, msgtype: 'text', text: { content: '您好' } });
    expect(record).toMatchObject({
      _id: 't1:m1',
      seq: 7,
      chatKind: 'external',
      conversationId: `single:${[STAFF, CUSTOMER].sort().join('|')}`,
      senderType: 'staff',
      staffUserids: [STAFF],
      externalUserids: [CUSTOMER],
      content: '您好',
    });
    expect(record?.msgtime.getTime()).toBe(base.msgtime);
  });

  it('files a group message under its room, and a chat between members as 内部', () => {
    const group = toChatMessageRecord('t1', 1, {
      ...base,
      from: CUSTOMER,
      tolist: [STAFF, 'wangwei'],
      roomid: 'wrRoom',
      msgtype: 'text',
      text: { content: '大家好' },
    });
    expect(group).toMatchObject({ chatKind: 'group', conversationId: 'room:wrRoom', senderType: 'external' });
    const internal = toChatMessageRecord('t1', 2, {
      ...base,
      tolist: ['wangwei'],
      msgtype: 'text',
      text: { content: 'x' },
    });
    expect(internal?.chatKind).toBe('internal');
  });

  it('reads the searchable text of links, files, chat records and mixed messages', () => {
    const text = (msgtype: string, body: Record<string, unknown>, key = msgtype) =>
      toChatMessageRecord('t', 1, { ...base, msgtype, [key]: body })?.content;
    expect(text('link', { title: '会员权益', description: '积分兑换', link_url: 'u', image_url: 'i' })).toBe(
      '会员权益 积分兑换',
    );
    expect(text('file', { filename: '报价单.xlsx', sdkfileid: 'f', md5sum: 'm', filesize: 3 })).toBe(
      '报价单.xlsx',
    );
    expect(
      text('chatrecord', {
        title: '聊天记录',
        item: [{ type: 'ChatRecordText', msgtime: 1, content: '{"content":"发货了"}', from_chatroom: false }],
      }),
    ).toBe('聊天记录 发货了');
    expect(
      text('mixed', {
        item: [
          { type: 'text', content: '{"content":"看图"}' },
          { type: 'image', content: '{"sdkfileid":"x"}' },
        ],
      }),
    ).toBe('看图');
    expect(
      text('external_redpacket', { type: 1, wish: '恭喜发财', totalcnt: 1, totalamount: 100 }, 'redpacket'),
    ).toBe('恭喜发财');
  });

  it('points media messages at their file and skips switch records', () => {
    const image = toChatMessageRecord('t', 1, {
      ...base,
      msgtype: 'image',
      image: { md5sum: 'abc', filesize: 1024, sdkfileid: 'SDK' },
    });
    expect(image?.media).toEqual({ sdkfileid: 'SDK', md5sum: 'abc', size: 1024 });
    expect(image?.itemMedia).toBeUndefined();
    expect(toChatMessageRecord('t', 2, { msgid: 's', action: 'switch', time: 1, user: STAFF })).toBeNull();
  });

  it("points each media item of a mixed message at its file, by the item's place", () => {
    const mixed = toChatMessageRecord('t', 1, {
      ...base,
      msgtype: 'mixed',
      mixed: {
        item: [
          { type: 'text', content: '{"content":"看图和文件"}' },
          { type: 'image', content: '{"md5sum":"img","filesize":2048,"sdkfileid":"SDK1"}' },
          {
            type: 'file',
            content: '{"md5sum":"doc","filename":"a.pdf","fileext":"pdf","filesize":9,"sdkfileid":"SDK2"}',
          },
          { type: 'image', content: 'not json' },
        ],
      },
    });
    expect(mixed?.media).toBeUndefined();
    expect(mixed?.itemMedia).toEqual([
      { item: 1, sdkfileid: 'SDK1', md5sum: 'img', size: 2048 },
      { item: 2, sdkfileid: 'SDK2', md5sum: 'doc', size: 9 },
    ]);
    expect(mixed?.content).toBe('看图和文件');
  });
});

import { groupWelcomeBody, renderNickname, welcomeBody, welcomeSummary } from './welcome-content';

const media = {
  imageUrl: (fileId: string) => `https://scrm.example/img/${fileId}`,
  mediaId: (fileId: string) => `media-${fileId}`,
};

describe('welcome content', () => {
  it('puts the customer’s name where #nickname# stands, every time', () => {
    expect(renderNickname('#nickname#，你好 #nickname#', '张三')).toBe('张三，你好 张三');
  });

  it('builds send_welcome_msg’s body: text, then the one attachment', () => {
    expect(
      welcomeBody(
        { text: '#nickname# 欢迎', attachment: { kind: 'image', fileId: 'f1', name: 'a.png' } },
        '李四',
        media,
      ),
    ).toEqual({
      text: { content: '李四 欢迎' },
      attachments: [{ msgtype: 'image', image: { pic_url: 'https://scrm.example/img/f1' } }],
    });
    expect(
      welcomeBody(
        {
          text: '',
          attachment: { kind: 'miniprogram', title: '商城', appid: 'wx1', page: 'p/i', coverFileId: 'c1' },
        },
        '',
        media,
      ),
    ).toEqual({
      attachments: [
        {
          msgtype: 'miniprogram',
          miniprogram: { title: '商城', pic_media_id: 'media-c1', appid: 'wx1', page: 'p/i' },
        },
      ],
    });
  });

  it('turns #nickname# into WeCom’s %NICKNAME% in a group template, attachment keyed by its kind', () => {
    expect(
      groupWelcomeBody(
        {
          text: '欢迎 #nickname#',
          attachment: { kind: 'link', title: '官网', url: 'https://a.b/', desc: '', picUrl: '' },
        },
        media,
      ),
    ).toEqual({ text: { content: '欢迎 %NICKNAME%' }, link: { title: '官网', url: 'https://a.b/' } });
  });

  it('summarises as the list shows it: text and the attachment type', () => {
    expect(
      welcomeSummary({ text: '欢迎来到沃丰科技', attachment: { kind: 'image', fileId: 'f', name: '' } }),
    ).toBe('欢迎来到沃丰科技 [图片]');
    expect(welcomeSummary({ text: '只有文字' })).toBe('只有文字');
  });
});

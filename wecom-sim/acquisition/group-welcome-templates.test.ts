/** 入群欢迎语素材 (API.md §7.2, doc 92366) through /cgi-bin: the attachment kinds, the doc's priority, the limits. */
import request from 'supertest';
import { createHarness, type SimHarness } from '../test-support/sim-harness';

let sim: SimHarness;
let token: string;

beforeEach(async () => {
  sim = createHarness();
  token = await sim.tokenFor('externalContact');
});

const post = (path: string, body: unknown) =>
  request(sim.app)
    .post(`/cgi-bin/externalcontact/group_welcome_template/${path}`)
    .query({ access_token: token })
    .send(body as object);

async function upload(type: 'image' | 'file' | 'video'): Promise<string> {
  const answer = await request(sim.app)
    .post('/cgi-bin/media/upload')
    .query({ access_token: token, type })
    .attach('media', Buffer.from('bytes'), { filename: `x.${type}` });
  return answer.body.media_id as string;
}

const link = {
  title: '官网',
  url: 'https://example.com',
  desc: '了解我们',
  picurl: 'https://example.com/a.png',
};

describe('group welcome templates', () => {
  it('accepts every attachment kind the doc lists, and get returns it with the text', async () => {
    const miniprogram = {
      title: '小程序',
      pic_media_id: await upload('image'),
      appid: 'wx1',
      page: '/index',
    };
    const kinds = {
      image: { pic_url: 'https://example.com/welcome.png' },
      link,
      miniprogram,
      file: { media_id: await upload('file') },
      video: { media_id: await upload('video') },
    };
    for (const [kind, attachment] of Object.entries(kinds)) {
      const added = await post('add', { text: { content: '欢迎%NICKNAME%' }, [kind]: attachment });
      expect(added.body).toMatchObject({ errcode: 0, template_id: expect.any(String) });
      const read = (await post('get', { template_id: added.body.template_id })).body;
      expect(read).toMatchObject({ errcode: 0, text: { content: '欢迎%NICKNAME%' }, [kind]: attachment });
    }
  });

  it('keeps one attachment of several, in the doc’s order image > link > miniprogram > file > video', async () => {
    const file = { media_id: await upload('file') };
    const video = { media_id: await upload('video') };
    const all = await post('add', {
      text: { content: '欢迎' },
      video,
      file,
      link,
      image: { pic_url: 'https://example.com/welcome.png' },
    });
    expect(all.body.errcode).toBe(0);
    const read = (await post('get', { template_id: all.body.template_id })).body;
    expect(read.image).toEqual({ pic_url: 'https://example.com/welcome.png' });
    for (const dropped of ['link', 'miniprogram', 'file', 'video']) expect(read).not.toHaveProperty(dropped);

    await post('edit', { template_id: all.body.template_id, video, file });
    const edited = (await post('get', { template_id: all.body.template_id })).body;
    expect(edited.file).toEqual(file);
    expect(edited).not.toHaveProperty('video');
    expect(edited).not.toHaveProperty('text');
  });

  it('uses an image’s media_id over its pic_url', async () => {
    const mediaId = await upload('image');
    const added = await post('add', { image: { media_id: mediaId, pic_url: 'https://example.com/x.png' } });
    expect((await post('get', { template_id: added.body.template_id })).body.image).toEqual({
      media_id: mediaId,
    });
  });

  it('refuses media that was not uploaded (40007) and an attachment missing required fields (40058)', async () => {
    expect((await post('add', { file: { media_id: 'nope' } })).body.errcode).toBe(40007);
    expect((await post('add', { video: { media_id: await upload('image') } })).body.errcode).toBe(40007);
    expect(
      (await post('add', { miniprogram: { title: 't', pic_media_id: 'nope', appid: 'wx1', page: '/' } })).body
        .errcode,
    ).toBe(40007);
    expect((await post('add', { link: { title: '无链接' } })).body.errcode).toBe(40058);
    expect((await post('add', { image: {} })).body.errcode).toBe(40058);
  });

  it('refuses empty content and text over 3,000 bytes (40058), unknown ids (41058), the 101st template (41055)', async () => {
    expect((await post('add', {})).body.errcode).toBe(40058);
    expect((await post('add', { text: { content: '' } })).body.errcode).toBe(40058);
    expect((await post('add', { text: { content: '欢'.repeat(1001) } })).body.errcode).toBe(40058);
    expect((await post('add', { text: { content: '欢'.repeat(1000) } })).body.errcode).toBe(0);
    expect((await post('edit', { template_id: 'msgnope', text: { content: 'x' } })).body.errcode).toBe(41058);
    for (let i = 1; i < 100; i += 1) expect((await post('add', { link })).body.errcode).toBe(0);
    expect((await post('add', { link })).body.errcode).toBe(41055);
  });
});

import { cardOf } from './link-preview';

describe('a link card read from a page', () => {
  it('prefers og: tags, resolves the cover against the page and keeps only http(s) covers', () => {
    const html = `<head><title>T</title><meta property="og:title" content="OG"><meta name="description" content="D">
      <meta property="og:image" content="img/c.png"></head>`;
    expect(cardOf(html, 'https://example.com/a/b')).toEqual({
      title: 'OG',
      description: 'D',
      coverUrl: 'https://example.com/a/img/c.png',
    });
    expect(cardOf('<meta property="og:image" content="javascript:alert(1)">', 'https://e.com').coverUrl).toBe(
      '',
    );
  });

  it('squeezes white space and cuts to the card’s limits by characters', () => {
    const card = cardOf(
      `<title>\n  ${'😀'.repeat(50)} </title><meta name="description" content="${'描'.repeat(200)}">`,
      'http://e.com',
    );
    expect(Array.from(card.title)).toHaveLength(40);
    expect(card.title.startsWith('😀')).toBe(true);
    expect(card.description).toBe('描'.repeat(170));
  });

  it('answers empty fields for a page without any', () => {
    expect(cardOf('<p>hello</p>', 'http://e.com')).toEqual({ title: '', description: '', coverUrl: '' });
  });
});

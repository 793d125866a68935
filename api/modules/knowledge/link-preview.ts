import { parse } from 'node-html-parser';
import {
  LINK_DESCRIPTION_MAX,
  LINK_TITLE_MAX,
  LINK_URL_MAX,
  type LinkPreview,
} from '../../../lib/contracts/knowledge.contract';

/** How long the page may take, in all (redirects included). */
const TIMEOUT_MS = 5_000;
/** Read at most this much of a page: the head, where the card's fields are, comes first. */
const MAX_BYTES = 1_000_000;
const MAX_REDIRECTS = 3;

const EMPTY: LinkPreview = { title: '', description: '', coverUrl: '' };

/**
 * 新增常用链接 (issue 15 item 3): the card's title, description and cover as the page at `url` gives them
 * (og:title / og:description / og:image, else <title> and the description meta), cut to what the card allows.
 * A page that cannot be read (unreachable, slow, not HTML, an error status) gives empty fields for the
 * operator to fill in: never an error.
 */
export async function previewLink(url: string): Promise<LinkPreview> {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  try {
    const page = await fetchPage(url, signal);
    return page ? cardOf(page.html, page.url) : EMPTY;
  } catch {
    return EMPTY;
  }
}

async function fetchPage(start: string, signal: AbortSignal): Promise<{ html: string; url: string } | null> {
  let url = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    if (!/^https?:$/.test(new URL(url).protocol)) return null;
    const response = await fetch(url, {
      redirect: 'manual',
      signal,
      headers: {
        accept: 'text/html,application/xhtml+xml',
        'user-agent': 'Mozilla/5.0 (compatible; scrm-link-preview)',
      },
    });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = new URL(location, url).toString();
      continue;
    }
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !/html/i.test(type) || !response.body) {
      await response.body?.cancel();
      return null;
    }
    return { html: await readUpTo(response.body, MAX_BYTES, charsetOf(type)), url };
  }
  return null;
}

function charsetOf(contentType: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  try {
    new TextDecoder(charset);
    return charset;
  } catch {
    return 'utf-8';
  }
}

async function readUpTo(body: ReadableStream<Uint8Array>, limit: number, charset: string): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel();
  const bytes = Buffer.concat(chunks).subarray(0, limit);
  return new TextDecoder(charset).decode(bytes);
}

const squeeze = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Cut to the card's limit in characters (code points, so an emoji is never split). */
const cut = (text: string, max: number) => Array.from(text).slice(0, max).join('');

export function cardOf(html: string, pageUrl: string): LinkPreview {
  const root = parse(html);
  const meta = (key: string) =>
    root
      .querySelectorAll('meta')
      .find((tag) => (tag.getAttribute('property') ?? tag.getAttribute('name'))?.toLowerCase() === key)
      ?.getAttribute('content');
  const title = squeeze(meta('og:title')) || squeeze(root.querySelector('title')?.textContent);
  const description = squeeze(meta('og:description')) || squeeze(meta('description'));
  return {
    title: cut(title, LINK_TITLE_MAX),
    description: cut(description, LINK_DESCRIPTION_MAX),
    coverUrl: coverOf(squeeze(meta('og:image')), pageUrl),
  };
}

/** The image's absolute http(s) address, if it has one the card can use. */
function coverOf(image: string, pageUrl: string): string {
  if (!image) return '';
  try {
    const absolute = new URL(image, pageUrl);
    if (!/^https?:$/.test(absolute.protocol)) return '';
    const text = absolute.toString();
    return text.length <= LINK_URL_MAX ? text : '';
  } catch {
    return '';
  }
}

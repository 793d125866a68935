import { lookup } from 'node:dns';
import type { IncomingMessage } from 'node:http';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { parse } from 'node-html-parser';
import {
  LINK_DESCRIPTION_MAX,
  LINK_TITLE_MAX,
  LINK_URL_MAX,
  type LinkPreview,
} from '../../../lib/contracts/knowledge.contract';
import { outboundGet, readUpTo } from '../../../lib/net/outbound-get';
import { ipLiteralOf, isPublicAddress, publicOnlyLookup } from '../../../lib/net/public-address';

/** How long the page may take, in all (redirects included). */
const TIMEOUT_MS = 5_000;
/** Read at most this much of a page: the head, where the card's fields are, comes first. */
const MAX_BYTES = 1_000_000;
const MAX_REDIRECTS = 3;

const EMPTY: LinkPreview = { title: '', description: '', coverUrl: '' };

/**
 * 新增常用链接 (issue 15 item 3): the card's title, description and cover as the page at `url` gives them
 * (og:title / og:description / og:image, else <title> and the description meta), cut to what the card allows.
 * A page that cannot be read (unreachable, slow, not HTML, an error status, or on an address that is not public)
 * gives empty fields for the operator to fill in: never an error.
 *
 * The api fetches whatever address an operator types, so unless `allowPrivate` it reaches only public hosts:
 * every hop's address is checked, an IP in the URL before asking and a name's addresses as the connection
 * resolves them (the lookup the socket itself uses, so a name cannot resolve to a public address for the check
 * and to a private one for the connection).
 */
export async function previewLink(
  url: string,
  { allowPrivate }: { allowPrivate: boolean },
): Promise<LinkPreview> {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  try {
    const page = await fetchPage(url, signal, allowPrivate);
    return page ? cardOf(page.html, page.url) : EMPTY;
  } catch {
    return EMPTY;
  }
}

async function fetchPage(
  start: string,
  signal: AbortSignal,
  allowPrivate: boolean,
): Promise<{ html: string; url: string } | null> {
  let url = new URL(start);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    if (!/^https?:$/.test(url.protocol)) return null;
    const literal = ipLiteralOf(url.hostname);
    if (!allowPrivate && literal && !isPublicAddress(literal)) return null;
    const response = await outboundGet(url, {
      signal,
      lookup: allowPrivate ? dnsLookup : publicOnlyLookup,
      headers: PAGE_REQUEST_HEADERS,
    });
    const location = response.headers.location;
    if (response.statusCode && response.statusCode >= 300 && response.statusCode < 400 && location) {
      response.destroy();
      url = new URL(location, url);
      continue;
    }
    const type = response.headers['content-type'] ?? '';
    const ok = response.statusCode !== undefined && response.statusCode >= 200 && response.statusCode < 300;
    if (!ok || !/html/i.test(type)) {
      response.destroy();
      return null;
    }
    try {
      const head = await readUpTo(decoded(response), MAX_BYTES);
      return { html: new TextDecoder(charsetOf(type)).decode(head), url: url.toString() };
    } finally {
      // Read enough (or failed): the rest of the page is not wanted, nor its connection kept.
      response.destroy();
    }
  }
  return null;
}

const PAGE_REQUEST_HEADERS = {
  accept: 'text/html,application/xhtml+xml',
  'accept-encoding': 'gzip, deflate, br',
  'user-agent': 'Mozilla/5.0 (compatible; scrm-link-preview)',
};

/** The body as the page wrote it: servers compress whatever the client says it accepts. */
function decoded(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? '').toLowerCase();
  const inflate =
    encoding === 'gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : null;
  if (!inflate) return response;
  response.on('error', (error) => inflate.destroy(error));
  return response.pipe(inflate);
}

const dnsLookup = lookup as LookupFunction;

function charsetOf(contentType: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  try {
    new TextDecoder(charset);
    return charset;
  } catch {
    return 'utf-8';
  }
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

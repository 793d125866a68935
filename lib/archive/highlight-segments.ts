import type { HighlightSegment } from '../contracts/archive.contract';

/**
 * Cuts a message's text into plain pieces and the keyword's occurrences, letter case folded as the search folds
 * it (the whole text lowercased, chat-message-index.ts): every text the search finds has at least one hit, and
 * overlapping occurrences ("哈哈" in "哈哈哈") are marked as one. Elasticsearch's own highlighter would mark the
 * index's code words, not the text, so the page's hits are marked here.
 */
export function highlightSegments(text: string, keyword: string): HighlightSegment[] {
  const folded = text.toLowerCase();
  const needle = keyword.toLowerCase();
  if (!needle || !text) return text ? [{ text, hit: false }] : [];
  const toText = foldedToTextOffsets(text);
  /** Marked ranges of the text, [start, end) in its code units, in order and merged when they touch. */
  const marked: Array<[number, number]> = [];
  for (let found = folded.indexOf(needle); found >= 0; found = folded.indexOf(needle, found + 1)) {
    const start = toText.start[found];
    const end = toText.end[found + needle.length - 1];
    const last = marked[marked.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else marked.push([start, end]);
  }
  const segments: HighlightSegment[] = [];
  let at = 0;
  for (const [start, end] of marked) {
    if (start > at) segments.push({ text: text.slice(at, start), hit: false });
    segments.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), hit: false });
  return segments;
}

/**
 * For each code unit of the lowercased text, the code point of the text it came from ([start, end) in the
 * text's code units). Lowercasing changes a character's length now and then (İ becomes i + a combining dot);
 * an occurrence that starts or ends inside such a character marks the whole character. Lowercasing a code point
 * alone gives as many code units as inside the text: the one context rule (Greek final sigma) changes which
 * letter, not the length.
 */
function foldedToTextOffsets(text: string): { start: number[]; end: number[] } {
  const start: number[] = [];
  const end: number[] = [];
  let at = 0;
  for (const char of text) {
    const length = char.toLowerCase().length;
    for (let i = 0; i < length; i++) {
      start.push(at);
      end.push(at + char.length);
    }
    at += char.length;
  }
  return { start, end };
}

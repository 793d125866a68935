import type { HighlightSegment } from '../contracts/archive.contract';

/** Marks Elasticsearch puts around matched tokens: control characters, which chat text does not carry. */
export const HIT_START = '\u0001';
export const HIT_END = '\u0002';

/**
 * Cuts a highlighted text into plain and matched pieces. The standard tokenizer makes one token per Han
 * character, so a phrase comes back as one mark per character; touching marks are joined into one hit.
 */
export function highlightSegments(marked: string): HighlightSegment[] {
  const joined = marked.split(`${HIT_END}${HIT_START}`).join('');
  const segments: HighlightSegment[] = [];
  for (const [index, part] of joined.split(HIT_START).entries()) {
    if (index === 0) {
      if (part) segments.push({ text: part, hit: false });
      continue;
    }
    const end = part.indexOf(HIT_END);
    const hit = end < 0 ? part : part.slice(0, end);
    const rest = end < 0 ? '' : part.slice(end + 1);
    if (hit) segments.push({ text: hit, hit: true });
    if (rest) segments.push({ text: rest, hit: false });
  }
  return segments;
}

import type { estypes } from '@elastic/elasticsearch';

/**
 * Exact, case-insensitive substring search on Elasticsearch's standard tokenizer alone (the local zip has no
 * n-gram tokenizers). The text is lowercased here and rewritten as space-separated code words the standard
 * tokenizer keeps whole, one per position; a substring is then a phrase of consecutive code words. This
 * covers what the tokenizer would otherwise split or drop (digit runs, Latin words, punctuation, spaces), so
 * the result is the same as MongoDB's escaped `/text/i` regex.
 *
 * Two fields per text: single characters (for 1–2 character searches) and overlapping trigrams (for longer
 * ones: far fewer documents share a trigram than a character, so a phone-number phrase stays cheap).
 */

/** Lowercased code points; lowercasing first keeps "A" and "a" the same word, as the `i` regex does. */
function codePoints(text: string): string[] {
  return Array.from(text.toLowerCase());
}

const hex = (char: string) => (char.codePointAt(0) ?? 0).toString(16);

/** "u" + hex code point: letters and digits only, so the standard tokenizer keeps it as one token. */
function unigram(char: string): string {
  return `u${hex(char)}`;
}

/** "t" + three hex code points split by "x" (not a hex digit, so no two trigrams share a word). */
function trigram(chars: string[], at: number): string {
  return `t${hex(chars[at])}x${hex(chars[at + 1])}x${hex(chars[at + 2])}`;
}

export interface SubstringTokens {
  unigrams: string;
  trigrams: string;
}

/** What a searchable text is stored as. */
export function substringTokens(text: string): SubstringTokens {
  const chars = codePoints(text);
  const trigrams: string[] = [];
  for (let at = 0; at + 3 <= chars.length; at += 1) trigrams.push(trigram(chars, at));
  return { unigrams: chars.map(unigram).join(' '), trigrams: trigrams.join(' ') };
}

/** The phrase to look for, and in which of the two fields: trigrams from three characters on. */
export function substringPhrase(query: string): { field: 'unigrams' | 'trigrams'; phrase: string } {
  const tokens = substringTokens(query);
  return codePoints(query).length >= 3
    ? { field: 'trigrams', phrase: tokens.trigrams }
    : { field: 'unigrams', phrase: tokens.unigrams };
}

/** How a SubstringTokens field is mapped: both code-word fields, positions kept for phrases, no scoring norms. */
export const SUBSTRING_FIELD: estypes.MappingProperty = {
  properties: {
    unigrams: { type: 'text', analyzer: 'standard', norms: false, index_options: 'positions' },
    trigrams: { type: 'text', analyzer: 'standard', norms: false, index_options: 'positions' },
  },
};

/** `text` as a regular expression that matches it literally (for MongoDB `$regex` searches typed by users). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

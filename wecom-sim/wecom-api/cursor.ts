/** Cursors are opaque to clients (API.md §0.1); inside they are just an offset into the row list. */
import { WecomError } from '../wecom-error';

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

/** An empty or absent cursor is the first page; anything not made by encodeCursor is 50100. */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new WecomError(50100);
  return Number(match[1]);
}

/** One page of `rows` from `cursor`, with the next cursor or '' at the end. */
export function pageByCursor<T>(
  rows: T[],
  cursor: string | undefined,
  limit: number,
): { page: T[]; nextCursor: string } {
  const offset = decodeCursor(cursor);
  const end = offset + limit;
  return { page: rows.slice(offset, end), nextCursor: end < rows.length ? encodeCursor(end) : '' };
}

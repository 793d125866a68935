/**
 * A file's type by its own first bytes (its magic number), never by its name or the type its uploader declares:
 * every upload that accepts only some types checks them here (api/http/single-file-upload.ts, and the 群活码
 * images), so a text file renamed .png or .mp4 is refused, and what is stored and served is what the bytes are.
 * Only the types some upload accepts are told apart; anything else is unknown.
 */
export type SniffedType = 'image/png' | 'image/jpeg' | 'video/mp4' | 'video/quicktime';

/** How many first bytes the sniffer needs. */
export const SNIFF_BYTES = 12;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffContentType(head: Buffer): SniffedType | undefined {
  if (head.length >= PNG_SIGNATURE.length && head.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    return 'image/png';
  }
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  // ISO base media files (MP4, QuickTime) open with an `ftyp` box: a 4-byte size, "ftyp", the major brand.
  // QuickTime's brand is "qt  "; MP4's are many (isom, mp41, mp42, avc1, …), so any other brand is MP4.
  if (head.length >= SNIFF_BYTES && head.toString('latin1', 4, 8) === 'ftyp') {
    return head.toString('latin1', 8, 12) === 'qt  ' ? 'video/quicktime' : 'video/mp4';
  }
  return undefined;
}

/**
 * Temporary media (media/upload, API.md §7.1's pic_media_id): an id valid 3 days, which the mini-program
 * attachments of welcomes refer to. Only the id and its kind are kept; nothing here serves the bytes.
 */
import { randomBytes } from 'node:crypto';

const VALID_SECONDS = 3 * 86_400;
export const MEDIA_TYPES = ['image', 'voice', 'video', 'file'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export class MediaStore {
  private readonly media = new Map<string, { type: MediaType; createdAt: number }>();

  constructor(private readonly nowSeconds: () => number) {}

  upload(type: MediaType): { media_id: string; created_at: number } {
    const mediaId = `3${randomBytes(24).toString('base64url')}`;
    const createdAt = this.nowSeconds();
    this.media.set(mediaId, { type, createdAt });
    return { media_id: mediaId, created_at: createdAt };
  }

  isValid(mediaId: string, type: MediaType): boolean {
    const stored = this.media.get(mediaId);
    return Boolean(stored && stored.type === type && this.nowSeconds() - stored.createdAt <= VALID_SECONDS);
  }
}

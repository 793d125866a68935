import { z } from './common.contract';

/**
 * 内容存档's files (R-5.1.1-10): the picture, voice, video or file of an archived message, or of one item of a
 * mixed (图文) message, as the ingest stored it.
 */
export const archiveMediaQuerySchema = z
  .object({
    /** The message's WeCom msgid (base64-like, hence a query parameter rather than a path segment). */
    msgid: z.string({ error: '请选择消息' }).min(1, '请选择消息').max(200, '消息有误'),
    /** A mixed message's item (its index in body.item); absent = the message's own file. */
    item: z.coerce.number({ error: '消息内容有误' }).int().min(0).max(100).optional(),
  })
  .openapi('ArchiveMediaQuery');

export type ArchiveMediaQuery = z.infer<typeof archiveMediaQuerySchema>;

import type { Readable } from 'node:stream';
import { openChatMedia } from '../../../lib/archive/chat-media-store';
import { mixedItem } from '../../../lib/archive/chat-message-record';
import type { ArchiveMediaQuery } from '../../../lib/contracts/archive-media.contract';
import { ChatMessageModel } from '../../../lib/models/chat-message.model';
import type { Caller } from '../../auth/caller';
import { notFound } from '../../http/app-error';

export interface ArchiveMediaFile {
  stream: Readable;
  length: number;
  contentType: string;
  /** A download name for files; pictures, voice and video are shown inline. */
  filename?: string;
}

/** WeCom's formats (API.md §15.3): jpg pictures, amr voice, mp4 video; emotion type 1 gif, 2 png. */
function contentTypeOf(msgtype: string, body: Record<string, unknown>): string {
  switch (msgtype) {
    case 'image':
      return 'image/jpeg';
    case 'voice':
      return 'audio/amr';
    case 'video':
      return 'video/mp4';
    case 'emotion':
      return body.type === 2 ? 'image/png' : 'image/gif';
    default:
      return 'application/octet-stream';
  }
}

/**
 * The stored file of a message, or of a mixed message's item, within the caller's 数据权限 (the message's
 * conversation has a staff member in scope, as for the message pane).
 */
export async function openArchiveMedia(caller: Caller, query: ArchiveMediaQuery): Promise<ArchiveMediaFile> {
  const { tenantId } = caller;
  const scope = await caller.scope();
  const filter: Record<string, unknown> = { tenantId, _id: `${tenantId}:${query.msgid}` };
  if (!scope.all) filter.staffUserids = { $in: scope.userids };
  const message = await ChatMessageModel.findOne(filter, {
    msgtype: 1,
    body: 1,
    media: 1,
    itemMedia: 1,
  }).lean();
  const missing = () => notFound('文件不存在或尚未下载', 'ARCHIVE_MEDIA_NOT_FOUND');
  if (!message) throw missing();
  const body = (message.body ?? {}) as Record<string, unknown>;
  let fileKey: string | null | undefined;
  let msgtype = message.msgtype;
  let itemBody = body;
  if (query.item === undefined) {
    fileKey = message.media?.fileKey;
  } else {
    fileKey = message.itemMedia?.find((media) => media.item === query.item)?.fileKey;
    ({ type: msgtype, body: itemBody } = mixedItem(body, query.item));
  }
  const opened = fileKey ? await openChatMedia(fileKey) : undefined;
  if (!opened) throw missing();
  return {
    ...opened,
    contentType: contentTypeOf(msgtype, itemBody),
    ...(msgtype === 'file' && typeof itemBody.filename === 'string' ? { filename: itemBody.filename } : {}),
  };
}

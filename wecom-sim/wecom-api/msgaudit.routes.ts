/**
 * The 会话内容存档 HTTP APIs, called with the archive secret's token (API.md §15.4): who is archived, who agreed
 * (single chats and customer groups, with WeCom's misspelled `exteranalopenid`), and the internal groups the
 * archive knows. Before a public key is uploaded the archive is not enabled (301053).
 */
import { z } from 'zod';
import type { Corp } from '../state/corp';
import { WecomError } from '../wecom-error';
import type { WecomEndpointSpec } from './wecom-endpoint';

const ARCHIVE_ONLY = ['archive'] as const;
const AGREE_QUERY_MAX = 100;

function enabledArchive(corp: Corp) {
  if (corp.archive.currentVersion === undefined) throw new WecomError(301053);
  return corp.archive;
}

export const msgauditEndpoints: Record<string, WecomEndpointSpec> = {
  '/msgaudit/get_permit_user_list': {
    allowed: ARCHIVE_ONLY,
    emptyOnError: { ids: [] },
    // The simulator has one edition of the archive; `type` filters nothing.
    handle: ({ corp, body }) => {
      body(z.object({ type: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional() }).loose());
      return { ids: enabledArchive(corp).consent.permittedUsers() };
    },
  },
  '/msgaudit/check_single_agree': {
    allowed: ARCHIVE_ONLY,
    emptyOnError: { agreeinfo: [] },
    handle: ({ corp, body }) => {
      const { info } = body(
        z.object({ info: z.array(z.object({ userid: z.string(), exteranalopenid: z.string() })).min(1) }),
      );
      if (info.length > AGREE_QUERY_MAX) throw new WecomError(301060);
      const { consent } = enabledArchive(corp);
      return {
        agreeinfo: info.map(({ userid, exteranalopenid }) => {
          const answer = consent.answerOf(userid, exteranalopenid);
          return { userid, exteranalopenid, agree_status: answer.status, status_change_time: answer.time };
        }),
      };
    },
  },
  '/msgaudit/check_room_agree': {
    allowed: ARCHIVE_ONLY,
    emptyOnError: { agreeinfo: [] },
    handle: ({ corp, body }) => {
      const { roomid } = body(z.object({ roomid: z.string().min(1) }));
      const { consent } = enabledArchive(corp);
      const externals = corp.groupChats
        .get(roomid)
        .member_list.filter((member) => member.type === 2)
        .map((member) => member.userid);
      return {
        agreeinfo: externals.map((exteranalopenid) => {
          const answer = consent.answerOf(roomid, exteranalopenid);
          return { exteranalopenid, agree_status: answer.status, status_change_time: answer.time };
        }),
      };
    },
  },
  '/msgaudit/groupchat/get': {
    allowed: ARCHIVE_ONLY,
    handle: ({ corp, body }) => {
      const { roomid } = body(z.object({ roomid: z.string().min(1) }));
      const room = enabledArchive(corp).consent.room(roomid);
      if (!room) throw new WecomError(40058, `roomid ${roomid} is not an internal group of the archive`);
      return {
        roomname: room.roomname,
        creator: room.creator,
        room_create_time: room.room_create_time,
        notice: room.notice,
        members: room.members,
      };
    },
  },
};

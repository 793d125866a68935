/**
 * A decrypted archive message as the Finance SDK hands it out (API.md §15.3): the common fields, then one body
 * object named after msgtype — except external_redpacket, whose body key is `redpacket`, and a recall, whose
 * msgtype is `revoke` with action `recall`.
 */
export interface MediaBody {
  md5sum: string;
  sdkfileid: string;
}

export interface MessageBodies {
  text: { content: string };
  image: MediaBody & { filesize: number };
  voice: MediaBody & { voice_size: number; play_length: number };
  video: MediaBody & { filesize: number; play_length: number };
  file: MediaBody & { filename: string; fileext: string; filesize: number };
  link: { title: string; description: string; link_url: string; image_url: string };
  card: { corpname: string; userid: string };
  redpacket: { type: 1 | 2 | 3; wish: string; totalcnt: number; totalamount: number };
  chatrecord: {
    title: string;
    item: Array<{ type: string; msgtime: number; content: string; from_chatroom: boolean }>;
  };
  mixed: { item: Array<{ type: string; content: string }> };
  revoke: { pre_msgid: string };
}

export type ArchivedMsgType = keyof MessageBodies | 'external_redpacket';

export const ARCHIVED_MSG_TYPES: readonly ArchivedMsgType[] = [
  'text',
  'image',
  'voice',
  'video',
  'file',
  'link',
  'card',
  'redpacket',
  'external_redpacket',
  'chatrecord',
  'mixed',
  'revoke',
];

/** The body's key in the JSON for a msgtype. */
export const bodyKeyOf = (msgtype: ArchivedMsgType): keyof MessageBodies =>
  msgtype === 'external_redpacket' ? 'redpacket' : msgtype;

/** What a scenario gives: who, where, when (optional), the type and its body. */
export interface MessageDraft {
  from: string;
  tolist: string[];
  roomid?: string;
  /** Milliseconds; the simulator's clock when left out. */
  msgtime?: number;
  msgtype: ArchivedMsgType;
  body: Record<string, unknown>;
  /** An external party takes part: WeCom suffixes such msgids with `_external`. */
  external?: boolean;
}

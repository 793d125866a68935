/**
 * What the WeCom client in front of the tester shows (API.md §16): the member logged in, and where the
 * sidebar page was opened from — `entry`, plus the customer (single chat, profile) or the group chat.
 * getContext / getCurExternalContact / getCurExternalChat and the silent OAuth answer from it.
 */
export const CLIENT_ENTRIES = [
  'normal',
  'contact_profile',
  'single_chat_tools',
  'group_chat_tools',
  'chat_attachment',
  'single_kf_tools',
  'chain_single_chat_tools',
  'chain_group_chat_tools',
  'internal_group_chat_board',
] as const;
export type ClientEntry = (typeof CLIENT_ENTRIES)[number];

export interface ClientContext {
  userid: string;
  entry: ClientEntry;
  externalUserid?: string;
  chatId?: string;
}

/** Entries in which getCurExternalContact has a customer to answer with. */
export const EXTERNAL_CONTACT_ENTRIES: readonly ClientEntry[] = [
  'contact_profile',
  'single_chat_tools',
  'single_kf_tools',
];
export const EXTERNAL_CHAT_ENTRIES: readonly ClientEntry[] = ['group_chat_tools'];

/** Entries whose page may send into the chat that is open (doc 98539, ww.sendChatMessage). */
export const SEND_CHAT_MESSAGE_ENTRIES: readonly ClientEntry[] = [
  'single_chat_tools',
  'group_chat_tools',
  'chat_attachment',
  'single_kf_tools',
];

/** A message a sidebar page sent into the open chat (text, or a link card: msgtype news). */
export interface ChatToolMessage {
  userid: string;
  entry: ClientEntry;
  externalUserid?: string;
  chatId?: string;
  msgtype: 'text' | 'news';
  text?: { content: string };
  news?: { link: string; title: string; desc: string; imgUrl: string };
}

export type JsApiAnswer = { errMsg: string } & Record<string, unknown>;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * ww.sendChatMessage's message, as the client takes it: text with its content, or news (an H5 link card) with
 * its link; image / video / file / miniprogram need media the simulator does not hold. Null: invalid param.
 */
function chatToolMessage(context: ClientContext, params: Record<string, unknown>): ChatToolMessage | null {
  const where = {
    userid: context.userid,
    entry: context.entry,
    ...(context.externalUserid ? { externalUserid: context.externalUserid } : {}),
    ...(context.chatId ? { chatId: context.chatId } : {}),
  };
  if (params.msgtype === 'text') {
    const content = str((params.text as Record<string, unknown> | undefined)?.content);
    return content ? { ...where, msgtype: 'text', text: { content } } : null;
  }
  if (params.msgtype === 'news') {
    const news = (params.news ?? {}) as Record<string, unknown>;
    const link = str(news.link);
    if (!/^https?:\/\//i.test(link)) return null;
    return {
      ...where,
      msgtype: 'news',
      news: { link, title: str(news.title), desc: str(news.desc), imgUrl: str(news.imgUrl) },
    };
  }
  return null;
}

/**
 * One JS-SDK call against the client's context, with WeCom's errMsg wording. openEnterpriseChat (one customer, no
 * other members: the 1:1 chat) and openExistedChatWithMsg (a group chat) bring that chat to the front: `opened`
 * receives the client's new context, as if the member then opened the chat's toolbar.
 */
export function answerJsApi(
  api: string,
  context: ClientContext | undefined,
  params: Record<string, unknown> = {},
  sent?: (message: ChatToolMessage) => void,
  opened?: (context: ClientContext) => void,
): JsApiAnswer {
  if (!context) return { errMsg: `${api}:fail not in wecom client` };
  switch (api) {
    case 'getContext':
      return { errMsg: 'getContext:ok', entry: context.entry };
    case 'getCurExternalContact':
      if (!EXTERNAL_CONTACT_ENTRIES.includes(context.entry) || !context.externalUserid) {
        return { errMsg: 'getCurExternalContact:fail without context of external contact' };
      }
      return { errMsg: 'getCurExternalContact:ok', userId: context.externalUserid };
    case 'getCurExternalChat':
      if (!EXTERNAL_CHAT_ENTRIES.includes(context.entry) || !context.chatId) {
        return { errMsg: 'getCurExternalChat:fail without context of external chat' };
      }
      return { errMsg: 'getCurExternalChat:ok', chatId: context.chatId };
    case 'sendChatMessage': {
      if (!SEND_CHAT_MESSAGE_ENTRIES.includes(context.entry)) {
        return { errMsg: 'sendChatMessage:fail without context of external contact' };
      }
      const message = chatToolMessage(context, params);
      if (!message) return { errMsg: 'sendChatMessage:fail invalid param' };
      sent?.(message);
      return { errMsg: 'sendChatMessage:ok' };
    }
    case 'openEnterpriseChat': {
      const externalUserids = str(params.externalUserIds).split(';').filter(Boolean);
      const userids = str(params.userIds).split(';').filter(Boolean);
      // Several people make a new group chat, which the simulator does not create.
      if (externalUserids.length !== 1 || userids.some((userid) => userid !== context.userid)) {
        return { errMsg: 'openEnterpriseChat:fail invalid param' };
      }
      opened?.({ userid: context.userid, entry: 'single_chat_tools', externalUserid: externalUserids[0] });
      return { errMsg: 'openEnterpriseChat:ok' };
    }
    case 'openExistedChatWithMsg': {
      const chatId = str(params.chatId);
      if (!chatId) return { errMsg: 'openExistedChatWithMsg:fail invalid param' };
      opened?.({ userid: context.userid, entry: 'group_chat_tools', chatId });
      return { errMsg: 'openExistedChatWithMsg:ok' };
    }
    default:
      return { errMsg: `${api}:fail not supported by the simulator` };
  }
}

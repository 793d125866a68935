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

export type JsApiAnswer = { errMsg: string } & Record<string, unknown>;

/** One JS-SDK call against the client's context, with WeCom's errMsg wording. */
export function answerJsApi(api: string, context: ClientContext | undefined): JsApiAnswer {
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
    default:
      return { errMsg: `${api}:fail not supported by the simulator` };
  }
}

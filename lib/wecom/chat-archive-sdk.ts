/**
 * The chat archive is read through Tencent's Finance SDK, not an HTTP API (API.md §15.1), so the product
 * talks to it through this one port, with two adapters:
 * - NativeFinanceSdk (native-finance-sdk.ts): the official libWeWorkFinanceSdk_C.so through FFI, for real
 *   WeCom; loaded only when WECOM_FINANCE_SDK_PATH names the library;
 * - SimulatorFinanceSdk (simulator-finance-sdk.ts): the simulator's JSON stand-ins and its own codec.
 * Both leave the RSA step to the product (archive-key.ts): the SDK's DecryptData takes the random key
 * already opened with the private key of the message's publickey_ver, as the real SDK does.
 */
export interface ChatData {
  seq: number;
  msgid: string;
  publickey_ver: number;
  encrypt_random_key: string;
  encrypt_chat_msg: string;
}

export interface MediaChunk {
  data: Buffer;
  /** The next call's indexbuf; empty once finished. */
  outindexbuf: string;
  isFinish: boolean;
}

/** WeCom's "system busy": a moment's overload on its side. */
const SYSTEM_BUSY = -1;

/** An SDK return code (API.md §15.1: 10000–10011) or a WeCom errcode the SDK passed on. */
export class ChatArchiveSdkError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`Finance SDK call failed: ${errcode} ${errmsg}`);
    this.name = 'ChatArchiveSdkError';
  }

  /**
   * 10001 network, 10002 parse, 10003 system: worth another try (SDK header); so is WeCom's own -1 "system
   * busy" passed on in the answer, which once ended the tenant's ingest run as if it were our configuration.
   */
  get retryable(): boolean {
    return this.errcode === SYSTEM_BUSY || (this.errcode >= 10001 && this.errcode <= 10003);
  }
}

export interface SdkCredentials {
  corpId: string;
  secret: string;
}

export interface ChatArchiveSdk {
  /** GetChatData: messages after `seq` (exclusive), `limit` 1–1000. */
  getChatData(request: SdkCredentials & { seq: number; limit: number }): Promise<ChatData[]>;
  /** DecryptData: the message JSON, given the random key opened with our private key. */
  decryptData(randomKey: string, encryptChatMsg: string): Promise<string>;
  /** GetMediaData: one chunk (≤512 KB) of a media file; start with indexbuf ''. */
  getMediaData(request: SdkCredentials & { sdkfileid: string; indexbuf: string }): Promise<MediaChunk>;
}

/** Which SDK this deployment has, or why it has none (the setup doctor and the ingest say so). */
export type ChatArchiveSdkChoice =
  { available: true; sdk: ChatArchiveSdk } | { available: false; reason: string };

/**
 * The chat archive is read through Tencent's Finance SDK, not an HTTP API (API.md §15.1), so the product
 * talks to it through this port. The simulator's adapter calls its JSON stand-in for GetChatData; a
 * native adapter (FFI to libWeWorkFinanceSdk_C.so) is for the archive-ingest work and does not exist yet,
 * so against real WeCom there is no SDK and callers say so.
 */
export interface ChatData {
  seq: number;
  msgid: string;
  publickey_ver: number;
  encrypt_random_key: string;
  encrypt_chat_msg: string;
}

export class ChatArchiveSdkError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`GetChatData failed: ${errcode} ${errmsg}`);
    this.name = 'ChatArchiveSdkError';
  }
}

export interface ChatArchiveSdk {
  getChatData(request: { corpId: string; secret: string; seq: number; limit: number }): Promise<ChatData[]>;
}

export class SimulatorChatArchiveSdk implements ChatArchiveSdk {
  constructor(private readonly baseUrl: string) {}

  async getChatData(request: {
    corpId: string;
    secret: string;
    seq: number;
    limit: number;
  }): Promise<ChatData[]> {
    const response = await fetch(`${this.baseUrl}/finance/getchatdata`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        corpid: request.corpId,
        secret: request.secret,
        seq: request.seq,
        limit: request.limit,
      }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { errcode: number; errmsg: string; chatdata?: ChatData[] };
    if (body.errcode !== 0) throw new ChatArchiveSdkError(body.errcode, body.errmsg);
    return body.chatdata ?? [];
  }
}

/** The SDK for this deployment: the simulator's stand-in, or none against real WeCom (no native adapter yet). */
export function chatArchiveSdkFor(wecomApiBase: string): ChatArchiveSdk | null {
  return new URL(wecomApiBase).hostname === 'qyapi.weixin.qq.com'
    ? null
    : new SimulatorChatArchiveSdk(wecomApiBase);
}

/**
 * The Finance SDK as the simulator offers it: GetChatData and GetMediaData as JSON over HTTP
 * (wecom-sim/archive/finance-sdk.routes.ts), and DecryptData as the simulator's own documented codec
 * (API.md §15.2): AES-256-CBC, key = the 32-byte random key, iv = its first 16 bytes, PKCS#7, base64.
 * That symmetric step exists only in the simulator; real WeCom's is inside the closed SDK.
 */
import { createDecipheriv } from 'node:crypto';
import {
  ChatArchiveSdkError,
  type ChatArchiveSdk,
  type ChatData,
  type MediaChunk,
  type SdkCredentials,
} from './chat-archive-sdk';

const TIMEOUT_MS = 15_000;
/** The SDK's codes for a failed decryption and a bad random key (API.md §15.1). */
const DECRYPT_FAILED = 10006;
const BAD_ENCRYPT_KEY = 10008;

export class SimulatorFinanceSdk implements ChatArchiveSdk {
  constructor(private readonly baseUrl: string) {}

  private async call<T>(path: string, body: Record<string, unknown>): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl.replace(/\/$/, '')}/finance/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new ChatArchiveSdkError(10001, `network: ${(error as Error).message}`);
    }
    const answer = (await response.json().catch(() => null)) as
      ({ errcode: number; errmsg: string } & T) | null;
    if (!answer) throw new ChatArchiveSdkError(10002, `unparsable answer (HTTP ${response.status})`);
    if (answer.errcode !== 0) throw new ChatArchiveSdkError(answer.errcode, answer.errmsg);
    return answer;
  }

  async getChatData(request: SdkCredentials & { seq: number; limit: number }): Promise<ChatData[]> {
    const answer = await this.call<{ chatdata?: ChatData[] }>('getchatdata', {
      corpid: request.corpId,
      secret: request.secret,
      seq: request.seq,
      limit: request.limit,
    });
    return answer.chatdata ?? [];
  }

  async decryptData(randomKey: string, encryptChatMsg: string): Promise<string> {
    const key = Buffer.from(randomKey);
    if (key.length !== 32) throw new ChatArchiveSdkError(BAD_ENCRYPT_KEY, 'random key is not 32 bytes');
    try {
      const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
      return Buffer.concat([
        decipher.update(Buffer.from(encryptChatMsg, 'base64')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new ChatArchiveSdkError(DECRYPT_FAILED, 'decrypt failed');
    }
  }

  async getMediaData(request: SdkCredentials & { sdkfileid: string; indexbuf: string }): Promise<MediaChunk> {
    const answer = await this.call<{ data: string; outindexbuf: string; is_finish: boolean }>(
      'getmediadata',
      {
        corpid: request.corpId,
        secret: request.secret,
        sdkfileid: request.sdkfileid,
        indexbuf: request.indexbuf,
      },
    );
    return {
      data: Buffer.from(answer.data, 'base64'),
      outindexbuf: answer.outindexbuf,
      isFinish: answer.is_finish,
    };
  }
}

/**
 * The official Finance SDK (libWeWorkFinanceSdk_C.so, API.md §15.1) through the `koffi` FFI, for real WeCom.
 * Nothing here is loaded unless WECOM_FINANCE_SDK_PATH names the library: the .so is Tencent's, closed and not
 * redistributable, and koffi is an optional install on the hosts that have it (`npm install koffi`). Without
 * either, load() answers why, and the product reports the archive as not available instead of crashing.
 *
 * The SDK's own C API: NewSdk/Init per corp, GetChatData and GetMediaData into Slice_t / MediaData_t buffers
 * read through their accessor functions, DecryptData(random key, encrypt_chat_msg). Calls block on the
 * network, so they run on koffi's worker threads (`.async`) to keep the event loop free.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import {
  ChatArchiveSdkError,
  type ChatArchiveSdk,
  type ChatArchiveSdkChoice,
  type ChatData,
  type MediaChunk,
  type SdkCredentials,
} from './chat-archive-sdk';

type Pointer = unknown;
interface KoffiFunction {
  (...args: unknown[]): unknown;
  async(...args: unknown[]): void;
}
interface KoffiLibrary {
  func(prototype: string): KoffiFunction;
}
/** The few koffi calls used here (koffi ≥ 2.11 for view). */
interface Koffi {
  load(path: string): KoffiLibrary;
  decode(pointer: Pointer, type: string, length: number): string;
  view(pointer: Pointer, length: number): ArrayBuffer;
}

const CALL_TIMEOUT_SECONDS = 15;

function bindSdk(lib: KoffiLibrary) {
  return {
    NewSdk: lib.func('void *NewSdk()'),
    Init: lib.func('int Init(void *sdk, const char *corpid, const char *secret)'),
    GetChatData: lib.func(
      'int GetChatData(void *sdk, uint64 seq, uint32 limit, const char *proxy, const char *passwd, int timeout, void *chatDatas)',
    ),
    DecryptData: lib.func('int DecryptData(const char *encrypt_key, const char *encrypt_msg, void *msg)'),
    GetMediaData: lib.func(
      'int GetMediaData(void *sdk, const char *indexbuf, const char *sdkFileid, const char *proxy, const char *passwd, int timeout, void *media_data)',
    ),
    NewSlice: lib.func('void *NewSlice()'),
    FreeSlice: lib.func('void FreeSlice(void *slice)'),
    GetContentFromSlice: lib.func('void *GetContentFromSlice(void *slice)'),
    GetSliceLen: lib.func('int GetSliceLen(void *slice)'),
    NewMediaData: lib.func('void *NewMediaData()'),
    FreeMediaData: lib.func('void FreeMediaData(void *media_data)'),
    GetOutIndexBuf: lib.func('void *GetOutIndexBuf(void *media_data)'),
    GetData: lib.func('void *GetData(void *media_data)'),
    GetIndexLen: lib.func('int GetIndexLen(void *media_data)'),
    GetDataLen: lib.func('int GetDataLen(void *media_data)'),
    IsMediaDataFinish: lib.func('int IsMediaDataFinish(void *media_data)'),
  };
}
type SdkFunctions = ReturnType<typeof bindSdk>;

const callAsync = (fn: KoffiFunction, ...args: unknown[]) =>
  new Promise<number>((resolve, reject) =>
    fn.async(...args, (error: unknown, result: number) => (error ? reject(error) : resolve(result))),
  );

export class NativeFinanceSdk implements ChatArchiveSdk {
  /** One initialised SDK handle per corp and secret, as the SDK's samples keep them. */
  private readonly handles = new Map<string, Pointer>();

  private constructor(
    private readonly koffi: Koffi,
    private readonly fns: SdkFunctions,
  ) {}

  /** The SDK when its library is configured and loads; otherwise why not. */
  static load(libraryPath: string | undefined, loadKoffi: () => Koffi = requireKoffi): ChatArchiveSdkChoice {
    if (!libraryPath) {
      return {
        available: false,
        reason:
          '未接入企业微信会话存档 SDK：请将 WECOM_FINANCE_SDK_PATH 设为 libWeWorkFinanceSdk_C.so 的路径',
      };
    }
    if (!fs.existsSync(libraryPath)) {
      return { available: false, reason: `会话存档 SDK 文件不存在：${libraryPath}` };
    }
    let koffi: Koffi;
    try {
      koffi = loadKoffi();
    } catch {
      return {
        available: false,
        reason: '未安装 koffi，无法加载会话存档 SDK：请在部署机上执行 npm install koffi',
      };
    }
    try {
      return { available: true, sdk: new NativeFinanceSdk(koffi, bindSdk(koffi.load(libraryPath))) };
    } catch (error) {
      return { available: false, reason: `会话存档 SDK 加载失败：${(error as Error).message}` };
    }
  }

  private async handle({ corpId, secret }: SdkCredentials): Promise<Pointer> {
    const key = `${corpId}:${createHash('sha256').update(secret).digest('hex')}`;
    const existing = this.handles.get(key);
    if (existing) return existing;
    const sdk = this.fns.NewSdk();
    const code = await callAsync(this.fns.Init, sdk, corpId, secret);
    if (code !== 0) throw new ChatArchiveSdkError(code, 'Init failed');
    this.handles.set(key, sdk);
    return sdk;
  }

  private sliceText(slice: Pointer): string {
    return this.koffi.decode(
      this.fns.GetContentFromSlice(slice),
      'char',
      this.fns.GetSliceLen(slice) as number,
    );
  }

  async getChatData(request: SdkCredentials & { seq: number; limit: number }): Promise<ChatData[]> {
    const sdk = await this.handle(request);
    const slice = this.fns.NewSlice();
    try {
      const code = await callAsync(
        this.fns.GetChatData,
        sdk,
        request.seq,
        request.limit,
        '',
        '',
        CALL_TIMEOUT_SECONDS,
        slice,
      );
      if (code !== 0) throw new ChatArchiveSdkError(code, 'GetChatData failed');
      const answer = JSON.parse(this.sliceText(slice)) as {
        errcode: number;
        errmsg: string;
        chatdata?: ChatData[];
      };
      if (answer.errcode !== 0) throw new ChatArchiveSdkError(answer.errcode, answer.errmsg);
      return answer.chatdata ?? [];
    } finally {
      this.fns.FreeSlice(slice);
    }
  }

  async decryptData(randomKey: string, encryptChatMsg: string): Promise<string> {
    const slice = this.fns.NewSlice();
    try {
      const code = await callAsync(this.fns.DecryptData, randomKey, encryptChatMsg, slice);
      if (code !== 0) throw new ChatArchiveSdkError(code, 'DecryptData failed');
      return this.sliceText(slice);
    } finally {
      this.fns.FreeSlice(slice);
    }
  }

  async getMediaData(request: SdkCredentials & { sdkfileid: string; indexbuf: string }): Promise<MediaChunk> {
    const sdk = await this.handle(request);
    const media = this.fns.NewMediaData();
    try {
      const code = await callAsync(
        this.fns.GetMediaData,
        sdk,
        request.indexbuf,
        request.sdkfileid,
        '',
        '',
        CALL_TIMEOUT_SECONDS,
        media,
      );
      if (code !== 0) throw new ChatArchiveSdkError(code, 'GetMediaData failed');
      const isFinish = this.fns.IsMediaDataFinish(media) === 1;
      return {
        data: Buffer.from(this.koffi.view(this.fns.GetData(media), this.fns.GetDataLen(media) as number)),
        outindexbuf: isFinish
          ? ''
          : this.koffi.decode(this.fns.GetOutIndexBuf(media), 'char', this.fns.GetIndexLen(media) as number),
        isFinish,
      };
    } finally {
      this.fns.FreeMediaData(media);
    }
  }
}

/** koffi is not a dependency of the project; hosts with the SDK install it. */
function requireKoffi(): Koffi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('koffi') as Koffi;
}

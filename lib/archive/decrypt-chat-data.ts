import { decryptRandomKey } from '../wecom/archive-key';
import type { ChatArchiveSdk, ChatData } from '../wecom/chat-archive-sdk';
import type { DecryptedMessage } from './chat-message-record';

/** No private key of the version WeCom sealed a message with (the SDK's 10007). */
export class MissingArchiveKeyError extends Error {
  constructor(readonly version: number) {
    super(`没有公钥版本 ${version} 对应的会话存档私钥：请在企微绑定中填写该版本的私钥`);
    this.name = 'MissingArchiveKeyError';
  }
}

/**
 * Opens one archived message: the random key with our private key of the message's publickey_ver (RSA PKCS#1
 * v1.5, real in both adapters), then the message with the SDK's DecryptData. A message sealed under an older
 * public key still opens as long as that version's private key is kept.
 */
export async function decryptChatData(
  sdk: ChatArchiveSdk,
  privateKeys: ReadonlyMap<number, string>,
  data: ChatData,
): Promise<DecryptedMessage> {
  const privateKey = privateKeys.get(data.publickey_ver);
  if (!privateKey) throw new MissingArchiveKeyError(data.publickey_ver);
  const randomKey = decryptRandomKey(privateKey, data.encrypt_random_key);
  return JSON.parse(await sdk.decryptData(randomKey, data.encrypt_chat_msg)) as DecryptedMessage;
}

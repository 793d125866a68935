/**
 * Reads an event delivery the way the product must: check msg_signature, decrypt Encrypt with @wecom/crypto,
 * parse the XML. Tests then assert on plain objects.
 */
import { decrypt, getSignature } from '@wecom/crypto';
import { XMLParser } from 'fast-xml-parser';
import type { ReceivedRequest, ReceiverKeys } from './callback-receiver';

/** Keep every value as text (as a product's XML parser would before its own typing). */
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'Item' });

export interface ReadEvent {
  envelope: Record<string, string>;
  receiveId: string;
  plaintext: string;
  event: Record<string, unknown>;
}

export function readEventDelivery(keys: ReceiverKeys, request: ReceivedRequest): ReadEvent {
  const envelope = parser.parse(request.body).xml as Record<string, string>;
  const params = request.url.searchParams;
  const signature = getSignature(
    keys.token,
    params.get('timestamp') ?? '',
    params.get('nonce') ?? '',
    envelope.Encrypt,
  );
  if (signature !== params.get('msg_signature')) throw new Error('msg_signature does not match');
  const { message, id } = decrypt(keys.encodingAesKey, envelope.Encrypt);
  return { envelope, receiveId: id, plaintext: message, event: parser.parse(message).xml };
}

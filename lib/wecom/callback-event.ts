import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';

/** The decrypted XML of a WeCom callback, read into a typed object (API.md §14). */

const parser = new XMLParser({
  // Keep every value a string: ids such as Department "1,2" or a numeric UserID must not turn into numbers.
  parseTagValue: false,
  trimValues: true,
});

const envelopeSchema = z.looseObject({
  ToUserName: z.string(),
  FromUserName: z.string().optional(),
  CreateTime: z.coerce.number(),
  MsgType: z.string(),
  Event: z.string().default(''),
  ChangeType: z.string().default(''),
});

export type CallbackEnvelope = z.infer<typeof envelopeSchema> & Record<string, unknown>;

export function parseCallbackXml(xml: string): CallbackEnvelope {
  const document = parser.parse(xml) as { xml?: unknown };
  return envelopeSchema.parse(document.xml) as CallbackEnvelope;
}

/** The outer POST body: `<xml><ToUserName/><Encrypt/><AgentID/></xml>`. */
export function readEncryptedBody(xml: string): { toUserName: string; encrypted: string } {
  const document = parser.parse(xml) as { xml?: { ToUserName?: string; Encrypt?: string } };
  const encrypted = document.xml?.Encrypt;
  if (!encrypted) throw new Error('callback body has no Encrypt element');
  return { toUserName: document.xml?.ToUserName ?? '', encrypted };
}

const contactChangeSchema = z.discriminatedUnion('ChangeType', [
  z.looseObject({ ChangeType: z.literal('create_user'), UserID: z.string() }),
  z.looseObject({
    ChangeType: z.literal('update_user'),
    UserID: z.string(),
    NewUserID: z.string().optional(),
  }),
  z.looseObject({ ChangeType: z.literal('delete_user'), UserID: z.string() }),
  z.looseObject({ ChangeType: z.literal('create_party'), Id: z.coerce.number() }),
  z.looseObject({ ChangeType: z.literal('update_party'), Id: z.coerce.number() }),
  z.looseObject({ ChangeType: z.literal('delete_party'), Id: z.coerce.number() }),
  z.looseObject({ ChangeType: z.literal('update_tag'), TagId: z.coerce.number() }),
]);

export type ContactChange = z.infer<typeof contactChangeSchema>;

export function readContactChange(envelope: CallbackEnvelope): ContactChange {
  return contactChangeSchema.parse(envelope);
}

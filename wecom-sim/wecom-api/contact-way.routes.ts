/**
 * /cgi-bin/externalcontact/*_contact_way (API.md §6). qr_code is a URL of this simulator that serves a real QR
 * PNG (acquisition/contact-way-qr.routes.ts); it exists only for scene 2 (QR code), as in WeCom.
 */
import { z } from 'zod';
import type { ContactWay } from '../acquisition/contact-ways';
import type { SecretKind } from '../state/secret-kinds';
import { pageByCursor } from './cursor';
import type { WecomEndpointSpec } from './wecom-endpoint';

const CONTACT_WAY_APIS: readonly SecretKind[] = ['externalContact', 'app'];
const LIST_DEFAULT_DAYS = 90;
const LIST_LIMIT_DEFAULT = 100;
const LIST_LIMIT_MAX = 1000;

const wayFields = {
  style: z.number().int().optional(),
  remark: z.string().optional(),
  skip_verify: z.boolean().optional(),
  state: z.string().optional(),
  user: z.array(z.string()).optional(),
  party: z.array(z.number().int()).optional(),
  expires_in: z.number().int().optional(),
  chat_expires_in: z.number().int().optional(),
  unionid: z.string().optional(),
  conclusions: z.record(z.string(), z.unknown()).optional(),
};

const addSchema = z.object({
  type: z.number().int().optional(),
  scene: z.number().int().optional(),
  is_temp: z.boolean().optional(),
  is_exclusive: z.boolean().optional(),
  ...wayFields,
});
const updateSchema = z.object({ config_id: z.string().optional(), ...wayFields });
const configIdSchema = z.object({ config_id: z.string().optional() });
const listSchema = z.object({
  start_time: z.number().int().optional(),
  end_time: z.number().int().optional(),
  cursor: z.string().optional(),
  limit: z.number().int().optional(),
});

export function contactWayQrUrl(origin: string, corpId: string, configId: string): string {
  return `${origin}/contact-way-qr/${corpId}/${configId}.png`;
}

function contactWayView(way: ContactWay, qrCode: string): Record<string, unknown> {
  return {
    config_id: way.config_id,
    type: way.type,
    scene: way.scene,
    ...(way.style !== undefined ? { style: way.style } : {}),
    remark: way.remark,
    skip_verify: way.skip_verify,
    state: way.state,
    ...(way.scene === 2 ? { qr_code: qrCode } : {}),
    user: way.user,
    party: way.party,
    is_temp: way.is_temp,
    ...(way.expires_in !== undefined ? { expires_in: way.expires_in } : {}),
    ...(way.chat_expires_in !== undefined ? { chat_expires_in: way.chat_expires_in } : {}),
    ...(way.unionid !== undefined ? { unionid: way.unionid } : {}),
    ...(way.conclusions !== undefined ? { conclusions: way.conclusions } : {}),
  };
}

export const contactWayEndpoints: Record<string, WecomEndpointSpec> = {
  '/externalcontact/add_contact_way': {
    allowed: CONTACT_WAY_APIS,
    handle: ({ corp, body, origin }) => {
      const way = corp.contactWays.add(body(addSchema));
      return {
        config_id: way.config_id,
        ...(way.scene === 2 ? { qr_code: contactWayQrUrl(origin, corp.corpId, way.config_id) } : {}),
      };
    },
  },
  '/externalcontact/get_contact_way': {
    allowed: CONTACT_WAY_APIS,
    handle: ({ corp, body, origin }) => {
      const way = corp.contactWays.get(body(configIdSchema).config_id);
      return { contact_way: contactWayView(way, contactWayQrUrl(origin, corp.corpId, way.config_id)) };
    },
  },
  '/externalcontact/update_contact_way': {
    allowed: CONTACT_WAY_APIS,
    handle: ({ corp, body }) => {
      const { config_id, ...change } = body(updateSchema);
      corp.contactWays.update(config_id, change);
      return {};
    },
  },
  '/externalcontact/del_contact_way': {
    allowed: CONTACT_WAY_APIS,
    handle: ({ corp, body }) => {
      corp.contactWays.delete(body(configIdSchema).config_id);
      return {};
    },
  },
  '/externalcontact/list_contact_way': {
    allowed: CONTACT_WAY_APIS,
    emptyOnError: { contact_way: [] },
    handle: ({ state, corp, body }) => {
      const input = body(listSchema);
      const now = state.clock.nowSeconds();
      const end = input.end_time ?? now;
      const start = input.start_time ?? end - LIST_DEFAULT_DAYS * 86_400;
      const limit =
        input.limit && input.limit > 0 && input.limit <= LIST_LIMIT_MAX ? input.limit : LIST_LIMIT_DEFAULT;
      const { page, nextCursor } = pageByCursor(corp.contactWays.list(start, end), input.cursor, limit);
      return { contact_way: page.map((way) => ({ config_id: way.config_id })), next_cursor: nextCursor };
    },
  },
};

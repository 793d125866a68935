/**
 * WeCom's id shapes for the customer side (API.md §0.1): external_userid `wm…`, customer-group chat_id `wr…`,
 * corp tag and tag-group ids `et…`, about 32 characters of base64url; a WeChat user's unionid `o…`, 28 characters.
 * Seeds derive them from a key so every start produces the same ids; live actions draw them at random.
 */
import { createHash, randomBytes } from 'node:crypto';

export type IdPrefix = 'wm' | 'wr' | 'et';

const BODY_LENGTH = 30;

export function randomWecomId(prefix: IdPrefix): string {
  return prefix + randomBytes(24).toString('base64url').slice(0, BODY_LENGTH);
}

export function seededWecomId(prefix: IdPrefix, key: string): string {
  return prefix + createHash('sha256').update(`${prefix}:${key}`).digest('base64url').slice(0, BODY_LENGTH);
}

/** A WeChat user's unionid under the corp's bound WeChat developer account (`o` + 27 characters, as WeChat's). */
const UNIONID_BODY_LENGTH = 27;

export function randomUnionid(): string {
  return 'o' + randomBytes(24).toString('base64url').slice(0, UNIONID_BODY_LENGTH);
}

export function seededUnionid(key: string): string {
  return (
    'o' + createHash('sha256').update(`unionid:${key}`).digest('base64url').slice(0, UNIONID_BODY_LENGTH)
  );
}

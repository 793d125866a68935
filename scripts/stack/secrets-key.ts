import fs from 'node:fs';
import path from 'node:path';
import { generateKey } from '../../lib/secrets/secret-box';
import type { Profile } from './profiles';

/**
 * The key that seals tenant secrets in the local stack, when SECRETS_KEY is not set: one random key
 * per profile in `.stack/<profile>/secrets.key`, made on first use and kept (the dev data stays
 * readable across runs; deleting the file makes its sealed secrets unreadable). Production sets
 * SECRETS_KEY itself.
 */
export function localSecretsKey(profile: Profile): string {
  const file = path.join(profile.dir, 'secrets.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(profile.dir, { recursive: true });
  const key = generateKey();
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

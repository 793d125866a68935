import { createKeyring, parseKey, type SecretKeyring } from './secret-box';

/**
 * The keys from the environment: SECRETS_KEY seals (and opens), SECRETS_PREVIOUS_KEYS (comma-separated)
 * only open, so that secrets sealed before a rotation stay readable until `npm run rotate-secrets`
 * has re-sealed them.
 */
export function keyringFromEnv(env: NodeJS.ProcessEnv = process.env): SecretKeyring {
  const current = env.SECRETS_KEY?.trim();
  if (!current) {
    throw new Error(
      'Invalid configuration: SECRETS_KEY is required (base64 of 32 random bytes; `npm start` and `npm test` generate one under .stack/)',
    );
  }
  const previous = (env.SECRETS_PREVIOUS_KEYS ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean)
    .map((key, i) => parseKey(key, `SECRETS_PREVIOUS_KEYS[${i}]`));
  return createKeyring(parseKey(current, 'SECRETS_KEY'), previous);
}

let processKeyring: SecretKeyring | undefined;

/** The process's keyring, read once from the environment (validated at boot by loadConfig). */
export function defaultKeyring(): SecretKeyring {
  processKeyring ??= keyringFromEnv();
  return processKeyring;
}

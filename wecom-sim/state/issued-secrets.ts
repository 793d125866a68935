import fs from 'node:fs';

/**
 * Every credential the simulator hands out (corp secrets, access_tokens, JS-SDK tickets) or is handed (a
 * callback's Token and EncodingAESKey), one a line, in the file SIM_ISSUED_SECRETS_FILE names: `npm test` sets
 * it, and after the run looks for each of them in the servers' logs (scripts/stack/secrets-check.ts). They are
 * random, so the simulator is the only one that can tell what they were.
 */
export function recordIssuedSecrets(...values: string[]): void {
  const file = process.env.SIM_ISSUED_SECRETS_FILE;
  if (!file || values.length === 0) return;
  fs.appendFileSync(file, values.map((value) => `${value}\n`).join(''));
}

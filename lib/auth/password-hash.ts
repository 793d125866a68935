import bcrypt from 'bcryptjs';

/**
 * bcrypt's work factor for new password hashes: 10, its usual, except under NODE_ENV=test, where it is 4 (bcrypt's
 * least). The suites sign in several thousand times and a check at 10 costs a tenth of a second of CPU here,
 * about 3 % of `npm test`. A hash carries its own factor, so a hash made under either verifies under both.
 */
export function passwordHashRounds(nodeEnv = process.env.NODE_ENV): number {
  return nodeEnv === 'test' ? 4 : 10;
}

const ROUNDS = passwordHashRounds();

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, ROUNDS);
}

export function passwordMatches(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

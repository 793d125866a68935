import bcrypt from 'bcryptjs';
import { hashPassword, passwordHashRounds, passwordMatches } from './password-hash';

describe('password hashes', () => {
  it('hashes at bcrypt’s least work factor under NODE_ENV=test, and checks the password against it', async () => {
    const hash = await hashPassword('Admin@12345');
    expect(bcrypt.getRounds(hash)).toBe(4);
    expect(await passwordMatches('Admin@12345', hash)).toBe(true);
    expect(await passwordMatches('admin@12345', hash)).toBe(false);
  });

  it('checks a hash made at the production factor too (a hash carries its own)', async () => {
    const production = await bcrypt.hash('Admin@12345', 10);
    expect(await passwordMatches('Admin@12345', production)).toBe(true);
  });

  it('hashes at 10 outside the tests (npm start, production)', () => {
    expect(passwordHashRounds('production')).toBe(10);
    expect(passwordHashRounds('development')).toBe(10);
  });
});

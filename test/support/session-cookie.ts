import request from 'supertest';

/**
 * Logs in through the api as a person does and answers the session's cookies as a `Cookie` header, for calls
 * that should each look like a fresh client's (no cookie jar between them).
 */
export async function sessionCookie(baseUrl: string, phone: string, password: string): Promise<string> {
  const answer = await request(baseUrl).post('/api/auth/login').send({ phone, password }).expect(200);
  const cookies = ([] as string[]).concat(answer.headers['set-cookie'] ?? []);
  return cookies.map((cookie) => cookie.split(';')[0]).join('; ');
}

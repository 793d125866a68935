import { isDuplicateKeyError } from './duplicate-key';

describe('isDuplicateKeyError', () => {
  it('reads MongoDB’s code and FerretDB’s PostgreSQL unique violation as the same refusal', () => {
    expect(isDuplicateKeyError({ code: 11000, message: 'E11000 duplicate key error' })).toBe(true);
    expect(
      isDuplicateKeyError(
        new Error(
          '[msg_update.go:133 handler.(*Handler).updateDocument] ERROR: duplicate key value violates unique ' +
            'constraint "roles_98bc5cde_tenantid___name___3c77425a_idx" (SQLSTATE 23505)',
        ),
      ),
    ).toBe(true);
  });

  it('leaves every other failure alone', () => {
    expect(isDuplicateKeyError(new Error('connection 3 to 127.0.0.1:27017 closed'))).toBe(false);
    expect(isDuplicateKeyError({ code: 2 })).toBe(false);
    expect(isDuplicateKeyError(undefined)).toBe(false);
  });
});

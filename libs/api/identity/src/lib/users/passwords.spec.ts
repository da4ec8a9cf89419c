import { hashPassword, passwordProblem, verifyPassword } from './passwords';

describe('password hashing (scrypt)', () => {
  it('verifies the password it hashed, and nothing else', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    await expect(verifyPassword('correct horse battery', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery ', hash)).resolves.toBe(false);
    await expect(verifyPassword('', hash)).resolves.toBe(false);
  });

  it('salts every hash, and treats a malformed stored hash as matching nothing', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
    await expect(verifyPassword('x', 'bcrypt$1$2$3$a$b')).resolves.toBe(false);
  });

  it('asks for 8 to 1024 characters', () => {
    expect(passwordProblem('seven77')).toBe('must be at least 8 characters');
    expect(passwordProblem('eight888')).toBeNull();
    expect(passwordProblem('x'.repeat(1025))).toBe('must be at most 1024 characters');
  });
});

import { generateSecret, hashSecret, verifySecret } from './client-secret';

describe('client secrets', () => {
  it('verifies the right secret and refuses any other', async () => {
    const secret = generateSecret();
    const stored = await hashSecret(secret);
    expect(stored).not.toContain(secret);
    await expect(verifySecret(secret, stored)).resolves.toBe(true);
    await expect(verifySecret(`${secret}x`, stored)).resolves.toBe(false);
    await expect(verifySecret(secret, 'plain-text')).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashSecret('same')).not.toBe(await hashSecret('same'));
  });
});

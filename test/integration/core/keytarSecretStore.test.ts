import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../../src-main/core/secrets/keytarSecretStore';

// Runs against the private Secret Service that scripts/with-private-keyring.sh starts for the test run.
describe('keytar secret store against a real Secret Service', () => {
  const store = createKeytarSecretStore(`Gatehouse-test-${randomUUID()}`);
  afterAll(async () => {
    for (const key of await store.keys()) await store.delete(key);
  });

  it('stores, reads, lists and deletes secrets', async () => {
    await store.set('install-1/account-1/totp', 'JBSWY3DPEHPK3PXP');
    await store.set('install-1/account-2/totp', 'KRUGKIDROVUWG2ZA');
    await expect(store.get('install-1/account-1/totp')).resolves.toBe('JBSWY3DPEHPK3PXP');
    await expect(store.keys()).resolves.toEqual(expect.arrayContaining(['install-1/account-1/totp', 'install-1/account-2/totp']));
    await expect(store.delete('install-1/account-1/totp')).resolves.toBe(true);
    await expect(store.get('install-1/account-1/totp')).resolves.toBeNull();
    await expect(store.delete('install-1/account-1/totp')).resolves.toBe(false);
  });

  it('overwrites a value and keeps Unicode and values near the Windows size limit intact', async () => {
    const big = 'abcde-fghij\n'.repeat(150); // 1,800 bytes, under Credential Manager's 2,560
    await store.set('install-1/account-3/codes', 'old');
    await store.set('install-1/account-3/codes', big);
    await expect(store.get('install-1/account-3/codes')).resolves.toBe(big);
    await store.set('install-1/account-4/note', 'пароль 🔐');
    await expect(store.get('install-1/account-4/note')).resolves.toBe('пароль 🔐');
  });

  it('keeps services apart', async () => {
    const other = createKeytarSecretStore(`Gatehouse-test-${randomUUID()}`);
    await store.set('shared-key', 'mine');
    await expect(other.get('shared-key')).resolves.toBeNull();
  });
});

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { createTwoFactorStateRepository } from '../../src-main/core/db/twoFactorStateRepository';
import type { SecretStore } from '../../src-main/core/secrets/secretStore';
import { decodeWitness } from '../../src-main/core/twoFactor/twoFactorWitness';

/** Keychain keys that are not witnesses: the secrets themselves (TOTP, pending, recovery sets). */
export const secretsOnly = (keys: Iterable<string>): string[] => [...keys].filter((key) => !key.includes('/witness/'));

/**
 * Asserts that the keychain holds a witness for exactly the accounts of `dataDir` with a two-factor
 * history, each mirroring SQLite's state and version exactly (read straight from the file).
 */
export async function expectWitnessesInSync(keychain: SecretStore, dataDir: string): Promise<void> {
  const db = new Database(join(dataDir, 'gatehouse.db'), { readonly: true, fileMustExist: true });
  try {
    const installationId = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'installation_id'").get()!.value;
    const states = createTwoFactorStateRepository(db);
    const withHistory = states.accountsWithHistory().sort();
    const witnessed = (await keychain.keys())
      .filter((key) => key.startsWith(`${installationId}/witness/`))
      .map((key) => key.slice(`${installationId}/witness/`.length))
      .sort();
    expect(witnessed).toEqual(withHistory);
    for (const accountId of withHistory) {
      const stored = await keychain.get(`${installationId}/witness/${accountId}`);
      expect(decodeWitness(stored!), `witness of ${accountId}`).toEqual(states.read(accountId));
    }
  } finally {
    db.close();
  }
}

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { createTwoFactorStateRepository } from '../../src-main/core/db/twoFactorStateRepository';
import type { SecretStore } from '../../src-main/core/secrets/secretStore';
import { decodeWitness, isTombstone } from '../../src-main/core/twoFactor/twoFactorWitness';

/** Keychain keys that are not witnesses: the secrets themselves (TOTP, pending, recovery sets). */
export const secretsOnly = (keys: Iterable<string>): string[] => [...keys].filter((key) => !key.includes('/witness/'));

/**
 * Asserts that the keychain holds a witness for exactly the accounts of `dataDir` with a two-factor
 * history, each mirroring SQLite's state and version exactly (read straight from the file), and a
 * tombstone for every account the database records as deleted, none for an account that exists.
 */
export async function expectWitnessesInSync(keychain: SecretStore, dataDir: string): Promise<void> {
  const db = new Database(join(dataDir, 'gatehouse.db'), { readonly: true, fileMustExist: true });
  try {
    const installationId = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'installation_id'").get()!.value;
    const states = createTwoFactorStateRepository(db);
    const withHistory = states.accountsWithHistory().sort();
    const prefix = `${installationId}/witness/`;
    const stored = new Map<string, string>();
    for (const key of await keychain.keys()) if (key.startsWith(prefix)) stored.set(key.slice(prefix.length), (await keychain.get(key))!);
    const tombstoned = [...stored].filter(([, value]) => isTombstoneText(value)).map(([accountId]) => accountId);
    const witnessed = [...stored.keys()].filter((accountId) => !tombstoned.includes(accountId)).sort();
    expect(witnessed).toEqual(withHistory);
    for (const accountId of withHistory) {
      expect(decodeWitness(stored.get(accountId)!), `witness of ${accountId}`).toEqual(states.read(accountId));
    }
    const existing = db
      .prepare<[], { id: string }>('SELECT id FROM accounts')
      .all()
      .map((row) => row.id);
    expect(
      tombstoned.filter((accountId) => existing.includes(accountId)),
      'tombstones of existing accounts',
    ).toEqual([]);
    const deleted = db
      .prepare<[], { account_id: string }>('SELECT account_id FROM deleted_accounts')
      .all()
      .map((row) => row.account_id);
    expect(
      deleted.filter((accountId) => !tombstoned.includes(accountId)),
      'deleted accounts without a tombstone',
    ).toEqual([]);
  } finally {
    db.close();
  }
}

/** Whether a stored witness is a deleted account's tombstone. */
export function isTombstoneText(stored: string | null): boolean {
  const decoded = stored === null ? null : decodeWitness(stored);
  return decoded !== null && isTombstone(decoded);
}

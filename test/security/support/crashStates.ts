import { expect } from 'vitest';
import type { SecretStore } from '../../../src-main/core/secrets/secretStore';
import { ADA, createBackendHarness, expectOk } from '../../support/backendHarness';
import { activateTwoFactor, codeAt, queryDatabase, STEP_MS } from '../../support/twoFactorSteps';
import { expectWitnessesInSync, isTombstoneText } from '../../support/witness';

/** An account prepared in the parent before a child operates on it (and may be killed). */
export interface PreparedAccount {
  readonly dataDir: string;
  readonly installationId: string;
  readonly accountId: string;
  /** Set when two-factor authentication was activated during preparation. */
  readonly active?: { readonly secret: string; readonly codes: readonly string[]; readonly setId: string };
}

/** What a restarted backend finds, after its start-up reconciliation, once every check below held. */
export type ObservedState =
  | { readonly active: false; readonly deleted: boolean; readonly events: ReadonlyMap<string, number> }
  | {
      readonly active: true;
      readonly secret: string;
      readonly codes: readonly string[];
      readonly setId: string;
      /** Unused recovery codes before this check signed in with one. */
      readonly unusedCodes: number;
      readonly events: ReadonlyMap<string, number>;
    };

/** ADA signed out, with or without two-factor authentication, on a new data directory; the backend closed. */
export async function prepareAccount(keychain: SecretStore, withTwoFactor: boolean): Promise<PreparedAccount> {
  const harness = createBackendHarness({ secretStore: keychain });
  let active: PreparedAccount['active'];
  if (withTwoFactor) {
    const { secret, recoveryCodes } = await activateTwoFactor(harness);
    const [{ recovery_set_id: setId }] = queryDatabase<{ recovery_set_id: string }>(harness, 'SELECT recovery_set_id FROM two_factor') as [
      { recovery_set_id: string },
    ];
    active = { secret, setId, codes: recoveryCodes.codes.map((entry) => entry.code.replace('-', '')) };
  } else {
    expectOk(await harness.call('createAccount', ADA));
  }
  expectOk(await harness.call('signOut', {}));
  const [{ value: installationId }] = queryDatabase<{ value: string }>(harness, "SELECT value FROM meta WHERE key = 'installation_id'") as [
    { value: string },
  ];
  const [{ id: accountId }] = queryDatabase<{ id: string }>(harness, 'SELECT id FROM accounts') as [{ id: string }];
  harness.backend.close();
  return { dataDir: harness.dataDir, installationId, accountId, active };
}

/**
 * Restarts the backend on the prepared data directory at `nowMs` (real keychain), awaits start-up
 * reconciliation, and checks the account is whole: the keychain holds exactly the entries the
 * database names for this installation, and a witness mirroring the database once two-factor
 * authentication was ever on; with it on, the keychain's TOTP secret gives working codes and an
 * unused recovery code signs in; without it, the password alone does. A deleted account leaves
 * only its tombstone.
 */
export async function observeAfterRestart(keychain: SecretStore, account: PreparedAccount, nowMs: number): Promise<ObservedState> {
  const harness = createBackendHarness({ secretStore: keychain, dataDir: account.dataDir });
  harness.clock.set(nowMs);
  try {
    await harness.backend.reconciled;
    const { installationId: iid, accountId: id } = account;
    const row = queryDatabase<{ recovery_set_id: string }>(harness, 'SELECT recovery_set_id FROM two_factor WHERE account_id = ?', id)[0];
    const hashes = queryDatabase<{ n: number }>(harness, 'SELECT count(*) AS n FROM recovery_codes WHERE account_id = ?', id)[0]!.n;
    const unusedCodes = queryDatabase<{ n: number }>(
      harness,
      'SELECT count(*) AS n FROM recovery_codes WHERE account_id = ? AND used_at IS NULL',
      id,
    )[0]!.n;
    const accountRows = queryDatabase<{ n: number }>(harness, 'SELECT count(*) AS n FROM accounts WHERE id = ?', id)[0]!.n;
    const eventRows = queryDatabase<{ kind: string; n: number }>(harness, 'SELECT kind, count(*) AS n FROM security_events GROUP BY kind');
    const events = new Map(eventRows.map((event) => [event.kind, event.n]));
    const mine = (await keychain.keys()).filter((key) => key.startsWith(`${iid}/`)).sort();
    const version =
      queryDatabase<{ version: number }>(harness, 'SELECT two_factor_version AS version FROM accounts WHERE id = ?', id)[0]?.version ?? 0;
    const witness = row || version > 0 || accountRows === 0 ? [`${iid}/witness/${id}`] : [];
    expect(mine).toEqual(row ? [`${iid}/recovery/${id}/${row.recovery_set_id}`, `${iid}/totp/${id}`, ...witness] : witness);
    await expectWitnessesInSync(keychain, account.dataDir);

    if (accountRows === 0) {
      // Deleted: nothing of the account is left, in the database or the keychain (but its tombstone), and it cannot sign in.
      expect({ hashes, ownEvents: queryDatabase(harness, 'SELECT * FROM security_events WHERE account_id = ?', id) }).toEqual({
        hashes: 0,
        ownEvents: [],
      });
      expect(isTombstoneText(await keychain.get(`${iid}/witness/${id}`)), 'tombstone').toBe(true);
      expect(await harness.call('signIn', { email: ADA.email, password: ADA.password })).toMatchObject({
        error: { code: 'INVALID_CREDENTIALS' },
      });
      return { active: false, deleted: true, events };
    }
    if (!row) {
      expect(hashes).toBe(0);
      const signedIn = expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
      expect(signedIn.session?.account.email).toBe(ADA.email);
      return { active: false, deleted: false, events };
    }
    expect(hashes).toBe(10);
    const secret = (await keychain.get(`${iid}/totp/${id}`))!;
    const codes = JSON.parse((await keychain.get(`${iid}/recovery/${id}/${row.recovery_set_id}`))!) as string[];
    expect(codes).toHaveLength(10);
    expect(expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password })).challenge).toBeDefined();
    expectOk(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret) }));
    expectOk(await harness.call('signOut', {}));
    harness.clock.advance(STEP_MS);
    expect(expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password })).challenge).toBeDefined();
    expect(expectOk(await harness.call('submitRecoveryCode', { code: codes.at(-1)! })).recoveryCodesRemaining).toBe(9);
    return { active: true, secret, codes, setId: row.recovery_set_id, unusedCodes, events };
  } finally {
    harness.cleanup();
    // Keeps the test keychain small, so later listings stay quick.
    for (const key of await keychain.keys()) if (key.startsWith(`${account.installationId}/`)) await keychain.delete(key);
  }
}

import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src-shared/errors';
import type { Result } from '../../src-shared/result';
import type { Logger } from '../../src-main/core/logger';
import { createKeytarSecretStore } from '../../src-main/core/secrets/keytarSecretStore';
import { ADA, expectOk } from '../support/backendHarness';
import { createFakeClock } from '../support/fakeClock';
import { createFaultySecretStore, type FaultySecretStore } from '../support/faultySecretStore';
import { authenticatorCode } from '../support/totpCodes';
import { expectWitnessesInSync, isTombstoneText } from '../support/witness';
import { createRestoreScenario, type RestoreScenarioApp } from './support/restoreScenario';
import { recordSecurityCheck } from '../support/securityCheck';

/**
 * Issue 11, item 4: a restored backup must not bring back an account deleted since. Deleting turns
 * the account's keychain witness into a tombstone, which a restore does not roll back; the check
 * after a restore deletes the account again before anyone can sign in. The real keychain (the
 * private Secret Service of scripts/with-private-keyring.sh), a real SQLite file, the app started
 * as it starts for real, the damaged database restored as the person chooses at start-up.
 */
const BOB = { name: 'Bob Babbage', email: 'bob@example.com', password: 'difference engine 1822' } as const;
const credentials = (person: { email: string; password: string }) => ({ email: person.email, password: person.password });
const SERVICE = `Gatehouse-restore-deleted-${randomUUID()}`;

let root: string;
const realKeychain = createKeytarSecretStore(SERVICE);
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'gatehouse-restore-deleted-'));
});
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  for (const key of await realKeychain.keys()) await realKeychain.delete(key);
});

describe('restoring a backup never brings back an account deleted since', () => {
  let keychain: FaultySecretStore;
  let clock: ReturnType<typeof createFakeClock>;
  let scenario: ReturnType<typeof createRestoreScenario>;
  let dataDir: string;
  let logs: string[];
  let n = 0;
  /** Attempts to get into the deleted account after the restore (each must be refused). */
  let tried = 0;
  beforeEach(() => {
    tried = 0;
    logs = [];
    dataDir = join(root, `data-${++n}`);
    mkdirSync(dataDir, { mode: 0o700 });
    keychain = createFaultySecretStore(realKeychain);
    clock = createFakeClock();
    const logger: Logger = { info: (line) => logs.push(line), warn: (line) => logs.push(line), error: (line) => logs.push(line) };
    scenario = createRestoreScenario(dataDir, keychain, clock, logger);
  });
  afterEach(() => scenario.quit());

  async function createWithTwoFactor(app: RestoreScenarioApp, person: typeof ADA | typeof BOB) {
    const { session } = expectOk(await app.call('createAccount', person));
    const { enrollment } = expectOk(await app.call('beginTwoFactorEnrollment', { password: person.password }));
    const { recoveryCodes } = expectOk(
      await app.call('confirmTwoFactorEnrollment', { code: await authenticatorCode(enrollment.secretKey, clock.now()) }),
    );
    expectOk(await app.call('signOut', {}));
    return { id: session.account.id, codes: recoveryCodes.codes.map((entry) => entry.code) };
  }

  async function expectRefused(answer: Promise<Result<unknown>>, refusal: object): Promise<void> {
    expect(await answer).toMatchObject(refusal);
    tried += 1;
  }
  const wrongPassword = { ok: false, error: { code: 'INVALID_CREDENTIALS' } };
  /** The account's keychain entries: the tombstone alone, or what there is. */
  async function entriesOf(accountId: string): Promise<string[]> {
    const keys = (await realKeychain.keys()).filter((key) => key.includes(`/${accountId}`));
    const texts = await Promise.all(keys.map((key) => realKeychain.get(key)));
    return keys.map((key, i) => (key.endsWith(`/witness/${accountId}`) && isTombstoneText(texts[i]!) ? 'tombstone' : key.split('/')[1]!));
  }
  /** What the logs say never names anyone: no email, name or account id. */
  const expectNoPersonalData = (...accountIds: string[]) => {
    for (const word of [ADA.email, ADA.name, BOB.email, BOB.name, ...accountIds]) expect(logs.join('\n')).not.toContain(word);
  };

  it('deleted with a recovery code: gone again after the restore and every restart, nothing left but the tombstone; the other account untouched', async (ctx) => {
    let app = await scenario.start();
    const ada = await createWithTwoFactor(app, ADA);
    const bob = await createWithTwoFactor(app, BOB);
    await scenario.backUp();

    app = await scenario.start();
    expect(expectOk(await app.call('signIn', credentials(ADA))).challenge).toBeDefined();
    expectOk(await app.call('submitRecoveryCode', { code: ada.codes[0]! }));
    expect(expectOk(await app.call('deleteAccount', { password: ADA.password, recoveryCode: ada.codes[1]! }))).toEqual({ accountsLeft: 1 });
    expect(expectOk(await app.call('signIn', credentials(BOB))).challenge).toBeDefined();
    expect(expectOk(await app.call('submitRecoveryCode', { code: bob.codes[0]! })).recoveryCodesRemaining).toBe(9);
    expectOk(await app.call('signOut', {}));
    await app.backend.idle();
    expect(await entriesOf(ada.id)).toEqual(['tombstone']);

    app = await scenario.damageAndRestore();
    // The restored rows are deleted again before the first sign-in is answered.
    await expectRefused(app.call('signIn', credentials(ADA)), wrongPassword);
    expect(expectOk(await app.call('listAccounts', {})).accounts.map((account) => account.email)).toEqual([BOB.email]);
    // No challenge can be reached, so neither the used codes nor the unused ones get anyone in.
    for (const code of ada.codes.slice(0, 3))
      await expectRefused(app.call('submitRecoveryCode', { code }), { ok: false, error: { code: 'CHALLENGE_EXPIRED' } });
    expect(await entriesOf(ada.id)).toEqual(['tombstone']);
    expect(logs).toContain('restore check: 1 account(s) deleted since the backup were deleted again');

    // The other account is as the keychain last saw it: its code used since the backup stays used.
    expect(expectOk(await app.call('signIn', credentials(BOB))).challenge).toBeDefined();
    expect(await app.call('submitRecoveryCode', { code: bob.codes[0]! })).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
    expect(expectOk(await app.call('submitRecoveryCode', { code: bob.codes[1]! })).recoveryCodesRemaining).toBe(8);
    expectOk(await app.call('signOut', {}));
    await app.backend.idle();
    expect((await entriesOf(bob.id)).sort()).toEqual(['recovery', 'totp', 'witness']);
    await expectWitnessesInSync(realKeychain, dataDir);

    // A plain restart: the tombstone is no orphan, it stays, and so does the deletion.
    app = await scenario.start();
    await expectRefused(app.call('signIn', credentials(ADA)), wrongPassword);
    await app.backend.idle();
    expect(await entriesOf(ada.id)).toEqual(['tombstone']);
    expectNoPersonalData(ada.id, bob.id);
    recordSecurityCheck(ctx, {
      area: 'Faults',
      check: 'restore: account deleted since the backup (password, recovery codes)',
      tried,
      unit: 'attempts refused',
    });
  });

  it('deleted while the keychain refused: the next start writes the tombstone; after a restore nobody signs in until the keychain answers, and then the account is gone', async (ctx) => {
    let app = await scenario.start();
    const { session } = expectOk(await app.call('createAccount', ADA));
    expectOk(await app.call('signOut', {}));
    expectOk(await app.call('createAccount', BOB));
    expectOk(await app.call('signOut', {}));
    await scenario.backUp();

    app = await scenario.start();
    expectOk(await app.call('signIn', credentials(ADA)));
    keychain.fail();
    expect(expectOk(await app.call('deleteAccount', { password: ADA.password }))).toEqual({ accountsLeft: 1 });
    await app.backend.idle();
    keychain.heal();
    expect(await entriesOf(session.account.id)).toEqual([]);

    app = await scenario.start(); // the keychain answers again: start-up reconciliation finishes the deletion
    await app.backend.idle();
    expect(await entriesOf(session.account.id)).toEqual(['tombstone']);

    keychain.fail();
    app = await scenario.damageAndRestore();
    const refusal = { ok: false, error: { code: 'SECRET_STORE_UNAVAILABLE', message: MESSAGES.restoreNeedsKeychain } };
    await expectRefused(app.call('signIn', credentials(ADA)), refusal);
    expect(await app.call('signIn', credentials(BOB))).toMatchObject(refusal);

    keychain.heal();
    await expectRefused(app.call('signIn', credentials(ADA)), wrongPassword);
    expect(expectOk(await app.call('signIn', credentials(BOB))).session?.account.email).toBe(BOB.email);
    expect(await entriesOf(session.account.id)).toEqual(['tombstone']);
    expectNoPersonalData(session.account.id);
    recordSecurityCheck(ctx, {
      area: 'Faults',
      check: 'restore: account deleted while the keychain refused, keychain unavailable at the restore',
      tried,
      unit: 'attempts refused',
    });
  });
});

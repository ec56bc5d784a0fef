import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src-shared/errors';
import type { RecoveryCodeSet } from '../../src-shared/models';
import type { Result } from '../../src-shared/result';
import { SECOND_FACTOR_LOCK_MS, SECOND_FACTOR_MAX_FAILURES } from '../../src-shared/twoFactorRules';
import { ADA, expectOk } from '../support/backendHarness';
import { createFakeClock } from '../support/fakeClock';
import { createFaultySecretStore, type FaultySecretStore } from '../support/faultySecretStore';
import { authenticatorCode } from '../support/totpCodes';
import { STEP_MS } from '../support/twoFactorSteps';
import { recordSecurityCheck } from '../support/securityCheck';
import { createRestoreScenario, type RestoreScenarioApp } from './support/restoreScenario';

/**
 * Issue 11, item 4: restoring a backup after the database was damaged must not bring back what was
 * spent since the backup. The keychain, which a restore does not roll back, is the witness. Each
 * test: two-factor authentication on, a backup, changes after it, the database damaged, the person
 * chooses "Restore backup" at start-up, and then the spent things are tried again.
 */
const PASSWORD = { email: ADA.email, password: ADA.password };

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'gatehouse-restore-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('restoring a backup never brings back what was spent since', () => {
  let dataDir: string;
  let keychain: FaultySecretStore;
  let clock: ReturnType<typeof createFakeClock>;
  let scenario: ReturnType<typeof createRestoreScenario>;
  let n = 0;
  /** Attempts to use, after the restore, something spent since the backup (each must be refused). */
  let tried = 0;
  beforeEach(() => {
    tried = 0;
    dataDir = join(root, `data-${++n}`);
    mkdirSync(dataDir, { mode: 0o700 });
    keychain = createFaultySecretStore();
    clock = createFakeClock();
    scenario = createRestoreScenario(dataDir, keychain, clock);
  });

  afterEach(() => scenario.quit());

  /** Starts the app as it starts for real (openBackend); the damaged-database question is answered "restore". */
  const start = () => scenario.start();
  type App = RestoreScenarioApp;

  async function activate(app: App): Promise<{ secret: string; codes: RecoveryCodeSet }> {
    const { enrollment } = expectOk(await app.call('beginTwoFactorEnrollment', { password: ADA.password }));
    const code = await authenticatorCode(enrollment.secretKey, clock.now());
    const { recoveryCodes } = expectOk(await app.call('confirmTwoFactorEnrollment', { code }));
    return { secret: enrollment.secretKey, codes: recoveryCodes };
  }

  /** ADA with two-factor authentication on, signed out, the app closed. */
  async function prepare(): Promise<{ secret: string; codes: RecoveryCodeSet }> {
    const app = await start();
    expectOk(await app.call('createAccount', ADA));
    const active = await activate(app);
    expectOk(await app.call('signOut', {}));
    return active;
  }

  const backUp = () => scenario.backUp();
  const damageAndRestore = (): Promise<App> => scenario.damageAndRestore();

  /** One attempt to use what was spent since the backup: it must get `refusal`. */
  async function expectRefused(answer: Promise<Result<unknown>>, refusal: object): Promise<void> {
    expect(await answer).toMatchObject(refusal);
    tried += 1;
  }

  const toChallenge = async (app: App) => expect(expectOk(await app.call('signIn', PASSWORD)).challenge).toBeDefined();
  const code = (secret: string, offsetSteps = 0) => authenticatorCode(secret, clock.now() + offsetSteps * STEP_MS);
  async function signInWithCode(app: App, secret: string): Promise<void> {
    await toChallenge(app);
    expectOk(await app.call('submitTwoFactorCode', { code: await code(secret) }));
    expectOk(await app.call('signOut', {}));
    clock.advance(STEP_MS);
  }
  /** `count` wrong codes (from a step far outside any window), each in a fresh challenge as needed. */
  async function wrongCodes(app: App, secret: string, count: number): Promise<void> {
    const wrong = await code(secret, 60);
    for (let i = 0; i < count; i += 1) {
      if (i % 4 === 0) await toChallenge(app);
      expect(await app.call('submitTwoFactorCode', { code: wrong })).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
      if (i % 4 === 3) expectOk(await app.call('cancelTwoFactorChallenge', {}));
    }
    if (count % 4 !== 0) expectOk(await app.call('cancelTwoFactorChallenge', {}));
  }

  it('a recovery code used since the backup stays used; the others still work', async (ctx) => {
    const { codes } = await prepare();
    await backUp();
    let app = await start();
    await toChallenge(app);
    expect(expectOk(await app.call('submitRecoveryCode', { code: codes.codes[0]!.code })).recoveryCodesRemaining).toBe(9);
    expectOk(await app.call('signOut', {}));

    app = await damageAndRestore();
    await toChallenge(app);
    await expectRefused(app.call('submitRecoveryCode', { code: codes.codes[0]!.code }), {
      ok: false,
      error: { code: 'INVALID_CODE', message: MESSAGES.invalidRecoveryCode },
    });
    expect(expectOk(await app.call('submitRecoveryCode', { code: codes.codes[1]!.code })).recoveryCodesRemaining).toBe(8);
    recordSecurityCheck(ctx, { area: 'Faults', check: 'restore: recovery code used since the backup', tried, unit: 'codes retried' });
  });

  it('a whole set replaced since the backup stays replaced; the new set works and is the one shown', async (ctx) => {
    const { secret, codes: old } = await prepare();
    await backUp();
    let app = await start();
    await signInWithCode(app, secret);
    await toChallenge(app);
    expectOk(await app.call('submitTwoFactorCode', { code: await code(secret) }));
    const { recoveryCodes: fresh } = expectOk(await app.call('regenerateRecoveryCodes', { password: ADA.password }));
    expectOk(await app.call('signOut', {}));
    clock.advance(STEP_MS);

    app = await damageAndRestore();
    for (const { code: oldCode } of old.codes.slice(0, 3)) {
      await toChallenge(app);
      await expectRefused(app.call('submitRecoveryCode', { code: oldCode }), { ok: false, error: { code: 'INVALID_CODE' } });
      expectOk(await app.call('cancelTwoFactorChallenge', {}));
    }
    await toChallenge(app);
    expect(expectOk(await app.call('submitRecoveryCode', { code: fresh.codes[0]!.code })).recoveryCodesRemaining).toBe(9);
    const shown = expectOk(await app.call('getRecoveryCodes', { password: ADA.password })).recoveryCodes;
    expect(shown.codes.map((entry) => entry.code)).toEqual(fresh.codes.map((entry) => entry.code));
    expect(shown.codes.map((entry) => entry.used)).toEqual([true, ...Array<boolean>(9).fill(false)]);
    recordSecurityCheck(ctx, {
      area: 'Faults',
      check: 'restore: recovery code set replaced since the backup',
      tried,
      unit: 'old codes retried',
    });
  });

  it('a TOTP code accepted since the backup, and a step spent by a drift hint, stay spent', async (ctx) => {
    const { secret } = await prepare();
    await backUp();
    let app = await start();
    const accepted = await code(secret);
    await toChallenge(app);
    expectOk(await app.call('submitTwoFactorCode', { code: accepted }));
    expectOk(await app.call('signOut', {}));
    await toChallenge(app);
    const hinted = await code(secret, 6);
    expect(await app.call('submitTwoFactorCode', { code: hinted })).toMatchObject({ ok: false, error: { clockDriftMinutes: 3 } });
    expectOk(await app.call('cancelTwoFactorChallenge', {}));

    app = await damageAndRestore(); // at once, while the accepted code is still within its window
    await toChallenge(app);
    await expectRefused(app.call('submitTwoFactorCode', { code: accepted }), {
      ok: false,
      error: { code: 'INVALID_CODE', message: MESSAGES.replayedTotpCode },
    });
    expectOk(await app.call('cancelTwoFactorChallenge', {}));
    clock.advance(6 * STEP_MS);
    await toChallenge(app);
    await expectRefused(app.call('submitTwoFactorCode', { code: hinted }), {
      ok: false,
      error: { code: 'INVALID_CODE', message: MESSAGES.replayedTotpCode },
    });
    recordSecurityCheck(ctx, {
      area: 'Faults',
      check: 'restore: TOTP step accepted or spent since the backup',
      tried,
      unit: 'codes retried',
    });
  });

  it('wrong codes counted since the backup still count, and a lock since the backup still holds', async (ctx) => {
    const { secret } = await prepare();
    await backUp();
    let app = await start();
    await wrongCodes(app, secret, SECOND_FACTOR_MAX_FAILURES - 1);

    app = await damageAndRestore();
    await toChallenge(app);
    const lockedAt = clock.now();
    // The tenth wrong code in a row: nine of them before the restore.
    await expectRefused(app.call('submitTwoFactorCode', { code: await code(secret, 60) }), {
      ok: false,
      error: { code: 'SECOND_FACTOR_LOCKED', retryAt: lockedAt + SECOND_FACTOR_LOCK_MS },
    });

    // Locked now; the backup (from before the wrong codes) restored again does not lift it.
    clock.set(lockedAt + STEP_MS);
    app = await damageAndRestore();
    await expectRefused(app.call('signIn', PASSWORD), {
      ok: false,
      error: { code: 'SECOND_FACTOR_LOCKED', retryAt: lockedAt + SECOND_FACTOR_LOCK_MS },
    });
    clock.set(lockedAt + SECOND_FACTOR_LOCK_MS);
    await signInWithCode(app, secret);
    recordSecurityCheck(ctx, { area: 'Faults', check: 'restore: failure count and lock since the backup', tried, unit: 'attempts' });
  });

  it('two-factor authentication turned on since the backup stays on; turned off since, stays off', async (ctx) => {
    let app = await start();
    expectOk(await app.call('createAccount', ADA));
    expectOk(await app.call('signOut', {}));
    await backUp();
    app = await start();
    expectOk(await app.call('signIn', PASSWORD));
    const { secret } = await activate(app);
    expectOk(await app.call('signOut', {}));
    clock.advance(STEP_MS);

    app = await damageAndRestore();
    // The password alone does not sign in: the second step is asked for.
    await expectRefused(app.call('signIn', PASSWORD), { ok: true, value: { challenge: { email: ADA.email } } });
    expectOk(await app.call('submitTwoFactorCode', { code: await code(secret) }));

    // Now turned off after a backup that has it on.
    expectOk(await app.call('signOut', {}));
    await backUp();
    app = await start();
    await toChallenge(app);
    expectOk(await app.call('submitTwoFactorCode', { code: await code(secret) }));
    expectOk(await app.call('deactivateTwoFactor', { password: ADA.password }));
    expectOk(await app.call('signOut', {}));

    app = await damageAndRestore();
    // No second step any more, and so none of the old set's recovery codes is asked for or accepted.
    expect(expectOk(await app.call('signIn', PASSWORD)).session?.account.email).toBe(ADA.email);
    await expectRefused(app.call('getTwoFactorStatus', {}), { ok: true, value: { status: { active: false } } });
    recordSecurityCheck(ctx, { area: 'Faults', check: 'restore: two-factor turned on or off since the backup', tried, unit: 'sign-ins' });
  });

  it('with the keychain unavailable after the restore, nobody signs in until it is back; then nothing spent works', async (ctx) => {
    const { codes } = await prepare();
    await backUp();
    let app = await start();
    await toChallenge(app);
    expectOk(await app.call('submitRecoveryCode', { code: codes.codes[0]!.code }));
    expectOk(await app.call('signOut', {}));

    keychain.fail();
    app = await damageAndRestore();
    const refusal = { ok: false, error: { code: 'SECRET_STORE_UNAVAILABLE', message: MESSAGES.restoreNeedsKeychain } };
    await expectRefused(app.call('signIn', PASSWORD), refusal);
    await expectRefused(app.call('signIn', { email: 'nobody@example.com', password: ADA.password }), refusal);

    // Still unavailable at the next start: the restored database is still unchecked.
    app = await start();
    await expectRefused(app.call('signIn', PASSWORD), refusal);

    keychain.heal();
    await toChallenge(app);
    await expectRefused(app.call('submitRecoveryCode', { code: codes.codes[0]!.code }), { ok: false, error: { code: 'INVALID_CODE' } });
    expect(expectOk(await app.call('submitRecoveryCode', { code: codes.codes[1]!.code })).recoveryCodesRemaining).toBe(8);
    recordSecurityCheck(ctx, {
      area: 'Faults',
      check: 'restore with the keychain unavailable: sign-in waits for the check',
      tried,
      unit: 'attempts refused',
    });
  });
});

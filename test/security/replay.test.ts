import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src-shared/errors';
import { RECOVERY_CODE_COUNT } from '../../src-shared/twoFactorRules';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../support/backendHarness';
import { activateTwoFactor, codeAt, queryDatabase, STEP_MS } from '../support/twoFactorSteps';
import { recordSecurityCheck } from '../support/securityCheck';

const PASSWORD = { email: ADA.email, password: ADA.password };

describe('replay of accepted codes', () => {
  let harness: BackendHarness;
  beforeEach(() => {
    harness = createBackendHarness();
  });
  afterEach(() => harness.cleanup());

  const toChallenge = async () => expect(expectOk(await harness.call('signIn', PASSWORD)).challenge).toBeDefined();
  const acceptedCodes = () => queryDatabase(harness, "SELECT id FROM security_events WHERE kind = 'two_factor_code_accepted'").length;

  it('an accepted code or recovery code is refused after a restart, however often the app restarts', async (ctx) => {
    const { secret, recoveryCodes } = await activateTwoFactor(harness);
    expectOk(await harness.call('signOut', {}));
    let replays = 0;
    const expectRefused = async (operation: 'submitTwoFactorCode' | 'submitRecoveryCode', code: string, message: string) => {
      const result = await harness.call(operation, { code });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_CODE', message } });
      replays += 1;
    };

    // The code that activated two-factor authentication cannot also sign in, not even after a restart.
    const activationCode = await codeAt(harness, secret);
    harness.reopen();
    await toChallenge();
    await expectRefused('submitTwoFactorCode', activationCode, MESSAGES.replayedTotpCode);
    expectOk(await harness.call('cancelTwoFactorChallenge', {}));

    const used: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      harness.clock.advance(STEP_MS);
      const code = await codeAt(harness, secret);
      const recovery = recoveryCodes.codes[round]!.code;
      await toChallenge();
      expectOk(await harness.call('submitTwoFactorCode', { code }));
      expectOk(await harness.call('signOut', {}));
      await toChallenge();
      expectOk(await harness.call('submitRecoveryCode', { code: recovery }));
      expectOk(await harness.call('signOut', {}));
      used.push(code);

      harness.reopen();
      // Still within the accepted window: only the replay guard in SQLite stands in the way.
      await toChallenge();
      await expectRefused('submitTwoFactorCode', code, MESSAGES.replayedTotpCode);
      await expectRefused('submitTwoFactorCode', await codeAt(harness, secret, -1), MESSAGES.replayedTotpCode);
      // A fresh challenge, so the recovery codes are not cut short by its limit of wrong codes.
      expectOk(await harness.call('cancelTwoFactorChallenge', {}));
      await toChallenge();
      for (const earlier of recoveryCodes.codes.slice(0, round + 1)) {
        await expectRefused('submitRecoveryCode', earlier.code, MESSAGES.invalidRecoveryCode);
      }
      expectOk(await harness.call('cancelTwoFactorChallenge', {}));
    }
    expect(new Set(used).size).toBe(used.length);
    expect(acceptedCodes()).toBe(used.length);
    recordSecurityCheck(ctx, { area: 'Brute force and replay', check: 'replay after restart', tried: replays, unit: 'replays' });
  });

  it('the same code or recovery code submitted at once, twice or three times, lets in exactly one', async (ctx) => {
    const { secret, recoveryCodes } = await activateTwoFactor(harness);
    let submissions = 0;
    const rounds = [2, 3, 2, 3, 2];
    for (const [round, copies] of rounds.entries()) {
      for (const operation of ['submitTwoFactorCode', 'submitRecoveryCode'] as const) {
        expectOk(await harness.call('signOut', {}));
        harness.clock.advance(STEP_MS);
        await toChallenge();
        const code = operation === 'submitTwoFactorCode' ? await codeAt(harness, secret) : recoveryCodes.codes[round]!.code;
        const acceptedBefore = acceptedCodes();
        const results = await Promise.all(Array.from({ length: copies }, () => harness.call(operation, { code })));
        submissions += copies;

        expect(results.filter((result) => result.ok)).toHaveLength(1);
        for (const result of results) {
          if (!result.ok) expect(['INVALID_CODE', 'CHALLENGE_EXPIRED']).toContain(result.error.code);
        }
        expect(expectOk(await harness.call('getSession', {})).session?.account.email).toBe(ADA.email);
        if (operation === 'submitTwoFactorCode') expect(acceptedCodes()).toBe(acceptedBefore + 1);
      }
    }
    const unused = queryDatabase(harness, 'SELECT position FROM recovery_codes WHERE used_at IS NULL');
    expect(unused).toHaveLength(RECOVERY_CODE_COUNT - rounds.length);
    recordSecurityCheck(ctx, { area: 'Brute force and replay', check: 'double submit', tried: submissions, unit: 'submissions' });
  });
});

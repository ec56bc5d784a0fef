import { randomInt } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clockDriftMessage, MESSAGES, type ApiError } from '../../src-shared/errors';
import {
  SECOND_FACTOR_MAX_FAILURES,
  TOTP_ACCEPTED_STEPS,
  TOTP_DRIFT_SEARCH_STEPS,
  TOTP_PERIOD_SECONDS,
} from '../../src-shared/twoFactorRules';
import { createBackendHarness, type BackendHarness } from '../support/backendHarness';
import { activateTwoFactor, codeAt, queryDatabase } from '../support/twoFactorSteps';
import { scratchDataDir } from './support/scratchDataDir';
import { recordSecurityCheck } from '../support/securityCheck';
import { driveWrongCodes, type WrongCode } from './support/wrongCodeRun';

const TOTAL = 1000;

/** Every code the authenticator shows from TOTP_DRIFT_SEARCH_STEPS steps back to as many ahead, by step offset. */
async function codesAround(harness: BackendHarness, secret: string): Promise<Map<number, string>> {
  const offsets = Array.from({ length: 2 * TOTP_DRIFT_SEARCH_STEPS + 1 }, (_, i) => i - TOTP_DRIFT_SEARCH_STEPS);
  return new Map(await Promise.all(offsets.map(async (offset) => [offset, await codeAt(harness, secret, offset)] as const)));
}

describe('brute force: wrong authenticator codes', () => {
  let harness: BackendHarness;
  beforeEach(() => {
    harness = createBackendHarness({ dataDir: scratchDataDir('totp') });
  });
  afterEach(() => harness.cleanup());

  it('1,000 wrong codes, random and from other time steps: none accepted, locks as documented, across restarts', async (ctx) => {
    const { secret, recoveryCodes } = await activateTwoFactor(harness);
    const acceptedBefore = queryDatabase(harness, "SELECT id FROM security_events WHERE kind = 'two_factor_code_accepted'").length;
    let around: { at: number; codes: Map<number, string> } | null = null;
    let drifted = 0;

    async function nextWrongCode(): Promise<WrongCode> {
      if (around?.at !== harness.clock.now()) around = { at: harness.clock.now(), codes: await codesAround(harness, secret) };
      const codes = around.codes;
      const accepted = new Set([...codes].filter(([offset]) => Math.abs(offset) <= TOTP_ACCEPTED_STEPS).map(([, code]) => code));
      let code: string;
      do {
        // Every third code is a real one from a time step outside the accepted window (±1 to ±20 steps away).
        const offset = (TOTP_ACCEPTED_STEPS + 1 + randomInt(TOTP_DRIFT_SEARCH_STEPS - TOTP_ACCEPTED_STEPS)) * (randomInt(2) ? 1 : -1);
        code = randomInt(3) === 0 ? codes.get(offset)! : String(randomInt(10 ** 6)).padStart(6, '0');
      } while (accepted.has(code));
      const offsets = [...codes].filter(([, other]) => other === code).map(([offset]) => offset);
      if (offsets.length > 0) drifted += 1;
      return { code, expectInvalid: (error) => expectInvalidFor(error, offsets) };
    }

    const stats = await driveWrongCodes({
      harness,
      operation: 'submitTwoFactorCode',
      total: TOTAL,
      nextWrongCode,
      rightFactors: async () => [
        { operation: 'submitTwoFactorCode', code: await codeAt(harness, secret) },
        { operation: 'submitRecoveryCode', code: recoveryCodes.codes[0]!.code },
      ],
      ownerCode: () => codeAt(harness, secret),
      reopenAfter: new Set([2, 96, 347, 503, 771, 998]),
      reopenWhileLockedEvery: 7,
    });

    expect(stats.wrongCodes).toBe(TOTAL);
    expect(stats.locks).toBe(Math.floor(TOTAL / SECOND_FACTOR_MAX_FAILURES));
    expect(stats.ownerSignIns).toBe(stats.locks);
    expect(drifted).toBeGreaterThan(TOTAL / 5);
    const events = (kind: string) => queryDatabase(harness, 'SELECT id FROM security_events WHERE kind = ?', kind).length;
    expect(events('two_factor_code_rejected')).toBe(TOTAL);
    expect(events('second_factor_locked')).toBe(stats.locks);
    // Only the owner's codes after each lock were ever accepted.
    expect(events('two_factor_code_accepted') - acceptedBefore).toBe(stats.ownerSignIns);
    expect(queryDatabase(harness, 'SELECT used_at FROM recovery_codes WHERE used_at IS NOT NULL')).toEqual([]);
    recordSecurityCheck(ctx, { area: 'Brute force and replay', check: 'wrong TOTP codes', tried: stats.wrongCodes, unit: 'codes' });
  });
});

/** A code from another time step says how far off the clock looks; any other code says it didn't work. */
function expectInvalidFor(error: ApiError, driftOffsets: readonly number[]): void {
  if (driftOffsets.length === 0) {
    expect(error).toEqual(expect.objectContaining({ message: MESSAGES.invalidTotpCode, fields: { code: MESSAGES.invalidTotpCode } }));
    expect(error.clockDriftMinutes).toBeUndefined();
    return;
  }
  const minutes = error.clockDriftMinutes!;
  expect(error).toEqual(expect.objectContaining({ message: clockDriftMessage(minutes), fields: { code: clockDriftMessage(minutes) } }));
  // Some step the code belongs to is this many minutes away (rounded), in this direction.
  const stepMinutes = TOTP_PERIOD_SECONDS / 60;
  expect(driftOffsets.some((offset) => Math.sign(offset) === Math.sign(minutes) && Math.abs(offset * stepMinutes - minutes) <= 0.5)).toBe(
    true,
  );
}

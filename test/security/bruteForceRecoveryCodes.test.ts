import { randomInt } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src-shared/errors';
import {
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
  SECOND_FACTOR_MAX_FAILURES,
} from '../../src-shared/twoFactorRules';
import { createBackendHarness, expectOk, type BackendHarness } from '../support/backendHarness';
import { activateTwoFactor, codeAt, queryDatabase, signInToChallenge } from '../support/twoFactorSteps';
import { scratchDataDir } from './support/scratchDataDir';
import { recordSecurityCheck } from '../support/securityCheck';
import { driveWrongCodes, type WrongCode } from './support/wrongCodeRun';

const TOTAL = 1000;
const symbol = () => RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)]!;
const normalise = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();

/** How people type codes: with or without the dash, in either case, with stray spaces. */
function typed(code: string): string {
  const plain = normalise(code);
  const half = RECOVERY_CODE_LENGTH / 2;
  const forms = [
    plain,
    `${plain.slice(0, half)}-${plain.slice(half)}`,
    ` ${plain.toUpperCase()} `,
    `${plain.slice(0, half)} ${plain.slice(half)}`,
  ];
  return forms[randomInt(forms.length)]!;
}

describe('brute force: wrong recovery codes', () => {
  let harness: BackendHarness;
  beforeEach(() => {
    harness = createBackendHarness({ dataDir: scratchDataDir('recovery') });
  });
  afterEach(() => harness.cleanup());

  it('1,000 wrong codes, random and one symbol off a real one: none accepted, locks as documented; used codes never work again', async (ctx) => {
    const { secret, recoveryCodes } = await activateTwoFactor(harness);
    const real = recoveryCodes.codes.map((entry) => normalise(entry.code));
    let nearMisses = 0;

    async function nextWrongCode(): Promise<WrongCode> {
      let code: string;
      do {
        if (randomInt(2) === 0) {
          // One symbol changed in a real code: the closest a guess can come without being right.
          const chars = [...real[randomInt(real.length)]!];
          chars[randomInt(chars.length)] = symbol();
          code = chars.join('');
        } else {
          code = Array.from({ length: RECOVERY_CODE_LENGTH }, symbol).join('');
        }
      } while (real.includes(code));
      if (real.some((other) => [...other].filter((char, i) => char !== code[i]).length === 1)) nearMisses += 1;
      return {
        code: typed(code),
        expectInvalid: (error) =>
          expect(error).toEqual(
            expect.objectContaining({ message: MESSAGES.invalidRecoveryCode, fields: { code: MESSAGES.invalidRecoveryCode } }),
          ),
      };
    }

    const stats = await driveWrongCodes({
      harness,
      operation: 'submitRecoveryCode',
      total: TOTAL,
      nextWrongCode,
      rightFactors: async () => [
        ...real.slice(0, 3).map((code) => ({ operation: 'submitRecoveryCode' as const, code: typed(code) })),
        { operation: 'submitTwoFactorCode', code: await codeAt(harness, secret) },
      ],
      ownerCode: () => codeAt(harness, secret),
      reopenAfter: new Set([0, 123, 444, 445, 606, 999]),
      reopenWhileLockedEvery: 5,
    });
    expect(stats.wrongCodes).toBe(TOTAL);
    expect(stats.locks).toBe(Math.floor(TOTAL / SECOND_FACTOR_MAX_FAILURES));
    expect(nearMisses).toBeGreaterThan(TOTAL / 3);
    expect(queryDatabase(harness, 'SELECT position FROM recovery_codes WHERE used_at IS NOT NULL')).toEqual([]);

    // Afterwards every real code still works, once: a used one is refused from then on.
    let usedReplays = 0;
    for (const [index, code] of real.entries()) {
      await signInToChallenge(harness);
      const signedIn = expectOk(await harness.call('submitRecoveryCode', { code: typed(code) }));
      expect(signedIn.recoveryCodesRemaining).toBe(RECOVERY_CODE_COUNT - index - 1);
      await signInToChallenge(harness);
      for (const used of real.slice(0, index + 1).slice(-2)) {
        expect(await harness.call('submitRecoveryCode', { code: typed(used) })).toMatchObject({
          ok: false,
          error: { code: 'INVALID_CODE', message: MESSAGES.invalidRecoveryCode },
        });
        usedReplays += 1;
      }
      expectOk(await harness.call('cancelTwoFactorChallenge', {}));
      if (index === 4) harness.reopen();
    }
    const rejected = queryDatabase(harness, "SELECT id FROM security_events WHERE kind = 'recovery_code_rejected'").length;
    expect(rejected).toBe(TOTAL + usedReplays);
    recordSecurityCheck(ctx, {
      area: 'Brute force and replay',
      check: 'wrong recovery codes (random, near misses, used codes)',
      tried: stats.wrongCodes + usedReplays,
      unit: 'codes',
    });
  });
});

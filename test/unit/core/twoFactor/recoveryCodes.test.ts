import { describe, expect, it } from 'vitest';
import { RecoveryCodeSchema } from '../../../../src-shared/schemas';
import * as v from 'valibot';
import { RECOVERY_CODE_ALPHABET, RECOVERY_CODE_COUNT } from '../../../../src-shared/twoFactorRules';
import { createRecoveryCodeKdf } from '../../../../src-main/core/twoFactor/recoveryCodeKdf';
import { formatRecoveryCode, generateRecoveryCodes, RECOVERY_CODE_BITS } from '../../../../src-main/core/twoFactor/recoveryCodes';
import { TEST_RECOVERY_SCRYPT } from '../../../support/cheapScrypt';

describe('recovery codes', () => {
  it('are 10 distinct codes of 10 symbols from the unambiguous alphabet, shown as xxxxx-xxxxx', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) {
      expect(code).toMatch(/^[23456789abcdefghjkmnpqrstuvwxyz]{10}$/);
      expect(formatRecoveryCode(code)).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    }
    expect(RECOVERY_CODE_ALPHABET).not.toMatch(/[01oil]/);
  });

  it('carry about 49.5 bits each: the xxxxx-xxxxx format and the 31-symbol alphabet cap it below the 50 asked for', () => {
    expect(RECOVERY_CODE_ALPHABET).toHaveLength(31);
    expect(RECOVERY_CODE_BITS).toBeCloseTo(10 * Math.log2(31), 10);
    expect(RECOVERY_CODE_BITS).toBeGreaterThanOrEqual(49.5);
    expect(RECOVERY_CODE_BITS).toBeLessThan(50);
  });

  it('use every symbol about equally often (randomInt is unbiased)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 300; i += 1) {
      for (const char of generateRecoveryCodes().join('')) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect(counts.size).toBe(31);
    const expected = (300 * 100) / 31; // ~968 each
    for (const count of counts.values()) expect(Math.abs(count - expected)).toBeLessThan(expected * 0.2);
  });

  it('are accepted in any case, with or without the dash and spaces (normalised by the schema)', () => {
    for (const typed of ['ABCDE-FGHJK', 'abcde fghjk', ' AbCdE-fGhJk ', 'abcdefghjk', 'ab-cde fg-hjk']) {
      expect(v.parse(RecoveryCodeSchema, typed)).toBe('abcdefghjk');
    }
    expect(v.safeParse(RecoveryCodeSchema, 'abcde-fghj1').success).toBe(false);
  });

  it('are stored as salted scrypt hashes with self-describing parameters; one hash checks the whole set', async () => {
    const kdf = createRecoveryCodeKdf(TEST_RECOVERY_SCRYPT);
    const setKdf = kdf.newSetKdf();
    expect(setKdf).toMatch(/^\$scrypt\$ln=8,r=8,p=1\$[A-Za-z0-9+/]{22}$/);
    expect(kdf.newSetKdf()).not.toBe(setKdf); // a fresh salt per set
    const codes = generateRecoveryCodes();
    const stored = await Promise.all(codes.map(async (code, position) => ({ position, codeHash: await kdf.hash(code, setKdf) })));
    expect(kdf.matches(await kdf.hash(codes[7]!, setKdf), stored)).toEqual([7]);
    expect(kdf.matches(await kdf.hash('zzzzzzzzzz', setKdf), stored)).toEqual([]);
    // Another set's salt gives another hash for the same code.
    expect(await kdf.hash(codes[0]!, kdf.newSetKdf())).not.toBe(stored[0]!.codeHash);
  });
});

import { describe, expect, it } from 'vitest';
import { ScureBase32Plugin } from 'otplib';
import { createTotp, driftMinutes, TOTP_SECRET_BYTES } from '../../../../src-main/core/twoFactor/totp';
import { createFakeClock } from '../../../support/fakeClock';

// RFC 6238 Appendix B, SHA-1: the ASCII secret "12345678901234567890" (20 bytes), 8-digit values cut to 6.
const RFC_SECRET = new ScureBase32Plugin().encode(new TextEncoder().encode('12345678901234567890'), { padding: false });
const RFC_VECTORS: [seconds: number, code: string][] = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
];

describe('TOTP (HMAC-SHA1, 6 digits, 30 s) with an injected clock', () => {
  it('matches the RFC 6238 Appendix B SHA-1 vectors and reports the time step', async () => {
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    const clock = createFakeClock();
    const totp = createTotp(clock);
    for (const [seconds, code] of RFC_VECTORS) {
      clock.set(seconds * 1000);
      expect(await totp.check(RFC_SECRET, code)).toEqual({ kind: 'accepted', step: Math.floor(seconds / 30) });
    }
  });

  it('accepts exactly the steps −1, 0 and +1 around now', async () => {
    const clock = createFakeClock(1234567890 * 1000);
    const totp = createTotp(clock);
    const step = Math.floor(1234567890 / 30);
    const results: Record<number, unknown> = {};
    for (const offset of [-2, -1, 0, 1, 2]) {
      // The code belongs to `step`; moving "now" by -offset puts it at +offset from now.
      clock.set(1234567890 * 1000 - offset * 30_000);
      results[offset] = await totp.check(RFC_SECRET, '005924');
    }
    expect(results).toEqual({
      '-2': { kind: 'drift', steps: -2 },
      '-1': { kind: 'accepted', step },
      0: { kind: 'accepted', step },
      1: { kind: 'accepted', step },
      2: { kind: 'drift', steps: 2 },
    });
  });

  it('recognises codes up to ±20 steps (10 minutes) away as drift, and nothing further', async () => {
    const clock = createFakeClock();
    const totp = createTotp(clock);
    clock.set(1234567890 * 1000 - 20 * 30_000);
    expect(await totp.check(RFC_SECRET, '005924')).toEqual({ kind: 'drift', steps: 20 });
    clock.set(1234567890 * 1000 + 20 * 30_000);
    expect(await totp.check(RFC_SECRET, '005924')).toEqual({ kind: 'drift', steps: -20 });
    clock.set(1234567890 * 1000 + 21 * 30_000);
    expect(await totp.check(RFC_SECRET, '005924')).toEqual({ kind: 'invalid' });
  });

  it('treats malformed tokens as wrong codes instead of throwing', async () => {
    const totp = createTotp(createFakeClock(59_000));
    for (const token of ['', '28708', '2870822', 'abcdef', '94287082', ' 287082']) {
      expect(await totp.check(RFC_SECRET, token)).toEqual({ kind: 'invalid' });
    }
    expect(await totp.check('not base32 !!', '287082')).toEqual({ kind: 'invalid' });
  });

  it('generates 160-bit secrets from the CSPRNG as unpadded base32', () => {
    const totp = createTotp(createFakeClock());
    const secrets = new Set(Array.from({ length: 50 }, () => totp.generateSecret()));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) {
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(new ScureBase32Plugin().decode(secret)).toHaveLength(TOTP_SECRET_BYTES);
    }
  });

  it('turns a step offset into minutes, never zero', () => {
    expect(driftMinutes(2)).toBe(1);
    expect(driftMinutes(-2)).toBe(-1);
    expect(driftMinutes(3)).toBe(2);
    expect(driftMinutes(10)).toBe(5);
    expect(driftMinutes(-20)).toBe(-10);
  });
});

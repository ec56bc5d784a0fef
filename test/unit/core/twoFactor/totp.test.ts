import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generate, ScureBase32Plugin } from 'otplib';
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

const NO_MATCH = { inWindow: [], drift: [], driftSteps: null };

describe('TOTP (HMAC-SHA1, 6 digits, 30 s) with an injected clock', () => {
  it('matches the RFC 6238 Appendix B SHA-1 vectors and reports the time step', async () => {
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    const clock = createFakeClock();
    const totp = createTotp(clock);
    for (const [seconds, code] of RFC_VECTORS) {
      clock.set(seconds * 1000);
      expect(await totp.check(RFC_SECRET, code)).toEqual({ inWindow: [Math.floor(seconds / 30)], drift: [], driftSteps: null });
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
      '-2': { inWindow: [], drift: [step], driftSteps: -2 },
      '-1': { inWindow: [step], drift: [], driftSteps: null },
      0: { inWindow: [step], drift: [], driftSteps: null },
      1: { inWindow: [step], drift: [], driftSteps: null },
      2: { inWindow: [], drift: [step], driftSteps: 2 },
    });
  });

  it('recognises codes up to ±20 steps (10 minutes) away as drift, and nothing further', async () => {
    const clock = createFakeClock();
    const totp = createTotp(clock);
    const step = Math.floor(1234567890 / 30);
    clock.set(1234567890 * 1000 - 20 * 30_000);
    expect(await totp.check(RFC_SECRET, '005924')).toEqual({ inWindow: [], drift: [step], driftSteps: 20 });
    clock.set(1234567890 * 1000 + 20 * 30_000);
    expect(await totp.check(RFC_SECRET, '005924')).toEqual({ inWindow: [], drift: [step], driftSteps: -20 });
    clock.set(1234567890 * 1000 + 21 * 30_000);
    expect(await totp.check(RFC_SECRET, '005924')).toEqual(NO_MATCH);
  });

  it('treats malformed tokens as wrong codes instead of throwing', async () => {
    const totp = createTotp(createFakeClock(59_000));
    for (const token of ['', '28708', '2870822', 'abcdef', '94287082', ' 287082']) {
      expect(await totp.check(RFC_SECRET, token)).toEqual(NO_MATCH);
    }
    expect(await totp.check('not base32 !!', '287082')).toEqual(NO_MATCH);
  });

  it('reports every step a code matches when 6 digits collide, so each can be spent', async () => {
    // A secret (found by a fixed, deterministic search) whose code repeats within ±20 steps of now.
    const now = 1234567890;
    const current = Math.floor(now / 30);
    let found: { secret: string; code: string; steps: number[] } | null = null;
    for (let i = 0; found === null; i += 1) {
      const secret = new ScureBase32Plugin().encode(createHash('sha1').update(`collision-${i}`).digest(), { padding: false });
      const byCode = new Map<string, number[]>();
      for (let step = current - 20; step <= current + 20; step += 1) {
        const code = await generate({ secret, epoch: step * 30 });
        byCode.set(code, [...(byCode.get(code) ?? []), step]);
      }
      const repeated = [...byCode].find(([, steps]) => steps.length > 1);
      if (repeated) found = { secret, code: repeated[0], steps: repeated[1] };
    }
    const check = await createTotp(createFakeClock(now * 1000)).check(found.secret, found.code);
    expect([...check.inWindow, ...check.drift].sort((a, b) => a - b)).toEqual(found.steps);
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

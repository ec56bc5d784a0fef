import { randomBytes } from 'node:crypto';
import { ScureBase32Plugin, verify } from 'otplib';
import { TOTP_ACCEPTED_STEPS, TOTP_DIGITS, TOTP_DRIFT_SEARCH_STEPS, TOTP_PERIOD_SECONDS } from '../../../src-shared/twoFactorRules';
import type { Clock } from '../clock';

/** RFC 4226 recommends 160-bit secrets; authenticator apps expect exactly this. */
export const TOTP_SECRET_BYTES = 20;

export type TotpCheck =
  /** Within the accepted window; `step` is the RFC 6238 time step the code belongs to. */
  | { readonly kind: 'accepted'; readonly step: number }
  /** Wrong by more than the window but a real code: `steps` away from now (positive: the computer is behind). */
  | { readonly kind: 'drift'; readonly steps: number }
  | { readonly kind: 'invalid' };

export interface Totp {
  /** A new secret: 20 bytes from the CSPRNG, base32 without padding. */
  generateSecret(): string;
  check(secret: string, code: string): Promise<TotpCheck>;
}

const base32 = new ScureBase32Plugin();

/**
 * TOTP (HMAC-SHA1, 6 digits, 30 s) over otplib, with the clock injected so tests can pin time.
 * otplib throws for malformed tokens (wrong length, letters): that is a wrong code, not a crash.
 */
export function createTotp(clock: Clock): Totp {
  async function matchWithin(secret: string, code: string, steps: number): Promise<{ step: number; delta: number } | null> {
    try {
      // A tolerance of k periods covers exactly the steps current-k … current+k, whatever the offset into the step.
      const result = await verify({
        secret,
        token: code,
        epoch: Math.floor(clock.now() / 1000),
        period: TOTP_PERIOD_SECONDS,
        digits: TOTP_DIGITS,
        algorithm: 'sha1',
        epochTolerance: steps * TOTP_PERIOD_SECONDS,
      });
      return result.valid && 'timeStep' in result ? { step: result.timeStep, delta: result.delta } : null;
    } catch {
      return null;
    }
  }

  return {
    generateSecret: () => base32.encode(randomBytes(TOTP_SECRET_BYTES), { padding: false }),
    async check(secret, code) {
      const accepted = await matchWithin(secret, code, TOTP_ACCEPTED_STEPS);
      if (accepted) return { kind: 'accepted', step: accepted.step };
      const drifted = await matchWithin(secret, code, TOTP_DRIFT_SEARCH_STEPS);
      return drifted ? { kind: 'drift', steps: drifted.delta } : { kind: 'invalid' };
    },
  };
}

/** How far off the computer's clock looks, in whole minutes (at least one: drift starts two steps away). */
export function driftMinutes(steps: number): number {
  const minutes = Math.round((steps * TOTP_PERIOD_SECONDS) / 60);
  return minutes === 0 ? Math.sign(steps) : minutes;
}

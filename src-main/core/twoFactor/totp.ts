import { randomBytes } from 'node:crypto';
import { ScureBase32Plugin, verify } from 'otplib';
import { TOTP_ACCEPTED_STEPS, TOTP_DIGITS, TOTP_DRIFT_SEARCH_STEPS, TOTP_PERIOD_SECONDS } from '../../../src-shared/twoFactorRules';
import { clockDriftMessage, MESSAGES } from '../../../src-shared/errors';
import type { Clock } from '../clock';

/** RFC 4226 recommends 160-bit secrets; authenticator apps expect exactly this. */
export const TOTP_SECRET_BYTES = 20;

/**
 * Every time step within TOTP_DRIFT_SEARCH_STEPS of now whose code is the one entered: usually none
 * or one, sometimes more (6 digits collide). All of them are reported, because each step a code
 * matched must be spent, so no code refused now can be accepted later.
 */
export interface TotpCheck {
  /** Matched steps inside the accepted window (now ±TOTP_ACCEPTED_STEPS), oldest first; any may be used already. */
  readonly inWindow: readonly number[];
  /** Matched steps outside it, nearest first. */
  readonly drift: readonly number[];
  /** Steps from now to the nearest drift match (positive: the computer's clock is behind), or null. */
  readonly driftSteps: number | null;
}

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
  /** The first step after `afterStep` within the drift range of now whose code is `code`, or null. */
  async function nextMatch(secret: string, code: string, afterStep: number): Promise<number | null> {
    try {
      // A tolerance of k periods covers exactly the steps current-k … current+k, whatever the offset into the step.
      const result = await verify({
        secret,
        token: code,
        epoch: Math.floor(clock.now() / 1000),
        period: TOTP_PERIOD_SECONDS,
        digits: TOTP_DIGITS,
        algorithm: 'sha1',
        epochTolerance: TOTP_DRIFT_SEARCH_STEPS * TOTP_PERIOD_SECONDS,
        ...(afterStep >= 0 ? { afterTimeStep: afterStep } : {}),
      });
      return result.valid && 'timeStep' in result ? result.timeStep : null;
    } catch {
      return null;
    }
  }

  return {
    generateSecret: () => base32.encode(randomBytes(TOTP_SECRET_BYTES), { padding: false }),
    async check(secret, code) {
      const current = Math.floor(clock.now() / 1000 / TOTP_PERIOD_SECONDS);
      const matched: number[] = [];
      // Each search resumes after the last match, so every step of the range is computed once.
      for (let step = await nextMatch(secret, code, current - TOTP_DRIFT_SEARCH_STEPS - 1); step !== null;) {
        matched.push(step);
        step = await nextMatch(secret, code, step);
      }
      const away = (step: number) => Math.abs(step - current);
      const inWindow = matched.filter((step) => away(step) <= TOTP_ACCEPTED_STEPS);
      const drift = matched.filter((step) => away(step) > TOTP_ACCEPTED_STEPS).sort((a, b) => away(a) - away(b));
      return { inWindow, drift, driftSteps: drift.length > 0 ? drift[0]! - current : null };
    },
  };
}

/** Every step `check` matched: all are spent whatever the outcome (see totp_spent_steps). */
export const matchedSteps = (check: TotpCheck): number[] => [...check.inWindow, ...check.drift];

/** What to tell the person when a code was not accepted: used already, the clock looks off, or just wrong. */
export function refusalFor(check: TotpCheck): { message: string; clockDriftMinutes?: number } {
  if (check.inWindow.length > 0) return { message: MESSAGES.replayedTotpCode };
  if (check.driftSteps === null) return { message: MESSAGES.invalidTotpCode };
  const minutes = driftMinutes(check.driftSteps);
  return { message: clockDriftMessage(minutes), clockDriftMinutes: minutes };
}

/** How far off the computer's clock looks, in whole minutes (at least one: drift starts two steps away). */
export function driftMinutes(steps: number): number {
  const minutes = Math.round((steps * TOTP_PERIOD_SECONDS) / 60);
  return minutes === 0 ? Math.sign(steps) : minutes;
}

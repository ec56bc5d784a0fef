import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  FREE_FAILURES,
  HOUR_MS,
  isStreakForgotten,
  MAX_DELAY_MS,
  MAX_FAILURES_PER_HOUR,
  nextAttemptAllowedAt,
  STREAK_FORGOTTEN_AFTER_MS,
} from '../../../src-main/core/security/signInThrottle';

describe('sign-in throttle', () => {
  it('lets the first five failures through without delay, then doubles the wait', () => {
    expect([0, 1, 2, 3, 4].map(backoffDelay)).toEqual([0, 0, 0, 0, 0]);
    expect([5, 6, 7, 8].map(backoffDelay)).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(100)).toBe(MAX_DELAY_MS);
  });

  it('allows an attempt when the backoff has passed', () => {
    const state = { consecutiveFailures: FREE_FAILURES + 2, lastFailureAt: 10_000, hourlyLimitReachedBy: null };
    expect(nextAttemptAllowedAt(state, 10_000)).toBe(14_000);
    expect(nextAttemptAllowedAt(state, 13_999)).toBe(14_000);
    expect(nextAttemptAllowedAt(state, 14_000)).toBeNull();
  });

  it('blocks for an hour after the hourly limit, whatever the backoff says', () => {
    const state = { consecutiveFailures: 0, lastFailureAt: null, hourlyLimitReachedBy: 50_000 };
    expect(nextAttemptAllowedAt(state, 60_000)).toBe(50_000 + HOUR_MS);
  });

  it('never admits more than 100 failures in any hour, even for an attacker trying at every allowed moment', () => {
    const failures: number[] = [];
    let now = 0;
    let consecutive = 0;
    while (now < 3 * HOUR_MS) {
      const inWindow = failures.filter((at) => at > now - HOUR_MS);
      const state = {
        consecutiveFailures: consecutive,
        lastFailureAt: failures.at(-1) ?? null,
        hourlyLimitReachedBy: inWindow.length >= MAX_FAILURES_PER_HOUR ? inWindow.at(-MAX_FAILURES_PER_HOUR)! : null,
      };
      const allowedAt = nextAttemptAllowedAt(state, now);
      if (allowedAt === null) {
        failures.push(now);
        consecutive += 1;
        now += 1;
      } else {
        now = allowedAt;
      }
    }
    for (const at of failures) {
      expect(failures.filter((other) => other >= at && other < at + HOUR_MS).length).toBeLessThanOrEqual(MAX_FAILURES_PER_HOUR);
    }
    expect(failures.length).toBeGreaterThan(FREE_FAILURES);
  });

  it('forgets a streak after a quiet day, never while a wait it started is still running', () => {
    expect(isStreakForgotten(null, 0)).toBe(false);
    expect(isStreakForgotten(1_000, 1_000 + STREAK_FORGOTTEN_AFTER_MS - 1)).toBe(false);
    expect(isStreakForgotten(1_000, 1_000 + STREAK_FORGOTTEN_AFTER_MS)).toBe(true);
    expect(STREAK_FORGOTTEN_AFTER_MS).toBeGreaterThan(Math.max(MAX_DELAY_MS, HOUR_MS));
  });
});

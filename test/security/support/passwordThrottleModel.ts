import { backoffDelay, HOUR_MS, MAX_FAILURES_PER_HOUR } from '../../../src-main/core/security/signInThrottle';

/**
 * The documented password throttle, re-stated for the tests from its published parts (the
 * backoff table and the hourly cap): what the backend must answer, attempt by attempt.
 */
export function createPasswordThrottleModel() {
  const failures: number[] = [];
  let streak = 0;

  /** When the next attempt is allowed (epoch ms), or null if at `now`. */
  function allowedAt(now: number): number | null {
    let at = failures.length > 0 && streak > 0 ? failures.at(-1)! + backoffDelay(streak) : 0;
    const inLastHour = failures.filter((failure) => failure > now - HOUR_MS);
    if (inLastHour.length >= MAX_FAILURES_PER_HOUR) at = Math.max(at, inLastHour.at(-MAX_FAILURES_PER_HOUR)! + HOUR_MS);
    return at > now ? at : null;
  }

  return {
    allowedAt,
    failures: (): readonly number[] => failures,
    fail(now: number): void {
      failures.push(now);
      streak += 1;
    },
    succeed(): void {
      streak = 0;
    },
  };
}

/** The most failures that fall within any one hour (a window starting at each failure). */
export function mostFailuresInAnHour(times: readonly number[]): number {
  return Math.max(0, ...times.map((start) => times.filter((at) => at >= start && at < start + HOUR_MS).length));
}

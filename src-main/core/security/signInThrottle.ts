/**
 * When may the next password attempt for an account be made? The first few
 * failures are free; then each further failure doubles the wait, and no more
 * than MAX_FAILURES_PER_HOUR failures can ever happen within an hour.
 */
export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_HOUR = 100;
export const HOUR_MS = 60 * 60 * 1000;

export interface ThrottleState {
  /** Consecutive failures since the last success. */
  readonly consecutiveFailures: number;
  readonly lastFailureAt: number | null;
  /** When the MAX_FAILURES_PER_HOUR-th most recent failure of the past hour happened, if there were that many. */
  readonly hourlyLimitReachedBy: number | null;
}

export function backoffDelay(consecutiveFailures: number): number {
  if (consecutiveFailures < FREE_FAILURES) return 0;
  const doublings = Math.min(consecutiveFailures - FREE_FAILURES, 30);
  return Math.min(FIRST_DELAY_MS * 2 ** doublings, MAX_DELAY_MS);
}

/** Epoch ms before which no attempt is allowed, or null when one is allowed now. */
export function nextAttemptAllowedAt(state: ThrottleState, now: number): number | null {
  let allowedAt = 0;
  if (state.lastFailureAt !== null) allowedAt = state.lastFailureAt + backoffDelay(state.consecutiveFailures);
  if (state.hourlyLimitReachedBy !== null) allowedAt = Math.max(allowedAt, state.hourlyLimitReachedBy + HOUR_MS);
  return allowedAt > now ? allowedAt : null;
}

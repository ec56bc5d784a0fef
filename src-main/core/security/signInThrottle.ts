/**
 * When may the next password attempt for an email be made? The first few
 * failures are free; then each further failure doubles the wait, and no more
 * than MAX_FAILURES_PER_HOUR failures can ever happen within an hour. One rule
 * for an account's email and for an email with no account, so the answers
 * cannot tell them apart.
 */
export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_HOUR = 100;
export const HOUR_MS = 60 * 60 * 1000;
/**
 * A streak of failures is forgotten after a day without one: the next failure counts as the first.
 * It never helps a guesser (waiting a day buys ~15 attempts; trying every 15 minutes buys ~96), and it
 * lets the records of emails with no account be pruned instead of kept forever. Much longer than
 * MAX_DELAY_MS, so forgetting never shortens a wait that is still running.
 */
export const STREAK_FORGOTTEN_AFTER_MS = 24 * HOUR_MS;

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

/** Whether a streak whose last failure was at `lastFailureAt` no longer counts at `now`. */
export function isStreakForgotten(lastFailureAt: number | null, now: number): boolean {
  return lastFailureAt !== null && lastFailureAt <= now - STREAK_FORGOTTEN_AFTER_MS;
}

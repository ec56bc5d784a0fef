import type { Clock } from '../../src-main/core/clock';

/** A clock that only moves when the test says so. */
export function createFakeClock(start = Date.UTC(2026, 10, 28, 9, 0, 0)): Clock & { advance(ms: number): void; set(at: number): void } {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => void (now += ms),
    set: (at) => void (now = at),
  };
}

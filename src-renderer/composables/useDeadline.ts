import { onScopeDispose, watch } from 'vue';

const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * Calls `onPassed` once when the epoch-ms time `target()` passes (at once if it
 * already has). A new target re-arms it; null disarms it. The timer is cleared
 * when the scope ends.
 */
export function useDeadline(target: () => number | null | undefined, onPassed: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;

  function stop(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  function arm(): void {
    stop();
    const end = target();
    if (end === null || end === undefined) return;
    const delay = end - Date.now();
    if (delay <= 0) {
      onPassed();
      return;
    }
    // Very long waits are re-armed in steps (setTimeout overflows after ~24.8 days).
    timer = setTimeout(delay > MAX_TIMER_DELAY_MS ? arm : fire, Math.min(delay, MAX_TIMER_DELAY_MS));
  }

  function fire(): void {
    timer = undefined;
    onPassed();
  }

  watch(target, arm, { immediate: true });
  onScopeDispose(stop);
}

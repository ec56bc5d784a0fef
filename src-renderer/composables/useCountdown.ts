import { computed, onScopeDispose, ref, watch, type ComputedRef } from 'vue';

/**
 * Whole seconds left until `target()` (epoch ms), ticking exactly when the
 * displayed number changes. The timer stops at zero and when the scope ends.
 */
export function useCountdown(target: () => number | null): {
  secondsLeft: ComputedRef<number>;
  active: ComputedRef<boolean>;
} {
  const now = ref(Date.now());
  let timer: ReturnType<typeof setTimeout> | undefined;

  function stop(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  function tick(): void {
    stop();
    now.value = Date.now();
    const end = target();
    if (end === null || end <= now.value) return;
    const remaining = end - now.value;
    // Wake up when ceil(remaining / 1000) drops by one.
    timer = setTimeout(tick, ((remaining - 1) % 1000) + 1);
  }

  watch(target, tick, { immediate: true });
  onScopeDispose(stop);

  const secondsLeft = computed(() => {
    const end = target();
    return end === null ? 0 : Math.max(0, Math.ceil((end - now.value) / 1000));
  });
  const active = computed(() => secondsLeft.value > 0);
  return { secondsLeft, active };
}

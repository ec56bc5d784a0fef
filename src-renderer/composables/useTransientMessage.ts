import { onScopeDispose, ref, type Ref } from 'vue';

/**
 * A message that clears itself after `durationMs` (for "Copied"). `show` restarts
 * the clock; the timer is cleared when the scope ends.
 */
export function useTransientMessage(durationMs = 4_000): {
  message: Readonly<Ref<string | null>>;
  show: (text: string) => void;
  clear: () => void;
} {
  const message = ref<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function clear(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    message.value = null;
  }

  function show(text: string): void {
    clear();
    message.value = text;
    timer = setTimeout(() => {
      timer = undefined;
      message.value = null;
    }, durationMs);
  }

  onScopeDispose(clear);
  return { message, show, clear };
}

import { nextTick, ref, watch, type Ref } from 'vue';
import { anyModalOpen } from './useModalBackground';

/**
 * Where focus goes when a flow's dialogs have all closed (Done, Cancel, Escape): back to the
 * button that started it, found by its name among `buttons()`, or, if that one is gone (Activate
 * after activating), to the first of them; never to the page. Buttons should stay focusable while
 * busy (aria-disabled) for this to work during a pending request.
 */
export function useFocusReturn(buttons: () => readonly HTMLElement[]): { startedBy: Ref<string | null> } {
  const startedBy = ref<string | null>(null);

  watch(anyModalOpen, async (open) => {
    if (open) return;
    await nextTick();
    const active = document.activeElement;
    // Focus may still sit on a button of the dialog that just closed (the browser blurs it later).
    const lost = !active || active === document.body || !active.isConnected || active.closest('dialog') !== null;
    if (!lost) return;
    const candidates = buttons();
    const back = candidates.find((button) => button.textContent?.trim() === startedBy.value) ?? candidates[0];
    back?.focus();
  });

  return { startedBy };
}

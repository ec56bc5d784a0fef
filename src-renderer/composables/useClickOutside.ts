import { onScopeDispose, type Ref } from 'vue';

/** Calls `handler` on any pointer press outside `target`. Removed when the scope ends. */
export function useClickOutside(target: Readonly<Ref<HTMLElement | null>>, handler: () => void): void {
  const onPointerDown = (event: PointerEvent): void => {
    const element = target.value;
    if (element && event.target instanceof Node && !element.contains(event.target)) handler();
  };
  document.addEventListener('pointerdown', onPointerDown, true);
  onScopeDispose(() => document.removeEventListener('pointerdown', onPointerDown, true));
}

import { computed, ref } from 'vue';

/**
 * How many modal dialogs are open. Dialogs are teleported to <body>, next to the
 * app; while one is open the app is aria-hidden, so assistive technology (and
 * role-based test queries) see only the dialog, as showModal() makes it for the pointer.
 */
const openModals = ref(0);

export const anyModalOpen = computed(() => openModals.value > 0);

export function modalOpened(): void {
  openModals.value += 1;
}

export function modalClosed(): void {
  openModals.value = Math.max(0, openModals.value - 1);
}

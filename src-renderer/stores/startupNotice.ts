import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { StartupNotice } from '../../src-shared/models';
import { callGatehouse } from '../api/gatehouseApi';

/**
 * What start-up had to do to a damaged database (moved aside; a backup restored or not), for the
 * sign-in and create-account screens. Needs no session. Read once, when the first of those
 * screens shows: it is rare, so it stays off the start-up reads the first screen waits for.
 */
export const useStartupNoticeStore = defineStore('startupNotice', () => {
  const notice = ref<StartupNotice | null>(null);
  const dismissed = ref(false);
  let loading: Promise<void> | null = null;

  /** The notice to show: null when there is none or the person dismissed it. */
  const shown = computed(() => (dismissed.value ? null : notice.value));

  function ensureLoaded(): Promise<void> {
    loading ??= (async () => {
      const result = await callGatehouse('getStartupNotice', {});
      // A failed read shows nothing: the native dialog at start-up already told the person.
      if (result.ok) notice.value = result.value.notice;
    })();
    return loading;
  }

  function dismiss(): void {
    dismissed.value = true;
  }

  return { notice, shown, ensureLoaded, dismiss };
});

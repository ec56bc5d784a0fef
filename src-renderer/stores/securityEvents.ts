import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { ApiError } from '../../src-shared/errors';
import { SECURITY_EVENTS_PAGE_SIZE, type SecurityEvent } from '../../src-shared/models';
import { useSessionStore } from './session';

/** The signed-in account's recent security activity, newest first. */
export const useSecurityEventsStore = defineStore('securityEvents', () => {
  const session = useSessionStore();

  const events = ref<SecurityEvent[]>([]);
  const loaded = ref(false);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);

  let pending: Promise<void> | null = null;

  function reset(): void {
    events.value = [];
    loaded.value = false;
    error.value = null;
  }

  // Never show one account's activity to another.
  watch(
    () => session.account?.id,
    () => reset(),
  );

  function load(): Promise<void> {
    pending ??= (async () => {
      const accountId = session.account?.id;
      loading.value = true;
      const result = await session.request('listSecurityEvents', { limit: SECURITY_EVENTS_PAGE_SIZE });
      loading.value = false;
      if (session.account?.id !== accountId) return;
      if (result.ok) {
        events.value = [...result.value.events].sort((a, b) => b.at - a.at || b.id - a.id);
        error.value = null;
        loaded.value = true;
      } else {
        error.value = result.error;
      }
    })().finally(() => {
      pending = null;
    });
    return pending;
  }

  return { events, loaded, loading, error, load, reset };
});

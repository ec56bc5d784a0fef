import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiError } from '../../src-shared/errors';
import type { AccountSummary } from '../../src-shared/models';
import { callGatehouse } from '../api/gatehouseApi';

/** The accounts on this computer, for the sign-in screen. Needs no session. */
export const useAccountsStore = defineStore('accounts', () => {
  const accounts = ref<AccountSummary[]>([]);
  const loaded = ref(false);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);

  let pending: Promise<void> | null = null;

  function load(): Promise<void> {
    pending ??= (async () => {
      loading.value = true;
      const result = await callGatehouse('listAccounts', {});
      if (result.ok) {
        accounts.value = result.value.accounts;
        error.value = null;
      } else {
        error.value = result.error;
      }
      loaded.value = true;
      loading.value = false;
    })().finally(() => {
      pending = null;
    });
    return pending;
  }

  function ensureLoaded(): Promise<void> {
    return loaded.value ? Promise.resolve() : load();
  }

  /** Adds or updates one account after it was created or renamed. */
  function remember(account: AccountSummary): void {
    const index = accounts.value.findIndex((item) => item.id === account.id);
    if (index === -1) accounts.value = [...accounts.value, account];
    else accounts.value = accounts.value.map((item) => (item.id === account.id ? account : item));
  }

  return { accounts, loaded, loading, error, load, ensureLoaded, remember };
});

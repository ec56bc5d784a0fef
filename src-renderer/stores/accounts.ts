import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { OperationInput, OperationOutput } from '../../src-shared/contract';
import type { ApiError } from '../../src-shared/errors';
import type { AccountSummary } from '../../src-shared/models';
import type { Result } from '../../src-shared/result';
import { callGatehouse } from '../api/gatehouseApi';
import { stillBusy } from './actionResults';
import { useSessionStore } from './session';

/** The accounts on this computer, for the sign-in screen, and creating one. Needs no session. */
export const useAccountsStore = defineStore('accounts', () => {
  const session = useSessionStore();

  const accounts = ref<AccountSummary[]>([]);
  const loaded = ref(false);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);

  const createPending = ref(false);
  const createError = ref<ApiError | null>(null);

  let pending: Promise<void> | null = null;

  /** Reads the list (again); `reply` is a listAccounts call already sent (src-renderer/startupReads.ts). */
  function load(reply?: Promise<Result<OperationOutput<'listAccounts'>>>): Promise<void> {
    pending ??= (async () => {
      loading.value = true;
      const result = await (reply ?? callGatehouse('listAccounts', {}));
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

  /** Reads the list once; a read in flight is joined, not repeated. */
  function ensureLoaded(reply?: Promise<Result<OperationOutput<'listAccounts'>>>): Promise<void> {
    return loaded.value ? Promise.resolve() : load(reply);
  }

  /** Adds or updates one account after it was created or renamed. */
  function remember(account: AccountSummary): void {
    const index = accounts.value.findIndex((item) => item.id === account.id);
    if (index === -1) accounts.value = [...accounts.value, account];
    else accounts.value = accounts.value.map((item) => (item.id === account.id ? account : item));
  }

  /** Drops a deleted account from the list at once (a reload from main follows). */
  function forget(id: string): void {
    accounts.value = accounts.value.filter((item) => item.id !== id);
  }

  /** Creates an account: it is listed here, and its session starts. */
  async function createAccount(input: OperationInput<'createAccount'>): Promise<Result<OperationOutput<'createAccount'>>> {
    if (createPending.value) return stillBusy();
    createPending.value = true;
    createError.value = null;
    try {
      const result = await session.request('createAccount', input);
      if (result.ok) {
        remember(result.value.session.account);
        session.start(result.value.session);
      } else {
        createError.value = result.error;
      }
      return result;
    } finally {
      createPending.value = false;
    }
  }

  /** The create-account screen opens afresh. */
  function clearCreateError(): void {
    createError.value = null;
  }

  return {
    accounts,
    loaded,
    loading,
    error,
    createPending,
    createError,
    load,
    ensureLoaded,
    remember,
    forget,
    createAccount,
    clearCreateError,
  };
});

import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { OperationInput, OperationOutput } from '../../src-shared/contract';
import type { AccountSummary } from '../../src-shared/models';
import { ok, type Result } from '../../src-shared/result';
import { done } from './actionResults';
import { useAccountsStore } from './accounts';
import { useSecurityEventsStore } from './securityEvents';
import { useSessionStore } from './session';

/**
 * Changes to the signed-in account. Each action resolves to a Result (stores/actionResults.ts):
 * main's answer, or the ApiError for the form to show. A second submit while one is running
 * gets the running one's answer instead of sending again.
 */
export const useAccountSettingsStore = defineStore('accountSettings', () => {
  const session = useSessionStore();
  const securityEvents = useSecurityEventsStore();

  const accounts = useAccountsStore();

  const savingName = ref(false);
  const changingPassword = ref(false);
  const changingEmail = ref(false);
  const deletingAccount = ref(false);

  let nameRequest: Promise<Result<void>> | null = null;
  let passwordRequest: Promise<Result<void>> | null = null;

  /** The account menu, every view and the sign-in screen's list show the new name or email at once. */
  function showChanged(account: AccountSummary): void {
    session.updateAccount(account);
    accounts.remember(account);
  }

  function saveName(name: string): Promise<Result<void>> {
    nameRequest ??= (async () => {
      savingName.value = true;
      try {
        const result = await session.request('updateProfile', { name });
        if (!result.ok) return result;
        showChanged(result.value.account);
        if (securityEvents.loaded) void securityEvents.load();
        return done;
      } finally {
        savingName.value = false;
        nameRequest = null;
      }
    })();
    return nameRequest;
  }

  function changePassword(input: { currentPassword: string; newPassword: string }): Promise<Result<void>> {
    passwordRequest ??= (async () => {
      changingPassword.value = true;
      try {
        const result = await session.request('changePassword', input);
        if (!result.ok) return result;
        if (securityEvents.loaded) void securityEvents.load();
        return done;
      } finally {
        changingPassword.value = false;
        passwordRequest = null;
      }
    })();
    return passwordRequest;
  }

  let emailRequest: Promise<Result<OperationOutput<'changeEmail'>>> | null = null;
  let deleteRequest: Promise<Result<OperationOutput<'deleteAccount'>>> | null = null;

  /** Resolves to main's answer: the account with its new email, and whether two-factor is active. */
  function changeEmail(input: OperationInput<'changeEmail'>): Promise<Result<OperationOutput<'changeEmail'>>> {
    emailRequest ??= (async () => {
      changingEmail.value = true;
      try {
        const result = await session.request('changeEmail', input);
        if (!result.ok) return result;
        showChanged(result.value.account);
        if (securityEvents.loaded) void securityEvents.load();
        return ok(result.value);
      } finally {
        changingEmail.value = false;
        emailRequest = null;
      }
    })();
    return emailRequest;
  }

  /**
   * Deletes the signed-in account. On success main has signed it out: the session ends here too
   * (App.vue then leaves for sign-in, or create account when the list is empty) and the account
   * list is read again.
   */
  function deleteAccount(input: OperationInput<'deleteAccount'>): Promise<Result<OperationOutput<'deleteAccount'>>> {
    deleteRequest ??= (async () => {
      deletingAccount.value = true;
      const deletedId = session.account?.id;
      try {
        const result = await session.request('deleteAccount', input);
        if (!result.ok) return result;
        // At once, before a session check (the expiry timer, the window's focus) can word it as a sign-out.
        if (deletedId) accounts.forget(deletedId);
        session.accountDeleted();
        void accounts.load();
        return ok(result.value);
      } finally {
        deletingAccount.value = false;
        deleteRequest = null;
      }
    })();
    return deleteRequest;
  }

  return { savingName, changingPassword, changingEmail, deletingAccount, saveName, changePassword, changeEmail, deleteAccount };
});

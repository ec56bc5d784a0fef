import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { OperationInput, OperationOutput } from '../../src-shared/contract';
import type { ApiError } from '../../src-shared/errors';
import { useAccountsStore } from './accounts';
import { useSecurityEventsStore } from './securityEvents';
import { useSessionStore } from './session';

/**
 * Changes to the signed-in account. Each action resolves to null on success or
 * to the ApiError for the form to show. A second submit while one is running
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

  let nameRequest: Promise<ApiError | null> | null = null;
  let passwordRequest: Promise<ApiError | null> | null = null;

  function saveName(name: string): Promise<ApiError | null> {
    nameRequest ??= (async () => {
      savingName.value = true;
      try {
        const result = await session.request('updateProfile', { name });
        if (!result.ok) return result.error;
        session.updateAccount(result.value.account);
        if (securityEvents.loaded) void securityEvents.load();
        return null;
      } finally {
        savingName.value = false;
        nameRequest = null;
      }
    })();
    return nameRequest;
  }

  function changePassword(input: { currentPassword: string; newPassword: string }): Promise<ApiError | null> {
    passwordRequest ??= (async () => {
      changingPassword.value = true;
      try {
        const result = await session.request('changePassword', input);
        if (!result.ok) return result.error;
        if (securityEvents.loaded) void securityEvents.load();
        return null;
      } finally {
        changingPassword.value = false;
        passwordRequest = null;
      }
    })();
    return passwordRequest;
  }

  let emailRequest: Promise<OperationOutput<'changeEmail'> | ApiError> | null = null;
  let deleteRequest: Promise<OperationOutput<'deleteAccount'> | ApiError> | null = null;

  /** Resolves to main's answer (the account with its new email, and whether two-factor is active) or the error. */
  function changeEmail(input: OperationInput<'changeEmail'>): Promise<OperationOutput<'changeEmail'> | ApiError> {
    emailRequest ??= (async () => {
      changingEmail.value = true;
      try {
        const result = await session.request('changeEmail', input);
        if (!result.ok) return result.error;
        session.updateAccount(result.value.account);
        if (securityEvents.loaded) void securityEvents.load();
        return result.value;
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
  function deleteAccount(input: OperationInput<'deleteAccount'>): Promise<OperationOutput<'deleteAccount'> | ApiError> {
    deleteRequest ??= (async () => {
      deletingAccount.value = true;
      const deletedId = session.account?.id;
      try {
        const result = await session.request('deleteAccount', input);
        if (!result.ok) return result.error;
        // At once, before the session refresh that every signed-in call triggers can word it as a sign-out.
        if (deletedId) accounts.forget(deletedId);
        session.accountDeleted();
        void accounts.load();
        return result.value;
      } finally {
        deletingAccount.value = false;
        deleteRequest = null;
      }
    })();
    return deleteRequest;
  }

  return { savingName, changingPassword, changingEmail, deletingAccount, saveName, changePassword, changeEmail, deleteAccount };
});

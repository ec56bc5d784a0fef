import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiError } from '../../src-shared/errors';
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

  const savingName = ref(false);
  const changingPassword = ref(false);

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

  return { savingName, changingPassword, saveName, changePassword };
});

import { createKeyedMutex } from '../security/keyedMutex';
import requireKeytar from './requireKeytar.cjs';
import { SecretStoreUnavailableError, type SecretStore, type SecretStoreForInstallation } from './secretStore';

type Keytar = typeof import('keytar');

/** Keychain service name; each data directory's entries appear under "Gatehouse <installation id>" in Keychain Access, Credential Manager and Seahorse. */
export const KEYCHAIN_SERVICE = 'Gatehouse';

/**
 * The one entry Gatehouse stores that is not a secret: rewritten to learn whether the keychain is
 * unlocked (see assertUnlocked). keys() never lists it, so reconciliation never sees it.
 */
export const UNLOCK_PROBE_KEY = 'keychain-unlock-probe';

/**
 * One keychain call at a time per service, across every store in this process. keytar lists by
 * searching, then reading each item's secret; an item deleted in between (say, a pending secret
 * discarded while start-up reconciliation lists) has no secret, and keytar copies that NULL: the
 * whole process dies of a segfault. Shared by the module, not per store: a backend restarted in
 * the same process (tests) must not list while the previous one's clean-up still deletes.
 */
const oneAtATime = createKeyedMutex();

/**
 * Each data directory's keychain under its own service, "<service> <installationId>", which no
 * other data directory ever writes. Testers run several Gatehouses at once, on one keychain: had
 * they shared a service, one process's start-up listing could read an item another process is
 * deleting, and keytar would crash it (see oneAtATime), which no lock in one process can prevent.
 */
export function keytarKeychainFor(service: string = KEYCHAIN_SERVICE): SecretStoreForInstallation {
  return (installationId) => createKeytarSecretStore(`${service} ${installationId}`);
}

/**
 * The OS keychain through keytar: macOS Keychain, Windows Credential Manager,
 * the Secret Service (GNOME Keyring, KWallet) on Linux. keytar is loaded on
 * first use, so a machine without a keychain still starts and gets a clear
 * SecretStoreUnavailableError instead of a crash; there is no plaintext fallback.
 */
export function createKeytarSecretStore(service: string): SecretStore {
  let loading: Promise<Keytar> | undefined;
  const load = (): Promise<Keytar> => (loading ??= Promise.resolve().then(requireKeytar));
  const call = <T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> => oneAtATime(service, () => callNow(operation));

  async function callNow<T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> {
    let keytar: Keytar;
    try {
      keytar = await load();
    } catch {
      loading = undefined;
      throw new SecretStoreUnavailableError('the keychain library could not be loaded');
    }
    try {
      return await operation(keytar);
    } catch (error) {
      throw new SecretStoreUnavailableError(describe(error));
    }
  }

  /**
   * A LOCKED Secret Service collection (libsecret, when no unlock prompt can be shown or it is
   * dismissed) does not fail: a lookup answers "no such entry", a delete answers "nothing deleted",
   * and listing crashes the whole process (keytar copies the NULL secret of a locked item). Storing
   * is the one call that fails cleanly ("Cannot create an item in a locked collection"), so a probe
   * write tells "missing" from "locked" before any such answer is believed, and before listing.
   */
  const assertUnlocked = (keytar: Keytar): Promise<void> => keytar.setPassword(service, UNLOCK_PROBE_KEY, 'unlocked');

  return {
    get: (key) =>
      call(async (keytar) => {
        const value = await keytar.getPassword(service, key);
        if (value !== null) return value;
        await assertUnlocked(keytar);
        // Asked again: the keychain may have been unlocked between the two calls.
        return keytar.getPassword(service, key);
      }),
    set: (key, value) => call((keytar) => keytar.setPassword(service, key, value)),
    delete: (key) =>
      call(async (keytar) => {
        if (await keytar.deletePassword(service, key)) return true;
        await assertUnlocked(keytar);
        return keytar.deletePassword(service, key);
      }),
    keys: () =>
      call(async (keytar) => {
        await assertUnlocked(keytar);
        return (await listAccounts(keytar, service)).filter((account) => account !== UNLOCK_PROBE_KEY);
      }),
  };
}

/**
 * Every account name under `service`. Listing reads each item, so on the Secret Service an item
 * deleted meanwhile fails the whole listing with "No such secret item": try again a few times
 * before calling the keychain unavailable. Only a process on the same data directory could delete
 * one (keytarKeychainFor), and Electron's single-instance lock keeps that to one.
 */
async function listAccounts(keytar: Keytar, service: string, attempts = 3): Promise<string[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await keytar.findCredentials(service)).map((entry) => entry.account);
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}

/** The keychain's own explanation, first line only: it names the failure, never a stored value. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : 'unknown error';
  return (message.split('\n')[0] ?? '').slice(0, 200) || 'unknown error';
}

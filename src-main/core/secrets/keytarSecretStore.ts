import { SecretStoreUnavailableError, type SecretStore } from './secretStore';

type Keytar = typeof import('keytar');

/** Keychain service name; entries appear under it in Keychain Access, Credential Manager and Seahorse. */
export const KEYCHAIN_SERVICE = 'Gatehouse';

/**
 * The OS keychain through keytar: macOS Keychain, Windows Credential Manager,
 * the Secret Service (GNOME Keyring, KWallet) on Linux. keytar is loaded on
 * first use, so a machine without a keychain still starts and gets a clear
 * SecretStoreUnavailableError instead of a crash; there is no plaintext fallback.
 */
export function createKeytarSecretStore(service: string = KEYCHAIN_SERVICE): SecretStore {
  let loading: Promise<Keytar> | undefined;
  const load = (): Promise<Keytar> =>
    (loading ??= import('keytar').then((module) => ((module as { default?: Keytar }).default ?? module) as Keytar));

  async function call<T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> {
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

  return {
    get: (key) => call((keytar) => keytar.getPassword(service, key)),
    set: (key, value) => call((keytar) => keytar.setPassword(service, key, value)),
    delete: (key) => call((keytar) => keytar.deletePassword(service, key)),
    keys: () => call((keytar) => listAccounts(keytar, service)),
  };
}

/**
 * Every account name under `service`. Listing reads each item, so on the Secret Service an item
 * deleted meanwhile (by another Gatehouse on another data directory) fails the whole listing with
 * "No such secret item": try again a few times before calling the keychain unavailable.
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

/**
 * The port for the OS keychain. Adapters throw SecretStoreUnavailableError when
 * the keychain cannot be reached; there is never a plaintext fallback.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  /** Resolves true when something was deleted. */
  delete(key: string): Promise<boolean>;
  /** Every key this store holds for Gatehouse, for reconciliation at start-up. */
  keys(): Promise<string[]>;
}

/**
 * Opens the keychain of one data directory, named by its installation id (core/db/metaRepository).
 * The keytar adapter gives each its own keychain service: see keytarKeychainFor.
 */
export type SecretStoreForInstallation = (installationId: string) => SecretStore;

export class SecretStoreUnavailableError extends Error {
  override readonly name = 'SecretStoreUnavailableError';
  constructor(reason: string) {
    // The reason comes from the keychain library; it never includes secret values.
    super(`The system keychain is unavailable: ${reason}`);
  }
}

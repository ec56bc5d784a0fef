import type { SecretStore } from './secretStore';

/** An in-memory keychain for unit tests of logic. Never used by the app. */
export function createMemorySecretStore(): SecretStore & { readonly entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (key) => entries.get(key) ?? null,
    set: async (key, value) => void entries.set(key, value),
    delete: async (key) => entries.delete(key),
    keys: async () => [...entries.keys()],
  };
}

import { describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../../src-main/core/secrets/keytarSecretStore';
import { SecretStoreUnavailableError } from '../../../src-main/core/secrets/secretStore';

// Each test file runs in its own process: pointing D-Bus nowhere here before keytar's first call
// makes the keychain unreachable for this file only.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/gatehouse-no-bus';
delete process.env.DISPLAY;

describe('keytar secret store without a reachable keychain', () => {
  it('fails with SecretStoreUnavailableError for every operation, never falling back', async () => {
    const store = createKeytarSecretStore('Gatehouse-unreachable-test');
    for (const attempt of [() => store.get('k'), () => store.set('k', 'secret value'), () => store.delete('k'), () => store.keys()]) {
      const error = await attempt().then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(SecretStoreUnavailableError);
      expect((error as Error).message).not.toContain('secret value');
    }
  });
});

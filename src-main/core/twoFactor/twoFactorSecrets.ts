import type { SecretStore } from '../secrets/secretStore';
import { decodeWitness, encodeTombstone, encodeWitness, type AccountTombstone, type VersionedTwoFactorState } from './twoFactorWitness';

/**
 * Gatehouse's keychain entries for two-factor authentication. One OS keychain may serve many
 * data directories (testers run several), so every key starts with this installation's id:
 *   <installationId>/totp/<accountId>                 the active TOTP secret
 *   <installationId>/totp-pending/<accountId>         a secret shown during enrollment, not yet confirmed
 *   <installationId>/recovery/<accountId>/<setId>     the plaintext recovery codes (JSON array), for "See Recovery Codes"
 *   <installationId>/witness/<accountId>              the account's two-factor state as SQLite last held it, with its
 *                                                     version: what a restored backup must not roll back (twoFactorWitness);
 *                                                     once the account is deleted, its tombstone, kept for good
 */
export type TwoFactorSecrets = ReturnType<typeof createTwoFactorSecrets>;

export type ParsedSecretKey =
  | { readonly kind: 'totp' | 'totp-pending' | 'witness'; readonly accountId: string }
  | { readonly kind: 'recovery'; readonly accountId: string; readonly setId: string };

export function createTwoFactorSecrets(store: SecretStore, installationId: string) {
  const prefix = `${installationId}/`;
  const totpKey = (accountId: string) => `${prefix}totp/${accountId}`;
  const pendingKey = (accountId: string) => `${prefix}totp-pending/${accountId}`;
  const recoveryKey = (accountId: string, setId: string) => `${prefix}recovery/${accountId}/${setId}`;
  const witnessKey = (accountId: string) => `${prefix}witness/${accountId}`;

  return {
    readTotp: (accountId: string) => store.get(totpKey(accountId)),
    writeTotp: (accountId: string, secret: string) => store.set(totpKey(accountId), secret),
    deleteTotp: (accountId: string) => store.delete(totpKey(accountId)),
    readPending: (accountId: string) => store.get(pendingKey(accountId)),
    writePending: (accountId: string, secret: string) => store.set(pendingKey(accountId), secret),
    deletePending: (accountId: string) => store.delete(pendingKey(accountId)),
    async readRecovery(accountId: string, setId: string): Promise<string[] | null> {
      const stored = await store.get(recoveryKey(accountId, setId));
      const parsed: unknown = stored === null ? null : JSON.parse(stored);
      return Array.isArray(parsed) && parsed.every((code) => typeof code === 'string') ? parsed : null;
    },
    writeRecovery: (accountId: string, setId: string, codes: readonly string[]) =>
      store.set(recoveryKey(accountId, setId), JSON.stringify(codes)),
    deleteRecovery: (accountId: string, setId: string) => store.delete(recoveryKey(accountId, setId)),
    /** The account's witness or tombstone, or null (none, or not one this Gatehouse wrote). */
    async readWitness(accountId: string): Promise<VersionedTwoFactorState | AccountTombstone | null> {
      const stored = await store.get(witnessKey(accountId));
      return stored === null ? null : decodeWitness(stored);
    },
    writeWitness: (accountId: string, witness: VersionedTwoFactorState) => store.set(witnessKey(accountId), encodeWitness(witness)),
    writeTombstone: (accountId: string, tombstone: AccountTombstone) => store.set(witnessKey(accountId), encodeTombstone(tombstone)),
    deleteWitness: (accountId: string) => store.delete(witnessKey(accountId)),
    /**
     * Fails with SecretStoreUnavailableError when the keychain cannot be reached. A lookup of a key
     * that never exists: unlike listing, it reads no stored secret into memory.
     */
    async assertReachable(): Promise<void> {
      await store.get(`${prefix}reachability-check`);
    },
    /** This installation's entries only, parsed; entries of other data directories are never touched. */
    async list(): Promise<ParsedSecretKey[]> {
      return (await store.keys()).flatMap((key) => {
        const parsed = key.startsWith(prefix) ? parseKey(key.slice(prefix.length)) : null;
        return parsed ? [parsed] : [];
      });
    },
  };
}

function parseKey(rest: string): ParsedSecretKey | null {
  const [kind, accountId, setId, ...extra] = rest.split('/');
  if (!accountId || extra.length > 0) return null;
  if ((kind === 'totp' || kind === 'totp-pending' || kind === 'witness') && setId === undefined) return { kind, accountId };
  if (kind === 'recovery' && setId) return { kind, accountId, setId };
  return null;
}

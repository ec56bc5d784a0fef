import type Database from 'better-sqlite3';
import type { Clock } from './clock';
import type { CoreDependencies } from './coreDependencies';
import { createAccountsRepository } from './db/accountsRepository';
import { readInstallationId } from './db/metaRepository';
import { openDatabase } from './db/openDatabase';
import { createRecoveryCodesRepository } from './db/recoveryCodesRepository';
import { createSecurityEventsRepository } from './db/securityEventsRepository';
import { createTwoFactorRepository } from './db/twoFactorRepository';
import { createTwoFactorStateRepository } from './db/twoFactorStateRepository';
import { createUnknownEmailFailuresRepository } from './db/unknownEmailFailuresRepository';
import type { DesktopIntegration } from './desktop/desktopIntegration';
import type { Logger } from './logger';
import { createKeychainCleanup } from './secrets/keychainCleanup';
import type { SecretStore, SecretStoreForInstallation } from './secrets/secretStore';
import { createKeyedMutex } from './security/keyedMutex';
import { createScryptHasher, type PasswordHasher, type ScryptParameters } from './security/passwordHasher';
import { createPasswordScreen } from './security/passwordScreen';
import { createSessionManager } from './session/sessionManager';
import { restoreMarkerFile } from './storage/restoreBackup';
import { createPasswordConfirmations } from './session/passwordConfirmations';
import { createPendingEnrollments } from './twoFactor/pendingEnrollments';
import { reconcileSecrets } from './twoFactor/reconcileSecrets';
import { createRestoreCheck } from './twoFactor/restoreCheck';
import { createRecoveryCodeKdf } from './twoFactor/recoveryCodeKdf';
import { createSignInChallenges } from './session/signInChallenges';
import { syncWitness } from './twoFactor/syncWitness';
import { createTotp } from './twoFactor/totp';
import { createTwoFactorSecrets } from './twoFactor/twoFactorSecrets';
import { createWitnessQueue } from './twoFactor/witnessQueue';

export interface DependencyOptions {
  readonly dataDir: string;
  /** One store for every data directory (tests), or the keychain of this data directory's installation. */
  readonly secretStore: SecretStore | SecretStoreForInstallation;
  readonly desktop: DesktopIntegration;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly newId: () => string;
  readonly passwordHasher?: PasswordHasher;
  readonly recoveryCodeScrypt?: ScryptParameters;
}

/** Opens the database and wires every dependency the use cases share. */
export function createCoreDependencies(options: DependencyOptions): { deps: CoreDependencies; db: Database.Database } {
  const { clock, logger, newId } = options;
  const db = openDatabase(options.dataDir);
  const events = createSecurityEventsRepository(db);
  const installationId = readInstallationId(db, newId);
  const store = typeof options.secretStore === 'function' ? options.secretStore(installationId) : options.secretStore;
  const secrets = createTwoFactorSecrets(store, installationId);
  const cleanup = createKeychainCleanup(logger);
  const enrollments = createPendingEnrollments(clock, secrets, cleanup);
  const confirmations = createPasswordConfirmations(clock);
  const sessions = createSessionManager(clock, (accountId, reason, at) => {
    if (db.open) events.record(accountId, 'signed_out', at, reason);
    // Session-bound state ends with the session, whatever the reason (sign-out, idle, screen lock, quit).
    confirmations.clear();
    void enrollments.discard();
    options.desktop.protectScreen(false); // the renderer leaves the signed-in screens, secrets and all
  });

  const twoFactorStates = createTwoFactorStateRepository(db);
  // A sync still under way when the app quits stops with the database; the next start completes it.
  const stopIfClosed = (error: unknown): void => {
    if (db.open) throw error;
  };
  const witness = createWitnessQueue(logger, (accountId) =>
    db.open ? syncWitness(deps, accountId).catch(stopIfClosed) : Promise.resolve(),
  );
  /** One write transaction; the accounts whose two-factor state it changed are then mirrored to the keychain. */
  const transaction = <T>(work: () => T): T => {
    try {
      return db.transaction(work).immediate();
    } finally {
      const changed = twoFactorStates.takeChanged();
      if (changed.length > 0) witness.schedule(changed);
    }
  };

  const deps: CoreDependencies = {
    accounts: createAccountsRepository(db),
    events,
    unknownEmails: createUnknownEmailFailuresRepository(db),
    sessions,
    clock,
    logger,
    hasher: options.passwordHasher ?? createScryptHasher(),
    passwordScreen: createPasswordScreen(),
    withAccountLock: createKeyedMutex(),
    withTwoFactorLock: createKeyedMutex(),
    transaction,
    bookkeeping: transaction,
    newId,
    twoFactor: createTwoFactorRepository(db),
    recoveryCodes: createRecoveryCodesRepository(db),
    secrets,
    totp: createTotp(clock),
    recoveryKdf: createRecoveryCodeKdf(options.recoveryCodeScrypt),
    challenges: createSignInChallenges(clock),
    enrollments,
    confirmations,
    desktop: options.desktop,
    cleanup,
    twoFactorStates,
    witness,
    withWitnessLock: createKeyedMutex(),
    restoreCheck: createRestoreCheck(restoreMarkerFile(options.dataDir), () => reconcileSecrets(deps)),
  };
  return { deps, db };
}

import type Database from 'better-sqlite3';
import type { Clock } from './clock';
import type { CoreDependencies } from './coreDependencies';
import { createAccountsRepository } from './db/accountsRepository';
import { readInstallationId } from './db/metaRepository';
import { openDatabase } from './db/openDatabase';
import { createRecoveryCodesRepository } from './db/recoveryCodesRepository';
import { createSecurityEventsRepository } from './db/securityEventsRepository';
import { createTwoFactorRepository } from './db/twoFactorRepository';
import { createUnknownEmailFailuresRepository } from './db/unknownEmailFailuresRepository';
import type { DesktopIntegration } from './desktop/desktopIntegration';
import type { Logger } from './logger';
import type { SecretStore } from './secrets/secretStore';
import { createKeyedMutex } from './security/keyedMutex';
import { createScryptHasher, type PasswordHasher, type ScryptParameters } from './security/passwordHasher';
import { createSessionManager } from './session/sessionManager';
import { createPasswordConfirmations } from './twoFactor/passwordConfirmations';
import { createPendingEnrollments } from './twoFactor/pendingEnrollments';
import { createRecoveryCodeKdf } from './twoFactor/recoveryCodeKdf';
import { createSignInChallenges } from './twoFactor/signInChallenges';
import { createTotp } from './twoFactor/totp';
import { createTwoFactorSecrets } from './twoFactor/twoFactorSecrets';

export interface DependencyOptions {
  readonly dataDir: string;
  readonly secretStore: SecretStore;
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
  const secrets = createTwoFactorSecrets(options.secretStore, readInstallationId(db, newId));
  const enrollments = createPendingEnrollments(clock, secrets, logger);
  const confirmations = createPasswordConfirmations(clock);
  const sessions = createSessionManager(clock, (accountId, reason, at) => {
    if (db.open) events.record(accountId, 'signed_out', at, reason);
    // Session-bound state ends with the session, whatever the reason (sign-out, idle, screen lock, quit).
    confirmations.clear();
    void enrollments.discard();
    options.desktop.protectScreen(false); // the renderer leaves the signed-in screens, secrets and all
  });

  const deps: CoreDependencies = {
    accounts: createAccountsRepository(db),
    events,
    unknownEmails: createUnknownEmailFailuresRepository(db),
    sessions,
    clock,
    logger,
    hasher: options.passwordHasher ?? createScryptHasher(),
    withAccountLock: createKeyedMutex(),
    withTwoFactorLock: createKeyedMutex(),
    transaction: (work) => db.transaction(work).immediate(),
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
  };
  return { deps, db };
}

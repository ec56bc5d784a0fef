import type { AccountsRepository } from './db/accountsRepository';
import type { RecoveryCodesRepository } from './db/recoveryCodesRepository';
import type { SecurityEventsRepository } from './db/securityEventsRepository';
import type { TwoFactorRepository } from './db/twoFactorRepository';
import type { TwoFactorStateRepository } from './db/twoFactorStateRepository';
import type { UnknownEmailFailuresRepository } from './db/unknownEmailFailuresRepository';
import type { Clock } from './clock';
import type { DesktopIntegration } from './desktop/desktopIntegration';
import type { Logger } from './logger';
import type { KeychainCleanup } from './secrets/keychainCleanup';
import type { PasswordHasher } from './security/passwordHasher';
import type { PasswordScreen } from './security/passwordScreen';
import type { WithLock } from './security/keyedMutex';
import type { SessionManager } from './session/sessionManager';
import type { PasswordConfirmations } from './session/passwordConfirmations';
import type { PendingEnrollments } from './twoFactor/pendingEnrollments';
import type { RestoreCheck } from './twoFactor/restoreCheck';
import type { RecoveryCodeKdf } from './twoFactor/recoveryCodeKdf';
import type { SignInChallenges } from './session/signInChallenges';
import type { Totp } from './twoFactor/totp';
import type { TwoFactorSecrets } from './twoFactor/twoFactorSecrets';
import type { WitnessQueue } from './twoFactor/witnessQueue';

/** What use cases may depend on. Each use case takes only the parts it needs (via Pick). */
export interface CoreDependencies {
  readonly accounts: AccountsRepository;
  readonly events: SecurityEventsRepository;
  /** Failed sign-ins for emails with no account, throttled like an account's. */
  readonly unknownEmails: UnknownEmailFailuresRepository;
  readonly sessions: SessionManager;
  readonly hasher: PasswordHasher;
  /** Screens new passwords (create, change); never consulted at sign-in. */
  readonly passwordScreen: PasswordScreen;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Serialises password checks per account. */
  readonly withAccountLock: WithLock;
  /**
   * Serialises code checks and two-factor state changes per account. Separate from
   * withAccountLock, which is not re-entrant and is held by sign-in and password checks.
   */
  readonly withTwoFactorLock: WithLock;
  /**
   * Runs `work` in one SQLite write transaction: all of it happens or none. Inside a signed-in
   * operation (runInSession) it first checks that the operation's session is still current.
   */
  readonly transaction: <T>(work: () => T) => T;
  /** Like `transaction`, but never refused because a session ended: for failure counts and their log entries. */
  readonly bookkeeping: <T>(work: () => T) => T;
  readonly newId: () => string;
  readonly twoFactor: TwoFactorRepository;
  readonly recoveryCodes: RecoveryCodesRepository;
  readonly secrets: TwoFactorSecrets;
  readonly totp: Totp;
  readonly recoveryKdf: RecoveryCodeKdf;
  readonly challenges: SignInChallenges;
  readonly enrollments: PendingEnrollments;
  readonly confirmations: PasswordConfirmations;
  readonly desktop: DesktopIntegration;
  /** Removes keychain entries nothing needs any more: best-effort, bounded, never blocking a session's end. */
  readonly cleanup: KeychainCleanup;
  /** An account's whole two-factor state with its version, as the keychain witness mirrors it. */
  readonly twoFactorStates: TwoFactorStateRepository;
  /** Mirrors committed two-factor changes to the keychain witness, in the background. */
  readonly witness: WitnessQueue;
  /** Serialises witness updates per account (never held by sign-in, so a slow keychain delays no one). */
  readonly withWitnessLock: WithLock;
  /** Start-up reconciliation; after a restored backup, the check sign-in waits for. */
  readonly restoreCheck: RestoreCheck;
}

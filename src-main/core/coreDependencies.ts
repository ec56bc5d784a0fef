import type { AccountsRepository } from './db/accountsRepository';
import type { SecurityEventsRepository } from './db/securityEventsRepository';
import type { Clock } from './clock';
import type { PasswordHasher } from './security/passwordHasher';
import type { WithLock } from './security/keyedMutex';
import type { SessionManager } from './session/sessionManager';

/** What use cases may depend on. Each use case takes only the parts it needs (via Pick). */
export interface CoreDependencies {
  readonly accounts: AccountsRepository;
  readonly events: SecurityEventsRepository;
  readonly sessions: SessionManager;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  /** Serialises password checks per account. */
  readonly withAccountLock: WithLock;
  /** Runs `work` in one SQLite write transaction: all of it happens or none. */
  readonly transaction: <T>(work: () => T) => T;
  readonly newId: () => string;
}

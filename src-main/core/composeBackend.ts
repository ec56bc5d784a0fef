import { randomUUID } from 'node:crypto';
import type { SignOutReason } from '../../src-shared/models';
import { systemClock, type Clock } from './clock';
import { createAccountsRepository } from './db/accountsRepository';
import { openDatabase } from './db/openDatabase';
import { createSecurityEventsRepository } from './db/securityEventsRepository';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlerTable, type HandlerTable } from './handlerTable';
import { consoleLogger, type Logger } from './logger';
import type { SecretStore } from './secrets/secretStore';
import { createKeyedMutex } from './security/keyedMutex';
import { createScryptHasher, type PasswordHasher } from './security/passwordHasher';
import { createSessionManager } from './session/sessionManager';

export interface BackendOptions {
  /** Folder for the database; created 0700 if missing. */
  readonly dataDir: string;
  readonly secretStore: SecretStore;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Tests may pass a cheaper hasher; the app always uses the OWASP parameters. */
  readonly passwordHasher?: PasswordHasher;
}

export interface Backend {
  /** Validates and runs one renderer call. Never throws. */
  readonly dispatch: Dispatch;
  /** The handlers behind dispatch, for tests and benchmarks that skip the boundary on purpose. */
  readonly handlers: HandlerTable;
  /** Ends the signed-in session, e.g. when the OS locks the screen. */
  endSession(reason: SignOutReason): void;
  close(): void;
}

/**
 * The composition root: the one place that builds the backend. It has no
 * Electron in it, so the Electron shell and the test harness serve the same code.
 * Throws DatabaseOpenError when the database cannot be used.
 */
export function composeBackend(options: BackendOptions): Backend {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const db = openDatabase(options.dataDir);
  const accounts = createAccountsRepository(db);
  const events = createSecurityEventsRepository(db);
  const sessions = createSessionManager(clock, (accountId, reason, at) => {
    if (db.open) events.record(accountId, 'signed_out', at, reason);
  });

  const handlers = createHandlerTable({
    accounts,
    events,
    sessions,
    clock,
    hasher: options.passwordHasher ?? createScryptHasher(),
    withAccountLock: createKeyedMutex(),
    transaction: (work) => db.transaction(work).immediate(),
    newId: randomUUID,
  });

  return {
    dispatch: createDispatch(handlers, logger),
    handlers,
    endSession: (reason) => sessions.end(reason),
    close() {
      if (!db.open) return;
      sessions.end('app_quit');
      db.close();
    },
  };
}

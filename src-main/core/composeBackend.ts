import { randomUUID } from 'node:crypto';
import type { SignOutReason, StartupNotice } from '../../src-shared/models';
import type { StartScreen } from '../../src-shared/startScreen';
import { chooseStartScreen } from './accounts/chooseStartScreen';
import { systemClock, type Clock } from './clock';
import { createCoreDependencies } from './createCoreDependencies';
import type { DesktopIntegration } from './desktop/desktopIntegration';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlerTable, PASSWORD_PRECHECKS, type HandlerTable } from './handlerTable';
import { consoleLogger, type Logger } from './logger';
import type { SecretStore, SecretStoreForInstallation } from './secrets/secretStore';
import type { PasswordHasher, ScryptParameters } from './security/passwordHasher';
import { SecretStoreUnavailableError } from './secrets/secretStore';
import { createAccessGate } from './session/accessGate';

export interface BackendOptions {
  /** Folder for the database; created 0700 if missing. */
  readonly dataDir: string;
  readonly secretStore: SecretStore | SecretStoreForInstallation;
  /** Clipboard and native save dialog, provided by the shell (or a test). */
  readonly desktop: DesktopIntegration;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Tests may pass a cheaper hasher; the app always uses the OWASP parameters. */
  readonly passwordHasher?: PasswordHasher;
  /** Tests may pass cheaper scrypt parameters for recovery codes; the app uses RECOVERY_SCRYPT. */
  readonly recoveryCodeScrypt?: ScryptParameters;
  /** What start-up did to a damaged database (openBackend); getStartupNotice returns it. Default: null. */
  readonly startupNotice?: StartupNotice | null;
}

export interface Backend {
  /** Validates and runs one renderer call. Never throws. */
  readonly dispatch: Dispatch;
  /** The handlers behind dispatch and its access gate, for tests that spy on them. */
  readonly handlers: HandlerTable;
  /**
   * Settles when start-up reconciliation of keychain entries has finished (it runs in the
   * background and never rejects; an unavailable keychain is logged and skipped).
   */
  readonly reconciled: Promise<void>;
  /** Settles once the background keychain work started so far (reconciliation, clean-ups) has settled. Never rejects. */
  idle(): Promise<void>;
  /** Ends the signed-in session, e.g. when the OS locks the screen. */
  endSession(reason: SignOutReason): void;
  /** The screen a new window opens on (one cheap read), or null when the renderer must ask (see chooseStartScreen). */
  startScreen(): StartScreen | null;
  close(): void;
}

/**
 * The composition root: the one place that builds the backend. It has no
 * Electron in it, so the Electron shell and the test harness serve the same code.
 * Throws DatabaseOpenError when the database cannot be used.
 */
export function composeBackend(options: BackendOptions): Backend {
  const logger = options.logger ?? consoleLogger;
  const { deps, db } = createCoreDependencies({ ...options, clock: options.clock ?? systemClock, logger, newId: randomUUID });
  const handlers = createHandlerTable(deps, options.startupNotice ?? null);

  const reconciled = deps.restoreCheck.run().then(
    () => undefined,
    (error: unknown) =>
      error instanceof SecretStoreUnavailableError
        ? logger.warn('keychain unavailable at start-up; two-factor secrets were not reconciled')
        : logger.error(`keychain reconciliation failed: ${error instanceof Error ? error.name : typeof error}`),
  );

  return {
    dispatch: createDispatch(handlers, createAccessGate(deps, PASSWORD_PRECHECKS), logger),
    handlers,
    reconciled,
    async idle() {
      await reconciled;
      await deps.witness.idle();
      await deps.cleanup.idle();
    },
    endSession: (reason) => deps.sessions.end(reason),
    startScreen() {
      try {
        return chooseStartScreen(deps);
      } catch (error) {
        // Only a shortcut: without it the renderer asks getSession and listAccounts itself.
        logger.error(`choosing the start screen failed: ${error instanceof Error ? error.name : typeof error}`);
        return null;
      }
    },
    close() {
      if (!db.open) return;
      deps.sessions.end('app_quit');
      db.close();
    },
  };
}

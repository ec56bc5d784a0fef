import { SESSION_IDLE_TIMEOUT_MS, type SignOutReason } from '../../../src-shared/models';
import type { Clock } from '../clock';

export interface ActiveSession {
  /** Unique per sign-in: state tied to one session (password confirmation, enrollment) checks it. */
  readonly id: number;
  readonly accountId: string;
  readonly expiresAt: number;
}

export type SessionEndedListener = (accountId: string, reason: SignOutReason, at: number) => void;

/**
 * The signed-in session lives here, in the main process, never in the renderer.
 * One session at a time (one window, one person at the keyboard); it ends on
 * sign-out, on screen lock, or after SESSION_IDLE_TIMEOUT_MS without activity.
 */
export function createSessionManager(clock: Clock, onEnded: SessionEndedListener, idleTimeoutMs = SESSION_IDLE_TIMEOUT_MS) {
  let session: { id: number; accountId: string; lastActivityAt: number } | null = null;
  let lastId = 0;
  let lastEndReason: SignOutReason | null = null;

  function expireIfIdle(): void {
    if (session && clock.now() - session.lastActivityAt >= idleTimeoutMs) {
      const { accountId, lastActivityAt } = session;
      session = null;
      lastEndReason = 'inactivity';
      onEnded(accountId, 'inactivity', lastActivityAt + idleTimeoutMs);
    }
  }

  const describe = (): ActiveSession | null =>
    session && { id: session.id, accountId: session.accountId, expiresAt: session.lastActivityAt + idleTimeoutMs };

  return {
    start(accountId: string): ActiveSession {
      end('user');
      lastId += 1;
      session = { id: lastId, accountId, lastActivityAt: clock.now() };
      return describe()!;
    },
    /** Whether `session` is still the current one (not ended, not idle too long, not replaced). */
    isCurrent(candidate: ActiveSession): boolean {
      expireIfIdle();
      return session?.id === candidate.id;
    },
    /** The current session without counting as activity. */
    peek(): ActiveSession | null {
      expireIfIdle();
      return describe();
    },
    /** The current session, extended because the person just did something. */
    touch(): ActiveSession | null {
      expireIfIdle();
      if (session) session.lastActivityAt = clock.now();
      return describe();
    },
    end,
    /** Why the most recent session ended, or null if none has ended (or one is active). */
    lastEndReason(): SignOutReason | null {
      expireIfIdle();
      return session ? null : lastEndReason;
    },
  };

  function end(reason: SignOutReason): void {
    expireIfIdle();
    if (!session) return;
    const { accountId } = session;
    session = null;
    lastEndReason = reason;
    onEnded(accountId, reason, clock.now());
  }
}

export type SessionManager = ReturnType<typeof createSessionManager>;

import { PASSWORD_CONFIRMATION_TTL_MS } from '../../../src-shared/twoFactorRules';
import type { Clock } from '../clock';
import type { ActiveSession } from '../session/sessionManager';

export type PasswordConfirmations = ReturnType<typeof createPasswordConfirmations>;

/**
 * "Sudo mode": when the password was last confirmed, tied to one session. A new session (even for
 * the same account) starts unconfirmed: signing in does not count as confirming.
 */
export function createPasswordConfirmations(clock: Clock) {
  let confirmed: { sessionId: number; until: number } | null = null;

  return {
    confirm(session: ActiveSession): void {
      confirmed = { sessionId: session.id, until: clock.now() + PASSWORD_CONFIRMATION_TTL_MS };
    },
    /** Epoch ms until which `session` needs no password, or null. */
    confirmedUntil(session: ActiveSession): number | null {
      if (!confirmed || confirmed.sessionId !== session.id || clock.now() >= confirmed.until) return null;
      return confirmed.until;
    },
    clear(): void {
      confirmed = null;
    },
  };
}

import type { OperationName } from '../../../src-shared/operations';

/**
 * What the parent asks a child backend (crashChild.ts) to do, as JSON on the command line. The child
 * runs the real core (composeBackend) on `dataDir` with the real keytar store under `service`.
 */
export interface ChildPlan {
  readonly dataDir: string;
  readonly service: string;
  /** The child's clock stands still at this instant (TOTP codes are computed for it). */
  readonly nowMs: number;
  /** JSON lines written synchronously (they survive a SIGKILL): step results and observed events. */
  readonly journal: string;
  readonly steps: readonly ChildStep[];
  /** Keychain mutations and commits are counted (and may kill the child) only during these steps. */
  readonly armed?: { readonly fromStep: number; readonly toStep: number };
  /** SIGKILL the child just before or just after the n-th counted event (1-based). */
  readonly kill?: KillPoint;
  /** SIGKILL the child this long after the armed steps begin, wherever it is (mid keychain call, mid hash…). */
  readonly killAfterMs?: number;
}

export interface KillPoint {
  readonly event: number;
  readonly when: 'before' | 'after';
}

/**
 * One dispatch call. A payload value TOTP_FROM_SECRET becomes the authenticator code at nowMs for
 * `totpSecret` (or, without it, the secret of the last beginTwoFactorEnrollment in this run).
 * The pseudo operation LIST_KEYCHAIN answers this installation's keychain keys once the backend has settled.
 */
export interface ChildStep {
  readonly op: OperationName | typeof LIST_KEYCHAIN;
  readonly payload?: Readonly<Record<string, unknown>>;
  readonly totpSecret?: string;
}

export const TOTP_FROM_SECRET = '$totp';
export const LIST_KEYCHAIN = '$listKeychain';

export type EventKind = 'keychain set' | 'keychain delete' | 'commit';

export type JournalLine =
  | { readonly type: 'event'; readonly n: number; readonly kind: EventKind }
  | { readonly type: 'result'; readonly step: number; readonly op: string; readonly result: unknown }
  /** How long the armed steps took, when the child lived to the end. */
  | { readonly type: 'timing'; readonly armedMs: number };

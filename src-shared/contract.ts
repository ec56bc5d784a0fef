import type * as v from 'valibot';
import type {
  AccountSummary,
  RecoveryCodeSet,
  SecurityEvent,
  SessionInfo,
  SignInChallenge,
  SignOutReason,
  StartupNotice,
  TwoFactorEnrollment,
  TwoFactorStatus,
} from './models';
import type { OperationName } from './operations';
import type { Result } from './result';
import type { operationSchemas } from './schemas';

type Schemas = typeof operationSchemas;

/** What the renderer passes to an operation. */
export type OperationInput<K extends OperationName> = v.InferInput<Schemas[K]>;
/** What a handler receives after validation (trimmed, checked). */
export type ValidatedInput<K extends OperationName> = v.InferOutput<Schemas[K]>;

export interface OperationOutputs {
  listAccounts: { accounts: AccountSummary[] };
  createAccount: { session: SessionInfo };
  /** Signed in, or (for an account with two-factor authentication) a second step to complete. */
  signIn: { session: SessionInfo; challenge?: never } | { challenge: SignInChallenge; session?: never };
  signOut: Record<string, never>;
  /**
   * When signed out: why the last session ended (absent if nobody signed in since start-up),
   * and the pending second sign-in step, if any.
   */
  getSession: { session: SessionInfo | null; endedReason?: SignOutReason; challenge?: SignInChallenge };
  updateProfile: { account: AccountSummary };
  changePassword: Record<string, never>;
  /** `twoFactorActive`: the authenticator app's entry keeps its old label, and the screen says so. */
  changeEmail: { account: AccountSummary; twoFactorActive: boolean };
  /** The account is gone and signed out; `accountsLeft` tells sign-in from create account. */
  deleteAccount: { accountsLeft: number };
  listSecurityEvents: { events: SecurityEvent[] };
  submitTwoFactorCode: { session: SessionInfo };
  /** `recoveryCodesRemaining`: unused codes left after this one; the UI urges regenerating at 3 or fewer. */
  submitRecoveryCode: { session: SessionInfo; recoveryCodesRemaining: number };
  cancelTwoFactorChallenge: Record<string, never>;
  /** The challenge with its new end time (a full period from now) and the extensions left. */
  extendTwoFactorChallenge: { challenge: SignInChallenge };
  getTwoFactorStatus: { status: TwoFactorStatus };
  beginTwoFactorEnrollment: { enrollment: TwoFactorEnrollment };
  /** Two-factor authentication is active from here on; the new recovery codes are shown once now. */
  confirmTwoFactorEnrollment: { recoveryCodes: RecoveryCodeSet };
  cancelTwoFactorEnrollment: Record<string, never>;
  /** The enrollment's new end time (a full period from now) and the extensions left. */
  extendTwoFactorEnrollment: { expiresAt: number; extensionsLeft: number };
  getRecoveryCodes: { recoveryCodes: RecoveryCodeSet };
  regenerateRecoveryCodes: { recoveryCodes: RecoveryCodeSet };
  deactivateTwoFactor: Record<string, never>;
  copyToClipboard: Record<string, never>;
  /** `saved: false` when the person cancelled the save dialog. */
  downloadRecoveryCodes: { saved: true; fileName: string } | { saved: false };
  /** Needs no session: what start-up did to a damaged database this run, or null. */
  getStartupNotice: { notice: StartupNotice | null };
  /**
   * Needs no session: the renderer closed the last view showing the QR code, the secret key or
   * recovery codes, so the window may be captured again (see DesktopIntegration.protectScreen).
   */
  markSecretsHidden: Record<string, never>;
}

export type OperationOutput<K extends OperationName> = OperationOutputs[K];

/** The API object the preload exposes as `window.gatehouse`: exactly one method per operation. */
export type GatehouseApi = {
  readonly [K in OperationName]: (input: OperationInput<K>) => Promise<Result<OperationOutput<K>>>;
};

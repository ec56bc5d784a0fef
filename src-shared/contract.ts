import type * as v from 'valibot';
import type { AccountSummary, SecurityEvent, SessionInfo, SignOutReason } from './models';
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
  signIn: { session: SessionInfo };
  signOut: Record<string, never>;
  /** When signed out: why the last session ended (absent if nobody signed in since start-up). */
  getSession: { session: SessionInfo | null; endedReason?: SignOutReason };
  updateProfile: { account: AccountSummary };
  changePassword: Record<string, never>;
  listSecurityEvents: { events: SecurityEvent[] };
}

export type OperationOutput<K extends OperationName> = OperationOutputs[K];

/** The API object the preload exposes as `window.gatehouse`: exactly one method per operation. */
export type GatehouseApi = {
  readonly [K in OperationName]: (input: OperationInput<K>) => Promise<Result<OperationOutput<K>>>;
};

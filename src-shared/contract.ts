import type * as v from 'valibot';
import type { AccountSummary, SecurityEvent, SessionInfo } from './models';
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
  getSession: { session: SessionInfo | null };
  updateProfile: { account: AccountSummary };
  changePassword: Record<string, never>;
  listSecurityEvents: { events: SecurityEvent[] };
}

export type OperationOutput<K extends OperationName> = OperationOutputs[K];

/** The API object the preload exposes as `window.gatehouse`: exactly one method per operation. */
export type GatehouseApi = {
  readonly [K in OperationName]: (input: OperationInput<K>) => Promise<Result<OperationOutput<K>>>;
};

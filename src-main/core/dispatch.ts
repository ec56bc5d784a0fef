import * as v from 'valibot';
import { MESSAGES, type ApiError } from '../../src-shared/errors';
import { isOperationName, type OperationName } from '../../src-shared/operations';
import { fail, type Result } from '../../src-shared/result';
import { fieldMessages, operationSchemas } from '../../src-shared/schemas';
import { AppError } from './appError';
import { isBusy } from './db/sqliteErrors';
import type { HandlerTable } from './handlerTable';
import type { Logger } from './logger';
import { SecretStoreUnavailableError } from './secrets/secretStore';
import type { AccessGate } from './session/accessGate';

export type Dispatch = (operation: unknown, payload: unknown) => Promise<Result<unknown>>;

// Valibot's default messages quote the rejected value; ours never echo input back.
const PARSE_CONFIG = { abortPipeEarly: true, message: 'This value is not accepted.' } as const;

/**
 * The boundary every renderer call passes: unknown operations are refused,
 * payloads are validated against the contract's schema, then the operation's
 * access level is enforced (`gate`) before any handler runs, and every outcome,
 * even a bug, becomes a typed Result. A signed-in call's reply carries the
 * session's new expiry. Nothing throws out of here and no stack trace, SQL or
 * secret reaches the caller.
 */
export function createDispatch(handlers: HandlerTable, gate: AccessGate, logger: Logger): Dispatch {
  return async (operation, payload) => {
    if (!isOperationName(operation)) return fail({ code: 'FORBIDDEN', message: MESSAGES.forbidden });
    const parsed = v.safeParse(operationSchemas[operation], payload, PARSE_CONFIG);
    if (!parsed.success) {
      return fail({ code: 'INVALID_INPUT', message: MESSAGES.invalidInput, fields: fieldMessages(parsed.issues) });
    }
    try {
      // Looked up per call (tests spy on the table), and only once the gate has let the call through.
      const { value, sessionExpiresAt } = await gate(operation, parsed.output, (input, scope) =>
        (handlers[operation] as (input: unknown, scope?: unknown) => Promise<unknown>)(input, scope),
      );
      return sessionExpiresAt === undefined ? { ok: true, value } : { ok: true, value, sessionExpiresAt };
    } catch (error) {
      return fail(toApiError(operation, error, logger));
    }
  };
}

function toApiError(operation: OperationName, error: unknown, logger: Logger): ApiError {
  if (error instanceof AppError) return error.apiError;
  if (error instanceof SecretStoreUnavailableError) {
    logger.warn(`${operation}: system keychain unavailable`);
    return { code: 'SECRET_STORE_UNAVAILABLE', message: MESSAGES.secretStoreUnavailable };
  }
  if (isBusy(error)) {
    logger.warn(`${operation}: database busy`);
    return { code: 'STORAGE_BUSY', message: MESSAGES.storageBusy };
  }
  // Only the class name: messages of unexpected errors may quote data.
  logger.error(`${operation} failed unexpectedly: ${error instanceof Error ? error.name : typeof error}`);
  return { code: 'INTERNAL', message: MESSAGES.internal };
}

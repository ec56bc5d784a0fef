import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../../src-shared/errors';
import { AppError, rateLimited } from '../../../src-main/core/appError';
import { createDispatch } from '../../../src-main/core/dispatch';
import type { HandlerTable } from '../../../src-main/core/handlerTable';
import type { CoreDependencies } from '../../../src-main/core/coreDependencies';
import { createAccessGate } from '../../../src-main/core/session/accessGate';
import type { Logger } from '../../../src-main/core/logger';
import { SecretStoreUnavailableError } from '../../../src-main/core/secrets/secretStore';

function setup(failure: unknown) {
  const logger: Logger & { lines: string[] } = {
    lines: [],
    info(message) {
      this.lines.push(message);
    },
    warn(message) {
      this.lines.push(message);
    },
    error(message) {
      this.lines.push(message);
    },
  };
  const listAccounts = vi.fn(async () => {
    throw failure;
  });
  const handlers = { listAccounts } as unknown as HandlerTable;
  // listAccounts is a guest operation: its gate needs no dependencies.
  return { dispatch: createDispatch(handlers, createAccessGate({} as CoreDependencies), logger), logger, listAccounts };
}

describe('dispatch error mapping', () => {
  it('passes an AppError payload through unchanged', async () => {
    const { dispatch } = setup(rateLimited(1234));
    expect(await dispatch('listAccounts', {})).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: expect.any(String), retryAt: 1234 },
    });
  });

  it('explains an unavailable keychain in words the UI can show', async () => {
    const { dispatch, logger } = setup(new SecretStoreUnavailableError('Cannot autolaunch D-Bus'));
    expect(await dispatch('listAccounts', {})).toEqual({
      ok: false,
      error: { code: 'SECRET_STORE_UNAVAILABLE', message: MESSAGES.secretStoreUnavailable },
    });
    expect(logger.lines).toEqual(['listAccounts: system keychain unavailable']);
  });

  it('reports a busy database as STORAGE_BUSY', async () => {
    const { dispatch } = setup(new Database.SqliteError('database is locked', 'SQLITE_BUSY'));
    expect(await dispatch('listAccounts', {})).toEqual({
      ok: false,
      error: { code: 'STORAGE_BUSY', message: MESSAGES.storageBusy },
    });
  });

  it('hides unexpected errors: a fixed message out, only the class name in the log', async () => {
    const leaky = new TypeError('password "hunter2hunter2" for ada@example.com at /home/ada/secret');
    const { dispatch, logger } = setup(leaky);
    const result = await dispatch('listAccounts', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: MESSAGES.internal } });
    expect(logger.lines).toEqual(['listAccounts failed unexpectedly: TypeError']);
    expect(JSON.stringify(result) + logger.lines.join()).not.toMatch(/hunter2|ada@|secret|at \//);
  });

  it('survives a thrown non-Error', async () => {
    const { dispatch } = setup('a string with a secret');
    expect(await dispatch('listAccounts', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: MESSAGES.internal } });
  });

  it('never calls the handler for an invalid payload', async () => {
    const { dispatch, listAccounts } = setup(new AppError({ code: 'INTERNAL', message: 'unused' }));
    expect(await dispatch('listAccounts', { unexpected: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(listAccounts).not.toHaveBeenCalled();
  });
});

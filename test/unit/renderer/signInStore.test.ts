import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../../src-shared/errors';
import type { OperationOutput } from '../../../src-shared/contract';
import { fail, type Result } from '../../../src-shared/result';
import { useSessionStore } from '../../../src-renderer/stores/session';
import { useSignInStore } from '../../../src-renderer/stores/signIn';
import { ADA, freshStoresAt, tearDownStores, type FakeApi } from './fakeApi';

const START = new Date('2025-03-01T10:00:00Z').getTime();

let api: FakeApi;

beforeEach(() => {
  api = freshStoresAt(START);
});

afterEach(tearDownStores);

/** Whether signIn's answer started a session (rather than failing, or asking for a second step). */
function startedSession(result: Result<OperationOutput<'signIn'>>): boolean {
  return result.ok && result.value.session !== undefined;
}

describe('sign-in store: the password step', () => {
  it('stores the session on success', async () => {
    const session = useSessionStore();
    const signIn = useSignInStore();
    const pending = signIn.signIn({ email: ADA.email, password: 'correct horse battery' });
    expect(signIn.pending).toBe(true);
    expect(startedSession(await pending)).toBe(true);
    expect(signIn.pending).toBe(false);
    expect(session.account).toEqual(ADA);
    expect(session.isSignedIn).toBe(true);
    expect(signIn.error).toBeNull();
    expect(api.signIn).toHaveBeenCalledWith({ email: ADA.email, password: 'correct horse battery' });
  });

  it('never sends a second sign-in while one runs', async () => {
    const signIn = useSignInStore();
    const first = signIn.signIn({ email: ADA.email, password: 'one' });
    expect(startedSession(await signIn.signIn({ email: ADA.email, password: 'two' }))).toBe(false);
    await first;
    expect(api.signIn).toHaveBeenCalledTimes(1);
  });

  it('exposes the message of INVALID_CREDENTIALS', async () => {
    api.signIn.mockResolvedValueOnce(fail({ code: 'INVALID_CREDENTIALS', message: MESSAGES.invalidCredentials }));
    const signIn = useSignInStore();
    expect(startedSession(await signIn.signIn({ email: ADA.email, password: 'wrong password!' }))).toBe(false);
    expect(signIn.error?.code).toBe('INVALID_CREDENTIALS');
    expect(signIn.error?.message).toBe('Incorrect email or password.');
    expect(useSessionStore().isSignedIn).toBe(false);
    expect(signIn.retryAt).toBeNull();
  });

  it('waits when a wrong password starts the backoff (INVALID_CREDENTIALS with retryAt)', async () => {
    const retryAt = Date.now() + 1_000;
    api.signIn.mockResolvedValueOnce(fail({ code: 'INVALID_CREDENTIALS', message: MESSAGES.invalidCredentials, retryAt }));
    const signIn = useSignInStore();
    expect(startedSession(await signIn.signIn({ email: ADA.email, password: 'wrong password' }))).toBe(false);
    expect(signIn.error?.message).toBe(MESSAGES.invalidCredentials);
    expect(signIn.retryAt).toBe(retryAt);
    expect(signIn.isRateLimited()).toBe(true);
    expect(startedSession(await signIn.signIn({ email: ADA.email, password: 'right password' }))).toBe(false);
    expect(api.signIn).toHaveBeenCalledTimes(1);
  });

  it('exposes retryAt of RATE_LIMITED and refuses to send until then', async () => {
    const retryAt = START + 42_000;
    api.signIn.mockResolvedValueOnce(fail({ code: 'RATE_LIMITED', message: 'Too many attempts.', retryAt }));
    const signIn = useSignInStore();
    expect(startedSession(await signIn.signIn({ email: ADA.email, password: 'wrong password!' }))).toBe(false);
    expect(signIn.retryAt).toBe(retryAt);
    expect(signIn.error?.code).toBe('RATE_LIMITED');
    expect(signIn.isRateLimited()).toBe(true);

    expect(startedSession(await signIn.signIn({ email: ADA.email, password: 'another try' }))).toBe(false);
    expect(api.signIn).toHaveBeenCalledTimes(1);

    vi.setSystemTime(retryAt);
    expect(signIn.isRateLimited()).toBe(false);
    signIn.clearRateLimit();
    expect(signIn.error).toBeNull();
    expect(startedSession(await signIn.signIn({ email: ADA.email, password: 'correct horse battery' }))).toBe(true);
    expect(signIn.retryAt).toBeNull();
  });

  it('exposes the field messages of INVALID_INPUT', async () => {
    api.signIn.mockResolvedValueOnce(
      fail({ code: 'INVALID_INPUT', message: MESSAGES.invalidInput, fields: { email: 'Enter your email address.' } }),
    );
    const signIn = useSignInStore();
    await signIn.signIn({ email: '', password: 'x' });
    expect(signIn.error?.fields?.email).toBe('Enter your email address.');
  });

  it('turns a broken bridge into the INTERNAL message, never a stack trace', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    api.signIn.mockRejectedValueOnce(new Error('ipc exploded at foo.js:12'));
    const signIn = useSignInStore();
    expect(startedSession(await signIn.signIn({ email: ADA.email, password: 'x' }))).toBe(false);
    expect(signIn.error).toEqual({ code: 'INTERNAL', message: MESSAGES.internal });
    expect(consoleError).toHaveBeenCalled();
  });
});

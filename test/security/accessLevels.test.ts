/**
 * Issue 14, item 1: each operation's access level (src-shared/access.ts) is enforced once, by
 * dispatch's access gate, before the use case runs. Derived from OPERATION_ACCESS: for every
 * operation, a valid call in each state its level excludes is refused with the level's error and
 * never reaches its handler (spied on the table behind dispatch); in a state the level allows, the
 * same call does reach it, so the spies are not dead.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { OPERATION_ACCESS, type AccessLevel } from '../../src-shared/access';
import type { ErrorCode } from '../../src-shared/errors';
import { OPERATION_NAMES, type OperationName } from '../../src-shared/operations';
import { operationSchemas } from '../../src-shared/schemas';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../support/backendHarness';
import { activateTwoFactor, codeAt, signInToChallenge } from '../support/twoFactorSteps';
import { recordSecurityCheck } from '../support/securityCheck';
import { spyOnHandlers } from './support/storageSpies';
import { BOB } from './support/fuzzTarget';
import { validExample } from './support/validExamples';

type State = 'signed out' | 'second step' | 'signed in';
const STATES: readonly State[] = ['signed out', 'second step', 'signed in'];

/** Where each level is refused, and with what; `signed in` means without a password confirmed in the last 15 minutes. */
const REFUSED: { readonly [L in AccessLevel]: Partial<Record<State, ErrorCode>> } = {
  guest: {},
  challenge: { 'signed out': 'CHALLENGE_EXPIRED', 'signed in': 'CHALLENGE_EXPIRED' },
  session: { 'signed out': 'NOT_SIGNED_IN', 'second step': 'NOT_SIGNED_IN' },
  freshPassword: { 'signed out': 'NOT_SIGNED_IN', 'second step': 'NOT_SIGNED_IN', 'signed in': 'PASSWORD_CONFIRMATION_REQUIRED' },
};
const ALLOWED_IN: { readonly [L in AccessLevel]: State } = {
  guest: 'signed out',
  challenge: 'second step',
  session: 'signed in',
  freshPassword: 'signed in',
};

/**
 * The refused payloads of `operation` in a state: its valid example, except that a freshPassword
 * operation in a session is tried with a wrong password (WRONG_PASSWORD, counted) and, where its
 * schema lets the password out, without one (the level's error).
 */
function refusedCalls(operation: OperationName, state: State, code: ErrorCode): { payload: object; code: ErrorCode }[] {
  const example = exampleFor(operation);
  if (OPERATION_ACCESS[operation] !== 'freshPassword' || state !== 'signed in') return [{ payload: example, code }];
  const { password: _password, ...without } = example;
  const calls = [];
  if ('password' in example) calls.push({ payload: { ...example, password: 'not the password' }, code: 'WRONG_PASSWORD' as const });
  if (v.safeParse(operationSchemas[operation], without).success) calls.push({ payload: without, code });
  return calls;
}

/**
 * ADA with two-factor authentication, BOB without (beginning an enrollment needs it off, so that
 * operation is tried in BOB's session). A new session starts without a password confirmation.
 */
async function prepare(operation: OperationName): Promise<{ harness: BackendHarness; enter(state: State): Promise<void> }> {
  const harness = createBackendHarness();
  expectOk(await harness.call('createAccount', BOB));
  const { secret } = await activateTwoFactor(harness);
  return {
    harness,
    async enter(state) {
      if (state === 'signed out') expectOk(await harness.call('signOut', {}));
      if (state === 'second step') await signInToChallenge(harness);
      if (state !== 'signed in') return;
      if (operation === 'beginTwoFactorEnrollment') {
        expectOk(await harness.call('signIn', { email: BOB.email, password: BOB.password }));
        return;
      }
      await signInToChallenge(harness);
      expectOk(await harness.call('submitTwoFactorCode', { code: await codeAt(harness, secret) }));
    },
  };
}

/** The valid example, in BOB's words where the call is BOB's. */
function exampleFor(operation: OperationName): Readonly<Record<string, unknown>> {
  return operation === 'beginTwoFactorEnrollment' ? { password: BOB.password } : validExample(operation);
}

describe('access levels, enforced before the use case', () => {
  it('every operation has a level', () => {
    expect(Object.keys(OPERATION_ACCESS).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it.for(OPERATION_NAMES.map((operation) => [operation, OPERATION_ACCESS[operation]] as const))(
    '%s (%s) is refused where its level excludes the caller, and runs where it allows',
    async ([operation, level], ctx) => {
      const { harness, enter } = await prepare(operation);
      const handlers = spyOnHandlers(harness.backend);
      const spy = handlers.spies.get(operation)!;
      let tried = 0;
      try {
        for (const state of STATES) {
          const code = REFUSED[level][state];
          if (code === undefined) continue;
          await enter(state);
          for (const call of refusedCalls(operation, state, code)) {
            spy.mockClear();
            expect(await harness.backend.dispatch(operation, call.payload), `${state}: ${JSON.stringify(call.payload)}`).toMatchObject({
              ok: false,
              error: { code: call.code },
            });
            expect(spy, state).not.toHaveBeenCalled();
            tried += 1;
          }
        }

        // Where the level allows it, the same valid call reaches the handler (whatever the use case answers).
        await enter(ALLOWED_IN[level]);
        // Downloading takes no password: confirm it first.
        if (operation === 'downloadRecoveryCodes') expectOk(await harness.call('getRecoveryCodes', { password: ADA.password }));
        spy.mockClear();
        await harness.backend.dispatch(operation, exampleFor(operation));
        expect(spy).toHaveBeenCalledTimes(1);
      } finally {
        handlers.restore();
        harness.cleanup();
      }
      // Guest operations are refused nowhere: nothing to report.
      if (tried > 0) {
        recordSecurityCheck(ctx, {
          area: 'Hostile input at the IPC boundary',
          check: `access level of ${operation} (${level})`,
          tried,
          unit: 'refused calls',
        });
      }
    },
  );
});

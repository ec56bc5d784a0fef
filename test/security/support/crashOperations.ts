import { expect } from 'vitest';
import type { OperationName } from '../../../src-shared/operations';
import { ADA } from '../../support/backendHarness';
import type { ChildRun } from './crashChildProcess';
import { TOTP_FROM_SECRET, type ChildStep } from './crashPlan';
import type { ObservedState, PreparedAccount } from './crashStates';

/**
 * The three operations crash injection kills: the steps a child runs (a sign-in first, then the
 * operation itself), and how to tell the state before the operation from the state after it.
 */
const credentials = { email: ADA.email, password: ADA.password };

export interface CrashedOperation {
  readonly row: string;
  readonly withTwoFactor: boolean;
  readonly event: string;
  steps(account: PreparedAccount): ChildStep[];
  /** Which of `before`/`after` the restarted state is, with the checks that tell them apart. */
  classify(state: ObservedState, account: PreparedAccount, run: ChildRun): 'before' | 'after';
}

const signInWithCode = (account: PreparedAccount): ChildStep[] => [
  { op: 'signIn', payload: credentials },
  { op: 'submitTwoFactorCode', payload: { code: TOTP_FROM_SECRET }, totpSecret: account.active!.secret },
];
const step = (op: OperationName, payload: Record<string, unknown>): ChildStep => ({ op, payload });

export const OPERATIONS: readonly CrashedOperation[] = [
  {
    row: 'activation',
    withTwoFactor: false,
    event: 'two_factor_activated',
    steps: () => [
      step('signIn', credentials),
      step('beginTwoFactorEnrollment', { password: ADA.password }),
      step('confirmTwoFactorEnrollment', { code: TOTP_FROM_SECRET }),
    ],
    classify(state, _account, run) {
      if (!state.active) return 'before';
      // The keychain holds the very secret the user's authenticator scanned.
      expect(state.secret).toBe((run.results.get(1) as { value: { enrollment: { secretKey: string } } }).value.enrollment.secretKey);
      return 'after';
    },
  },
  {
    row: 'regeneration',
    withTwoFactor: true,
    event: 'recovery_codes_regenerated',
    steps: (account) => [...signInWithCode(account), step('regenerateRecoveryCodes', { password: ADA.password })],
    classify(state, account) {
      if (!state.active) throw new Error('regeneration left two-factor authentication inactive');
      expect(state.secret).toBe(account.active!.secret);
      if (state.setId === account.active!.setId) {
        expect(state.codes).toEqual(account.active!.codes);
        return 'before';
      }
      expect(state.codes.filter((code) => account.active!.codes.includes(code))).toEqual([]);
      return 'after';
    },
  },
  {
    row: 'deactivation',
    withTwoFactor: true,
    event: 'two_factor_deactivated',
    steps: (account) => [...signInWithCode(account), step('deactivateTwoFactor', { password: ADA.password })],
    classify(state, account) {
      if (!state.active) return 'after';
      expect({ secret: state.secret, codes: state.codes, setId: state.setId }).toEqual(account.active);
      return 'before';
    },
  },
];

/** Only the operation's own steps count (and may be killed), not the sign-in that precedes them. */
export function armedSteps(steps: readonly ChildStep[]): { fromStep: number; toStep: number } {
  const first = steps.findIndex((candidate) => !['signIn', 'submitTwoFactorCode'].includes(candidate.op));
  return { fromStep: first, toStep: steps.length - 1 };
}

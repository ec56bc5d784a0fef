import { expect } from 'vitest';
import type { OperationName } from '../../../src-shared/operations';
import { ADA } from '../../support/backendHarness';
import type { ChildRun } from './crashChildProcess';
import { TOTP_FROM_SECRET, type ChildStep } from './crashPlan';
import type { ObservedState, PreparedAccount } from './crashStates';

/**
 * The operations crash injection kills: the steps a child runs (a sign-in first, then the
 * operation itself), and how to tell the state before the operation from the state after it.
 */
const credentials = { email: ADA.email, password: ADA.password };

export interface CrashedOperation {
  readonly row: string;
  readonly withTwoFactor: boolean;
  /** A log entry that tells the two states apart: how many of `kind` there are before and after. */
  readonly logged: { readonly kind: string; readonly before: number; readonly after: number };
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
    logged: { kind: 'two_factor_activated', before: 0, after: 1 },
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
    logged: { kind: 'recovery_codes_regenerated', before: 0, after: 1 },
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
    logged: { kind: 'two_factor_deactivated', before: 0, after: 1 },
    steps: (account) => [...signInWithCode(account), step('deactivateTwoFactor', { password: ADA.password })],
    classify(state, account) {
      if (!state.active) return 'after';
      expect({ secret: state.secret, codes: state.codes, setId: state.setId }).toEqual(account.active);
      return 'before';
    },
  },
  {
    // A recovery code: the child's clock stands still, so the sign-in's TOTP step is already used.
    row: 'account deletion',
    withTwoFactor: true,
    logged: { kind: 'account_created', before: 1, after: 0 },
    steps: (account) => [
      ...signInWithCode(account),
      step('deleteAccount', { password: ADA.password, recoveryCode: account.active!.codes[0]! }),
    ],
    classify(state, account) {
      if (!state.active) {
        expect(state.deleted).toBe(true);
        return 'after';
      }
      // Nothing used up either: the recovery code is consumed in the deleting transaction.
      expect({ secret: state.secret, codes: state.codes, setId: state.setId, unusedCodes: state.unusedCodes }).toEqual({
        ...account.active,
        unusedCodes: 10,
      });
      return 'before';
    },
  },
];

/** Only the operation's own steps count (and may be killed), not the sign-in that precedes them. */
export function armedSteps(steps: readonly ChildStep[]): { fromStep: number; toStep: number } {
  const first = steps.findIndex((candidate) => !['signIn', 'submitTwoFactorCode'].includes(candidate.op));
  return { fromStep: first, toStep: steps.length - 1 };
}

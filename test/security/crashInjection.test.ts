import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationName } from '../../src-shared/operations';
import { createKeytarSecretStore, UNLOCK_PROBE_KEY } from '../../src-main/core/secrets/keytarSecretStore';
import { ADA } from '../support/backendHarness';
import { createFakeClock } from '../support/fakeClock';
import { STEP_MS } from '../support/twoFactorSteps';
import { buildCrashChild, runCrashChild, type ChildRun } from './support/crashChildProcess';
import { TOTP_FROM_SECRET, type ChildStep, type KillPoint } from './support/crashPlan';
import { observeAfterRestart, prepareAccount, type ObservedState, type PreparedAccount } from './support/crashStates';
import { recordSecurityCheck } from './support/securityCheck';

/**
 * Crash injection with real SIGKILLs. A child process runs the real core on a real data directory
 * with the real keychain (the private Secret Service outlives it) and kills itself just before and
 * just after every keychain write/delete and every SQLite commit of one operation. The parent then
 * restarts the backend on the same data and requires the account to be exactly as before or exactly
 * as after — after precisely when the operation's commit had completed — with no orphaned entries.
 */
const SERVICE = `Gatehouse-crash-${randomUUID()}`;
const keychain = createKeytarSecretStore(SERVICE);
/** Where every harness clock starts (preparation activates two-factor authentication then). */
const START = createFakeClock().now();
/** The child runs two steps after preparation (its TOTP sign-in must use a fresh step)... */
const CHILD_NOW = START + 2 * STEP_MS;
/** ...and the restarted backend two more. */
const RESTART_NOW = CHILD_NOW + 2 * STEP_MS;
const credentials = { email: ADA.email, password: ADA.password };

interface CrashedOperation {
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

const OPERATIONS: readonly CrashedOperation[] = [
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

describe('crash injection: SIGKILL at every keychain write and commit, then a restart', () => {
  let bundle: string;
  beforeAll(async () => {
    bundle = await buildCrashChild('crash-injection');
  }, 60_000);
  afterAll(async () => {
    for (const key of await keychain.keys()) await keychain.delete(key);
  });

  /** Runs the operation once to completion, counting its events; the commit that decides it is the last one. */
  async function enumerateKillPoints(operation: CrashedOperation): Promise<{ points: KillPoint[]; decisiveCommit: number }> {
    const account = await prepareAccount(keychain, operation.withTwoFactor);
    const steps = operation.steps(account);
    const run = await runCrashChild(bundle, { dataDir: account.dataDir, service: SERVICE, nowMs: CHILD_NOW, steps, armed: armedSteps(steps) });
    expect(run, run.output).toMatchObject({ code: 0, signal: null });
    for (const index of steps.keys()) expect(run.results.get(index), `step ${index}`).toMatchObject({ ok: true });
    expect(operation.classify(await observeAfterRestart(keychain, account, RESTART_NOW), account, run)).toBe('after');
    const events = run.journal.flatMap((line) => (line.type === 'event' ? [line] : []));
    const decisiveCommit = events.findLast((event) => event.kind === 'commit')!.n;
    return { points: events.flatMap(({ n }) => [{ event: n, when: 'before' } as const, { event: n, when: 'after' } as const]), decisiveCommit };
  }

  it.for(OPERATIONS)('$row: fully before or fully after at every crash point, no orphans, a way back in', async (operation, ctx) => {
    const { points, decisiveCommit } = await enumerateKillPoints(operation);
    expect(points.length).toBeGreaterThanOrEqual(6);
    for (const point of points) {
      const account = await prepareAccount(keychain, operation.withTwoFactor);
      const steps = operation.steps(account);
      const run = await runCrashChild(bundle, { dataDir: account.dataDir, service: SERVICE, nowMs: CHILD_NOW, steps, armed: armedSteps(steps), kill: point });
      const label = `${operation.row}, killed ${point.when} event ${point.event}`;
      expect(run.signal, `${label}\n${run.output}`).toBe('SIGKILL');
      expect(run.journal.findLast((line) => line.type === 'event'), label).toMatchObject({ n: point.event });

      const state = await observeAfterRestart(keychain, account, RESTART_NOW);
      const committed = point.event > decisiveCommit || (point.event === decisiveCommit && point.when === 'after');
      expect(operation.classify(state, account, run), label).toBe(committed ? 'after' : 'before');
      expect(state.events.get(operation.event) ?? 0, label).toBe(committed ? 1 : 0);
    }
    recordSecurityCheck(ctx, { area: 'Faults', check: `crash injection: ${operation.row}`, tried: points.length, unit: 'crash points (SIGKILL)' });
  });

  // Start-up reconciliation lists the keychain while the user may already be enrolling. keytar used
  // to segfault (taking the whole app down) when an entry vanished between its search and its read.
  it('listing the keychain while entries come and go never crashes the process', async (ctx) => {
    const store = createKeytarSecretStore(`${SERVICE}-listing`);
    await store.set('churn/totp/stays', 'KRUGKIDROVUWG2ZA');
    const listings: Promise<string[]>[] = [];
    for (let round = 0; round < 100; round += 1) {
      listings.push(store.keys());
      await store.set('churn/totp-pending/comes-and-goes', 'JBSWY3DPEHPK3PXP');
      await store.delete('churn/totp-pending/comes-and-goes');
    }
    const listed = await Promise.all(listings);
    expect(listed.every((keys) => keys.includes('churn/totp/stays') && !keys.includes(UNLOCK_PROBE_KEY))).toBe(true);
    await store.delete('churn/totp/stays');
    expect(await store.keys()).toEqual([]);
    recordSecurityCheck(ctx, { area: 'Faults', check: 'keychain listing racing deletions: no crash', tried: listed.length, unit: 'listings' });
  });
});

/** Only the operation's own steps count (and may be killed), not the sign-in that precedes them. */
function armedSteps(steps: readonly ChildStep[]): { fromStep: number; toStep: number } {
  const first = steps.findIndex((candidate) => !['signIn', 'submitTwoFactorCode'].includes(candidate.op));
  return { fromStep: first, toStep: steps.length - 1 };
}

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarSecretStore, UNLOCK_PROBE_KEY } from '../../src-main/core/secrets/keytarSecretStore';
import { createFakeClock } from '../support/fakeClock';
import { STEP_MS } from '../support/twoFactorSteps';
import { buildCrashChild, runCrashChild } from './support/crashChildProcess';
import { armedSteps, OPERATIONS, type CrashedOperation } from './support/crashOperations';
import type { ChildPlan, KillPoint } from './support/crashPlan';
import { observeAfterRestart, prepareAccount } from './support/crashStates';
import { recordSecurityCheck } from '../support/securityCheck';

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
const RANDOM_KILLS = 3;
/**
 * A hang guard, not a budget: each operation starts a child process per crash point (about 15),
 * and at load 38 on two cores that outlasted the security project's 120 s (no test here asserts a time).
 */
const HANG_GUARD_MS = 900_000;

describe('crash injection: SIGKILL at every keychain write and commit, then a restart', () => {
  let bundle: string;
  beforeAll(async () => {
    bundle = await buildCrashChild('crash-injection');
  }, HANG_GUARD_MS);
  afterAll(async () => {
    for (const key of await keychain.keys()) await keychain.delete(key);
  });

  /** Prepares ADA, then runs the operation in a child that may be killed as `plan` says. */
  async function crashOnce(operation: CrashedOperation, plan: Pick<ChildPlan, 'kill' | 'killAfterMs'>) {
    const account = await prepareAccount(keychain, operation.withTwoFactor);
    const steps = operation.steps(account);
    const run = await runCrashChild(bundle, {
      dataDir: account.dataDir,
      service: SERVICE,
      nowMs: CHILD_NOW,
      steps,
      armed: armedSteps(steps),
      ...plan,
    });
    return { account, steps, run };
  }

  /** Runs the operation once to completion, counting its events; the commit that decides it is the last one. */
  async function enumerateKillPoints(operation: CrashedOperation) {
    const { account, steps, run } = await crashOnce(operation, {});
    expect(run, run.output).toMatchObject({ code: 0, signal: null });
    for (const index of steps.keys()) expect(run.results.get(index), `step ${index}`).toMatchObject({ ok: true });
    expect(operation.classify(await observeAfterRestart(keychain, account, RESTART_NOW), account, run)).toBe('after');
    const events = run.journal.flatMap((line) => (line.type === 'event' ? [line] : []));
    const decisiveCommit = events.findLast((event) => event.kind === 'commit')!.n;
    const points: KillPoint[] = events.flatMap(({ n }) => [{ event: n, when: 'before' } as const, { event: n, when: 'after' } as const]);
    const armedMs = run.journal.flatMap((line) => (line.type === 'timing' ? [line.armedMs] : []))[0]!;
    return { points, decisiveCommit, armedMs };
  }

  it.for(OPERATIONS)(
    '$row: fully before or fully after at every crash point, no orphans, a way back in',
    { timeout: HANG_GUARD_MS },
    async (operation, ctx) => {
      const { points, decisiveCommit, armedMs } = await enumerateKillPoints(operation);
      expect(points.length).toBeGreaterThanOrEqual(6);
      for (const point of points) {
        const { account, run } = await crashOnce(operation, { kill: point });
        const label = `${operation.row}, killed ${point.when} event ${point.event}`;
        expect(run.signal, `${label}\n${run.output}`).toBe('SIGKILL');
        // Killed right there: before an event nothing later began; after one, a background keychain
        // write (the two-factor witness) may have begun meanwhile, never a later commit.
        const journaled = run.journal.flatMap((line) => (line.type === 'event' ? [line] : []));
        expect(
          journaled.some((event) => event.n === point.event),
          label,
        ).toBe(true);
        const later = journaled.filter((event) => event.n > point.event);
        expect(point.when === 'before' ? later : later.filter((event) => event.kind === 'commit'), label).toEqual([]);

        const state = await observeAfterRestart(keychain, account, RESTART_NOW);
        const committed = point.event > decisiveCommit || (point.event === decisiveCommit && point.when === 'after');
        expect(operation.classify(state, account, run), label).toBe(committed ? 'after' : 'before');
        expect(state.events.get(operation.logged.kind) ?? 0, label).toBe(committed ? operation.logged.after : operation.logged.before);
      }

      // A few kills at random moments too: mid keychain call, mid hashing, wherever the timer lands.
      const seed = Date.now();
      let killedAtRandom = 0;
      for (const [index, fraction] of randomFractions(seed, RANDOM_KILLS).entries()) {
        const killAfterMs = Math.floor(fraction * armedMs);
        const { account, run } = await crashOnce(operation, { killAfterMs });
        const label = `${operation.row}, random kill ${index} after ${killAfterMs} ms (seed ${seed})`;
        if (run.signal === 'SIGKILL') killedAtRandom += 1;
        else expect(run, `${label}\n${run.output}`).toMatchObject({ code: 0 }); // it finished first
        const state = await observeAfterRestart(keychain, account, RESTART_NOW);
        const outcome = operation.classify(state, account, run);
        expect(state.events.get(operation.logged.kind) ?? 0, label).toBe(operation.logged[outcome]);
        if (run.signal !== 'SIGKILL') expect(outcome, label).toBe('after');
      }
      const tried = points.length + killedAtRandom;
      recordSecurityCheck(ctx, { area: 'Faults', check: `crash injection: ${operation.row}`, tried, unit: 'crash points (SIGKILL)' });
    },
  );

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
    recordSecurityCheck(ctx, {
      area: 'Faults',
      check: 'keychain listing racing deletions: no crash',
      tried: listed.length,
      unit: 'listings',
    });
  });
});

/** `count` numbers in [0, 1) from a small seeded generator (mulberry32), so a failure can be replayed. */
function randomFractions(seed: number, count: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length: count }, () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  });
}

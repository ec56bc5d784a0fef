// A Gatehouse backend in its own process, so the parent can SIGKILL it at an exact point (see
// crashPlan.ts). Compiled by buildCrashChild (crashChildProcess.ts) and run on plain Node 24.
import Database from 'better-sqlite3';
import { appendFileSync } from 'node:fs';
import { consoleLogger } from '../../../src-main/core/logger';
import { createKeytarSecretStore } from '../../../src-main/core/secrets/keytarSecretStore';
import type { SecretStore } from '../../../src-main/core/secrets/secretStore';
import { createFakeDesktop } from '../../support/fakeDesktop';
import { composeTestBackend } from '../../support/testBackend';
import { authenticatorCode } from '../../support/totpCodes';
import { LIST_KEYCHAIN, TOTP_FROM_SECRET, type ChildPlan, type ChildStep, type EventKind, type JournalLine } from './crashPlan';

const plan = JSON.parse(process.argv[2] ?? '') as ChildPlan;
const journal = (line: JournalLine) => appendFileSync(plan.journal, `${JSON.stringify(line)}\n`);
let armed = false;
let events = 0;

/** Counts one event (only while armed) and dies right before it when the plan says so. */
function beginEvent(kind: EventKind): number | null {
  if (!armed) return null;
  const n = (events += 1);
  journal({ type: 'event', n, kind });
  if (plan.kill?.event === n && plan.kill.when === 'before') process.kill(process.pid, 'SIGKILL');
  return n;
}

/** Dies right after event `n` when the plan says so. */
function endEvent(n: number | null): void {
  if (n !== null && plan.kill?.event === n && plan.kill.when === 'after') process.kill(process.pid, 'SIGKILL');
}

/**
 * Observes every top-level SQLite commit without a product hook: better-sqlite3 is external to this
 * bundle, so the core's `db.transaction(work).immediate()` goes through this patched prototype.
 * "Before" runs inside the transaction once `work` has returned (COMMIT is next); "after" runs once
 * the transaction function has returned (COMMIT is done).
 */
function observeCommits(): void {
  type Fn = (...args: unknown[]) => unknown;
  type Transaction = Fn & { deferred: Fn; immediate: Fn; exclusive: Fn };
  const original = Database.prototype.transaction as unknown as (this: Database.Database, fn: Fn) => Transaction;
  let depth = 0;
  let commit: number | null = null;
  function patched(this: Database.Database, fn: Fn): Transaction {
    const transaction = original.call(this, function (this: unknown, ...args: unknown[]) {
      const result = fn.apply(this, args);
      if (depth === 1) commit = beginEvent('commit');
      return result;
    });
    const wrap =
      (variant: Fn): Fn =>
      (...args) => {
        depth += 1;
        try {
          const result = variant(...args);
          if (depth === 1) endEvent(commit);
          return result;
        } finally {
          depth -= 1;
          if (depth === 0) commit = null;
        }
      };
    return Object.assign(wrap(transaction), {
      default: wrap(transaction),
      deferred: wrap(transaction.deferred),
      immediate: wrap(transaction.immediate),
      exclusive: wrap(transaction.exclusive),
      database: this,
    });
  }
  Database.prototype.transaction = patched as unknown as typeof Database.prototype.transaction;
}

async function observe<T>(kind: EventKind, work: () => Promise<T>): Promise<T> {
  const n = beginEvent(kind);
  const result = await work();
  endEvent(n);
  return result;
}

function observedStore(inner: SecretStore): SecretStore {
  return {
    get: (key) => inner.get(key),
    keys: () => inner.keys(),
    set: (key, value) => observe('keychain set', () => inner.set(key, value)),
    delete: (key) => observe('keychain delete', () => inner.delete(key)),
  };
}

async function resolvePayload(step: ChildStep, lastSecret: string | undefined): Promise<Record<string, unknown>> {
  const payload = { ...step.payload };
  for (const [name, value] of Object.entries(payload)) {
    if (value !== TOTP_FROM_SECRET) continue;
    const secret = step.totpSecret ?? lastSecret;
    if (!secret) throw new Error(`step ${step.op}: no secret for ${TOTP_FROM_SECRET}`);
    payload[name] = await authenticatorCode(secret, plan.nowMs);
  }
  return payload;
}

async function main(): Promise<void> {
  observeCommits();
  const store = observedStore(createKeytarSecretStore(plan.service));
  const backend = composeTestBackend({
    dataDir: plan.dataDir,
    secretStore: store,
    desktop: createFakeDesktop().desktop,
    clock: { now: () => plan.nowMs },
    logger: consoleLogger, // the parent reads its log: expected messages and leak scans
  });
  await backend.reconciled;
  let lastSecret: string | undefined;
  let armedAt: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  for (const [index, step] of plan.steps.entries()) {
    // Background witness writes of the unarmed sign-in first: they would otherwise race the armed
    // steps and number the events differently from run to run.
    if (index === plan.armed?.fromStep) await backend.idle();
    armed = plan.armed !== undefined && index >= plan.armed.fromStep && index <= plan.armed.toStep;
    if (armed && armedAt === undefined) {
      armedAt = performance.now();
      if (plan.killAfterMs !== undefined) timer = setTimeout(() => process.kill(process.pid, 'SIGKILL'), plan.killAfterMs);
    }
    const result =
      step.op === LIST_KEYCHAIN
        ? await backend.idle().then(() => store.keys()) // once background witness writes are done
        : await backend.dispatch(step.op, await resolvePayload(step, lastSecret));
    const secretKey = (result as { value?: { enrollment?: { secretKey?: string } } }).value?.enrollment?.secretKey;
    if (secretKey) lastSecret = secretKey;
    armed = false;
    journal({ type: 'result', step: index, op: step.op, result });
  }
  clearTimeout(timer);
  if (armedAt !== undefined) journal({ type: 'timing', armedMs: performance.now() - armedAt });
  backend.close();
}

await main();

import { createScryptHasher } from '../../src-main/core/security/passwordHasher';
import type { Backend } from '../../src-main/core/composeBackend';
import { call, openBenchBackend } from '../lib/benchBackend';
import { sized, type Figure } from '../lib/figure';
import { BENCH_PASSWORD, CHEAP_SCRYPT } from '../lib/hashers';

const ACCOUNTS = 5;
const email = (i: number): string => `person${i}@example.com`;

/** One mixed operation, the i-th of a fixed cycle a person might go through. */
function mixedOperation(backend: Backend, i: number): Promise<unknown> {
  const account = Math.floor(i / 8) % ACCOUNTS;
  switch (i % 8) {
    case 0:
      return call(backend, 'signIn', { email: email(account), password: BENCH_PASSWORD });
    case 1:
      return call(backend, 'getSession');
    case 2:
      return call(backend, 'listSecurityEvents', {});
    case 3:
      return call(backend, 'updateProfile', { name: `Person ${account} (${i})` });
    case 4:
      return call(backend, 'listAccounts');
    case 5:
      return call(backend, 'listSecurityEvents', { limit: 100 });
    case 6:
      // An unknown email: an error result is a normal outcome here (no account, so no throttle).
      return backend.dispatch('signIn', { email: 'nobody@example.com', password: BENCH_PASSWORD });
    default:
      return call(backend, 'signOut');
  }
}

function settledMemory(): { heapMB: number; rssMB: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('bench: the memory figure needs node --expose-gc (runBench starts figures with it)');
  gc();
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapMB: heapUsed / 2 ** 20, rssMB: rss / 2 ** 20 };
}

/**
 * Memory: backend heap (after a full GC) and RSS after 10,000 mixed operations against the same
 * after the first 100, in one process; three fresh processes. Cheap scrypt parameters (N=2^10):
 * the operations' mix matters here, not the KDF's deliberate 128 MiB per call.
 */
export const memory: Figure = {
  id: 'memory',
  title: 'Memory after 10,000 operations vs 100',
  processes: 3,
  async run({ mode }) {
    const total = sized(mode, 10_000, 300);
    const early = 100;
    const bench = await openBenchBackend({ hasher: createScryptHasher(CHEAP_SCRYPT) });
    try {
      for (let i = 0; i < ACCOUNTS; i++) {
        await call(bench.backend, 'createAccount', { name: `Person ${i}`, email: email(i), password: BENCH_PASSWORD });
      }
      await call(bench.backend, 'signOut');
      const checkpoints = new Set([early, ...[0.1, 0.25, 0.5, 0.75].map((share) => Math.round(total * share))]);
      const trajectory: Record<number, { heapMB: number; rssMB: number }> = {};
      for (let i = 0; i < total; i++) {
        if (checkpoints.has(i)) trajectory[i] = settledMemory();
        await mixedOperation(bench.backend, i);
      }
      const afterAll = (trajectory[total] = settledMemory());
      const after100 = trajectory[early]!;
      const label = `after ${early} operations`;
      return {
        rows: [
          { id: 'memory.heap', label: `Backend heap after ${total.toLocaleString('en-US')} mixed operations`, unit: 'MB', samples: [afterAll.heapMB], baseline: { label, samples: [after100.heapMB] }, target: { on: 'ratio', max: 1.1 } },
          { id: 'memory.rss', label: `Backend RSS after ${total.toLocaleString('en-US')} mixed operations`, unit: 'MB', samples: [afterAll.rssMB], baseline: { label, samples: [after100.rssMB] }, target: { on: 'ratio', max: 1.1 } },
        ],
        details: { trajectoryMB: trajectory, scrypt: CHEAP_SCRYPT, operations: 'signIn, getSession, listSecurityEvents, updateProfile, listAccounts, listSecurityEvents (100), signIn (unknown email), signOut' },
      };
    } finally {
      bench.cleanup();
    }
  },
};

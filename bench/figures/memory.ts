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
      return call(backend, 'getTwoFactorStatus');
    case 6:
      // An unknown email: an error result is a normal outcome here (no account, so no throttle).
      return backend.dispatch('signIn', { email: 'nobody@example.com', password: BENCH_PASSWORD });
    default:
      return call(backend, 'signOut');
  }
}

interface MemoryReading {
  readonly heapMB: number;
  readonly rssMB: number;
  /** What V8 has reserved for its heap (used or not), and memory outside it (Buffers, native). */
  readonly heapTotalMB: number;
  readonly externalMB: number;
}

function currentMemory(): MemoryReading {
  const { heapUsed, rss, heapTotal, external } = process.memoryUsage();
  const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 100) / 100;
  return { heapMB: mb(heapUsed), rssMB: mb(rss), heapTotalMB: mb(heapTotal), externalMB: mb(external) };
}

/** Memory after two full collections: what is still referenced, not garbage waiting for the GC. */
function settledMemory(): MemoryReading {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('bench: the memory figure needs node --expose-gc (runBench starts figures with it)');
  gc();
  gc();
  return currentMemory();
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
      // Only the two measurements the figure compares force a GC; the trajectory in between is
      // read as is (unsettled), so it shows the trend without changing what the figure measures.
      const checkpoints = new Set([0.1, 0.25, 0.5, 0.75].map((share) => Math.round(total * share)));
      const trajectory: Record<number, MemoryReading> = {};
      let after100 = currentMemory();
      for (let i = 0; i < total; i++) {
        if (i === early) trajectory[i] = after100 = settledMemory();
        else if (checkpoints.has(i)) trajectory[i] = currentMemory();
        await mixedOperation(bench.backend, i);
      }
      const afterAll = (trajectory[total] = settledMemory());
      const label = `after ${early} operations`;
      return {
        rows: [
          {
            id: 'memory.heap',
            label: `Backend heap after ${total.toLocaleString('en-US')} mixed operations`,
            unit: 'MB',
            samples: [afterAll.heapMB],
            baseline: { label, samples: [after100.heapMB] },
            target: { on: 'ratio', max: 1.1 },
          },
          {
            id: 'memory.rss',
            label: `Backend RSS after ${total.toLocaleString('en-US')} mixed operations`,
            unit: 'MB',
            samples: [afterAll.rssMB],
            baseline: { label, samples: [after100.rssMB] },
            target: { on: 'ratio', max: 1.1 },
          },
        ],
        details: {
          trajectoryMB: trajectory,
          scrypt: CHEAP_SCRYPT,
          operations:
            'signIn, getSession, listSecurityEvents, updateProfile, listAccounts, getTwoFactorStatus, signIn (unknown email), signOut',
        },
      };
    } finally {
      bench.cleanup();
    }
  },
};

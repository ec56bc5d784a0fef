import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE_NAME } from '../../src-main/core/db/openDatabase';
import { call, makeDataDir, openBenchBackend } from '../lib/benchBackend';
import { sized, type Figure } from '../lib/figure';
import { BENCH_PASSWORD, CHEAP_SCRYPT, PRODUCTION_SCRYPT, hashOnce, skipKdfHasher } from '../lib/hashers';
import { explainQueries, recordPreparedSql } from '../lib/queryPlans';
import { seedDatabase } from '../lib/seedDatabase';
import { openDurableCommit } from '../lib/durableCommit';
import { sampleMs, timeMs } from '../lib/stats';

const directoryBytes = (dir: string): number => readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);

/**
 * Scale: 10,000 accounts and 1,000,000 security-log rows (every tenth row on the account the
 * bench signs in as: 100,000 events of history), seeded straight into SQLite. Then, through
 * dispatch: listing the accounts, loading the Security page's recent activity, and a sign-in with
 * the KDF taken out (skipKdfHasher), so what is timed is everything Gatehouse does around scrypt.
 * Every statement the core prepares is run through EXPLAIN QUERY PLAN.
 */
export const scale: Figure = {
  id: 'scale',
  title: 'Scale: 10,000 accounts, 1,000,000 log rows',
  async run({ mode }) {
    const plan = {
      accounts: sized(mode, 10_000, 200),
      events: sized(mode, 1_000_000, 5_000),
      heavyEvery: 10,
      passwordHash: await hashOnce(sized(mode, PRODUCTION_SCRYPT, CHEAP_SCRYPT)),
      before: Date.now() - 2 * 60 * 60 * 1000,
    };
    const runs = sized(mode, 40, 3);
    const dataDir = makeDataDir();
    try {
      const seeded = seedDatabase(dataDir, plan);
      const dataDirBytes = directoryBytes(dataDir);
      const commit = openDurableCommit();
      const recorder = recordPreparedSql();
      const bench = await openBenchBackend({ dataDir, hasher: skipKdfHasher });
      recorder.stop();
      const signIn = () => call(bench.backend, 'signIn', { email: seeded.emails[0], password: BENCH_PASSWORD });
      let samples;
      try {
        await signIn();
        samples = {
          listAccounts: await sampleMs(() => call(bench.backend, 'listAccounts'), runs),
          recentActivity: await sampleMs(() => call(bench.backend, 'listSecurityEvents', {}), runs),
          signIn: { a: [] as number[], b: [] as number[] },
        };
        // A person signs in from the sign-in screen: signed out first (untimed).
        for (let i = -1; i < runs; i++) {
          await call(bench.backend, 'signOut');
          const signInMs = await timeMs(signIn);
          const commitMs = commit.time();
          if (i < 0) continue;
          samples.signIn.a.push(signInMs);
          samples.signIn.b.push(commitMs);
        }
      } finally {
        commit.close();
        bench.backend.close();
      }
      const queryPlans = explainQueries(join(dataDir, DATABASE_FILE_NAME), recorder.statements);
      // A statement without WHERE reads every row by design (listing all accounts); others must search.
      const unexpectedScans = queryPlans.filter((query) => query.scans && /\bWHERE\b/i.test(query.sql));
      const target = { on: 'value', max: 5 } as const;
      return {
        rows: [
          {
            id: 'scale.listAccounts',
            label: `List ${plan.accounts.toLocaleString('en-US')} accounts (listAccounts)`,
            unit: 'ms',
            samples: samples.listAccounts,
            target,
          },
          {
            id: 'scale.recentActivity',
            label: 'Recent security activity (listSecurityEvents)',
            unit: 'ms',
            samples: samples.recentActivity,
            target,
          },
          {
            id: 'scale.signInNonKdf',
            label: 'Sign-in without the KDF (signIn, skipKdfHasher)',
            unit: 'ms',
            samples: samples.signIn.a,
            baseline: { label: 'one SQLite commit (WAL, synchronous=FULL)', samples: samples.signIn.b },
            target,
          },
          {
            id: 'scale.unexpectedScans',
            label: 'Filtered queries that scan a whole table',
            unit: 'queries',
            samples: [unexpectedScans.length],
            target: { on: 'value', max: 0 },
          },
          {
            id: 'scale.bytesPerAccount',
            label: 'Data directory size per account (incl. its share of the log)',
            unit: 'KB',
            samples: [dataDirBytes / plan.accounts / 1024],
          },
        ],
        details: {
          accounts: plan.accounts,
          events: plan.events,
          eventsOfSignedInAccount: seeded.heavyEventCount,
          seedSeconds: Math.round(seeded.seedSeconds * 10) / 10,
          dataDirMB: Math.round((dataDirBytes / 2 ** 20) * 10) / 10,
          passwordHash: 'one production-parameter scrypt hash computed once and stored for every account',
          queryPlans,
        },
      };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createScryptHasher } from '../../src-main/core/security/passwordHasher';
import { call, openBenchBackend } from '../lib/benchBackend';
import { sized, type Figure } from '../lib/figure';
import { BENCH_PASSWORD, CHEAP_SCRYPT, PRODUCTION_SCRYPT, bareScrypt } from '../lib/hashers';
import { dataDirWithAccounts } from '../lib/signInAccounts';

/** p99 and max event-loop delay (ms) while `work` runs. */
async function delayDuring(work: () => Promise<unknown>): Promise<{ p99: number; max: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await work();
  histogram.disable();
  return { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 };
}

/**
 * Main-process responsiveness: event-loop delay while 20 sign-ins (20 accounts, production
 * scrypt) run at once through dispatch and the handler table. The baseline is the same
 * number of bare scrypt calls at once: what the thread pool alone costs the loop.
 */
export const eventLoopDelay: Figure = {
  id: 'eventLoopDelay',
  title: 'Event-loop delay during concurrent sign-ins',
  async run({ mode }) {
    const rounds = sized(mode, 3, 1);
    const concurrent = sized(mode, 20, 3);
    const params = sized(mode, PRODUCTION_SCRYPT, CHEAP_SCRYPT);
    const { dataDir, emails } = await dataDirWithAccounts(concurrent, params);
    const bench = await openBenchBackend({ dataDir, hasher: createScryptHasher(params) });
    const salt = randomBytes(16);
    const app = { p99: [] as number[], max: [] as number[] };
    const bare = { p99: [] as number[], max: [] as number[] };
    try {
      for (let round = 0; round < rounds; round++) {
        const signIns = await delayDuring(() =>
          Promise.all(emails.map((email) => call(bench.backend, 'signIn', { email, password: BENCH_PASSWORD }))),
        );
        const scrypts = await delayDuring(() => Promise.all(emails.map(() => bareScrypt(BENCH_PASSWORD, salt, params))));
        app.p99.push(signIns.p99);
        app.max.push(signIns.max);
        bare.p99.push(scrypts.p99);
        bare.max.push(scrypts.max);
      }
    } finally {
      bench.cleanup();
    }
    const label = `${concurrent} concurrent sign-ins (scrypt N=2^${params.logN})`;
    return {
      rows: [
        {
          id: 'eventLoop.p99',
          label: `Event-loop delay p99, ${label}`,
          unit: 'ms',
          samples: app.p99,
          baseline: { label: `${concurrent} bare scrypt calls`, samples: bare.p99 },
          target: { on: 'value', max: 20 },
        },
        {
          id: 'eventLoop.max',
          label: `Event-loop delay max, ${label}`,
          unit: 'ms',
          samples: app.max,
          baseline: { label: `${concurrent} bare scrypt calls`, samples: bare.max },
        },
      ],
      details: { scrypt: params, concurrent, threadPoolSize: Number(process.env.UV_THREADPOOL_SIZE ?? 4) },
    };
  },
};

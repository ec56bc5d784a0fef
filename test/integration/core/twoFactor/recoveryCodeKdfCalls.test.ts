import { afterEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../../../src-shared/errors';
import { createRecoveryCodeKdf, RECOVERY_SCRYPT } from '../../../../src-main/core/twoFactor/recoveryCodeKdf';
import { createBackendHarness, expectOk, TEST_RECOVERY_SCRYPT, type BackendHarness } from '../../../support/backendHarness';
import { withKdfCalls, type KdfCall } from '../../../support/kdfCalls';
import { activateTwoFactor, signInToChallenge } from '../../../support/twoFactorSteps';

vi.mock('node:crypto', async (original) => (await import('../../../support/kdfCalls')).withRecordedScrypt(await original()));

/** One scrypt at the set's parameters (16-byte salt, 32-byte key); the cheap test ones here, the app's checked below. */
const RECOVERY_CALL: KdfCall = {
  N: 2 ** TEST_RECOVERY_SCRYPT.logN,
  r: TEST_RECOVERY_SCRYPT.r,
  p: TEST_RECOVERY_SCRYPT.p,
  keyLength: 32,
  saltBytes: 16,
};

/**
 * What a recovery-code check costs: exactly one scrypt call at the set's parameters, whether the
 * code is right, wrong or already used, however many codes the set holds (one salt per set).
 * How long that takes is a bench figure (recoveryCodeCheck, against its 300 ms budget); a test that
 * timed it failed on loaded machines.
 */
describe('a recovery-code check', () => {
  let harness: BackendHarness | undefined;
  afterEach(() => harness?.cleanup());

  it('uses RECOVERY_SCRYPT for new sets unless told otherwise', () => {
    expect(RECOVERY_SCRYPT).toEqual({ logN: 15, r: 8, p: 1 });
    expect(createRecoveryCodeKdf().newSetKdf()).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}$/);
  });

  it('makes exactly one scrypt call at the set’s parameters, right, wrong or spent', async () => {
    const backend = (harness = createBackendHarness());
    const { recoveryCodes } = await activateTwoFactor(backend);
    const [first, second] = recoveryCodes.codes.map(({ code }) => code);
    const submit = (code: string) => withKdfCalls(() => backend.call('submitRecoveryCode', { code }));

    await signInToChallenge(backend);
    const right = await submit(first!);
    expect(right.result.ok).toBe(true);
    expect(right.calls).toEqual([RECOVERY_CALL]);

    await signInToChallenge(backend);
    // Typed differently (upper case, a dash): the same single call after normalisation.
    const typed = await submit(second!.toUpperCase().replace(/^(.{5})/, '$1-'));
    expect(typed.result.ok).toBe(true);
    expect(typed.calls).toEqual([RECOVERY_CALL]);

    await signInToChallenge(backend);
    const spent = await submit(first!);
    expect(spent.result).toMatchObject({ ok: false, error: { code: 'INVALID_CODE', message: MESSAGES.invalidRecoveryCode } });
    expect(spent.calls).toEqual([RECOVERY_CALL]);

    const unknown = await submit('zzzzzzzzzz');
    expect(unknown.result).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
    expect(unknown.calls).toEqual([RECOVERY_CALL]);
    expectOk(await backend.call('getSession', {}));
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../../src-main/core/logger';
import { ADA, createBackendHarness, expectOk, type BackendHarness } from '../../../support/backendHarness';
import { codeAt, signInToChallenge } from '../../../support/twoFactorSteps';

describe('the TOTP secret and recovery codes never leak', () => {
  let harness: BackendHarness;
  afterEach(() => harness.cleanup());

  it('stay out of the SQLite files, the security log, errors, logs and every response after enrollment', async () => {
    const lines: string[] = [];
    const logger: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
    harness = createBackendHarness({ logger });
    const responses: unknown[] = [];
    const call: BackendHarness['call'] = async (operation, payload) => {
      const result = await harness.call(operation, payload);
      responses.push(result);
      return result;
    };

    expectOk(await call('createAccount', ADA));
    const { enrollment } = expectOk(await harness.call('beginTwoFactorEnrollment', { password: ADA.password }));
    const secret = enrollment.secretKey;
    expectOk(await call('copyToClipboard', { item: 'secretKey' }));
    const { recoveryCodes } = expectOk(await harness.call('confirmTwoFactorEnrollment', { code: await codeAt(harness, secret) }));
    const plainCodes = recoveryCodes.codes.map((code) => code.code.replace('-', ''));

    await call('getTwoFactorStatus', {});
    await signInToChallenge(harness);
    await call('submitTwoFactorCode', { code: '000000' });
    harness.clock.advance(40 * 30_000);
    await call('submitTwoFactorCode', { code: await codeAt(harness, secret, 5) });
    harness.secretStore.fail(['get']);
    await call('submitTwoFactorCode', { code: await codeAt(harness, secret) });
    harness.secretStore.heal();
    await call('submitTwoFactorCode', { code: await codeAt(harness, secret) });
    await call('listSecurityEvents', { limit: 100 });
    await call('getSession', {});
    harness.backend.close();

    const haystacks = [JSON.stringify(responses), lines.join('\n')];
    for (const file of readdirSync(harness.dataDir)) haystacks.push(readFileSync(join(harness.dataDir, file)).toString('latin1'));
    for (const haystack of haystacks) {
      expect(haystack).not.toContain(secret);
      for (const code of plainCodes) expect(haystack).not.toContain(code);
    }
    // The SQLite files were really scanned (the WAL holds the latest pages).
    expect(readdirSync(harness.dataDir).sort()).toEqual(expect.arrayContaining(['gatehouse.db']));
    harness.reopen();
  });
});

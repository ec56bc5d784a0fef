import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { MESSAGES } from '../../../src-shared/errors';
import { ADA, type BackendHarness } from '../../support/backendHarness';
import { authenticatorCode } from '../../support/totpCodes';
import { LIST_KEYCHAIN, TOTP_FROM_SECRET, type ChildStep } from './crashPlan';

/**
 * One story told three times, once per way the keychain can be unavailable: ADA has two-factor
 * authentication, BOB has not; then the keychain goes away; then it comes back.
 */
export const BOB = { name: 'Bob Babbage', email: 'bob@example.com', password: 'difference engine 1822' } as const;
const ada = { email: ADA.email, password: ADA.password };
const bob = { email: BOB.email, password: BOB.password };

/** 'ok', or the error the user must see. */
type Expected = 'ok' | { readonly code: string; readonly message: string };
interface Scripted extends ChildStep {
  readonly expect: Expected;
}
const unavailable = { code: 'SECRET_STORE_UNAVAILABLE', message: MESSAGES.secretStoreUnavailable };

export const SETUP: readonly Scripted[] = [
  { op: 'createAccount', payload: ADA, expect: 'ok' },
  { op: 'beginTwoFactorEnrollment', payload: { password: ADA.password }, expect: 'ok' },
  { op: 'confirmTwoFactorEnrollment', payload: { code: TOTP_FROM_SECRET }, expect: 'ok' },
  { op: 'signOut', payload: {}, expect: 'ok' },
  { op: 'createAccount', payload: BOB, expect: 'ok' },
  { op: 'signOut', payload: {}, expect: 'ok' },
];

/** While the keychain is unavailable. `secret` and `recoveryCode` come from SETUP. */
export const whileUnavailable = (secret: string, recoveryCode: string): Scripted[] => [
  { op: 'signIn', payload: ada, expect: 'ok' },
  {
    op: 'submitTwoFactorCode',
    payload: { code: TOTP_FROM_SECRET },
    totpSecret: secret,
    expect: { code: 'SECRET_STORE_UNAVAILABLE', message: MESSAGES.secretStoreUnavailableAtSignIn },
  },
  { op: 'submitRecoveryCode', payload: { code: recoveryCode }, expect: 'ok' },
  { op: 'getRecoveryCodes', payload: { password: ADA.password }, expect: unavailable },
  { op: 'regenerateRecoveryCodes', payload: { password: ADA.password }, expect: unavailable },
  { op: 'deactivateTwoFactor', payload: { password: ADA.password }, expect: unavailable },
  { op: 'signOut', payload: {}, expect: 'ok' },
  { op: 'signIn', payload: bob, expect: 'ok' },
  { op: 'beginTwoFactorEnrollment', payload: { password: BOB.password }, expect: unavailable },
  { op: 'signOut', payload: {}, expect: 'ok' },
];

/** Once the keychain is back: everything works again. The last step lists the keychain. */
export const onceBack = (secret: string): Scripted[] => [
  { op: 'signIn', payload: ada, expect: 'ok' },
  { op: 'submitTwoFactorCode', payload: { code: TOTP_FROM_SECRET }, totpSecret: secret, expect: 'ok' },
  { op: 'regenerateRecoveryCodes', payload: { password: ADA.password }, expect: 'ok' },
  { op: 'deactivateTwoFactor', payload: { password: ADA.password }, expect: 'ok' },
  { op: 'signOut', payload: {}, expect: 'ok' },
  { op: 'signIn', payload: bob, expect: 'ok' },
  { op: 'beginTwoFactorEnrollment', payload: { password: BOB.password }, expect: 'ok' },
  { op: 'confirmTwoFactorEnrollment', payload: { code: TOTP_FROM_SECRET }, expect: 'ok' },
  { op: 'signOut', payload: {}, expect: 'ok' },
  { op: LIST_KEYCHAIN, expect: 'ok' },
];

/** Checks every step's outcome against the script; results are dispatch results (or key lists). */
export function expectScript(script: readonly Scripted[], results: ReadonlyMap<number, unknown>, phase: string): void {
  for (const [index, step] of script.entries()) {
    const result = results.get(index);
    const label = `${phase}, step ${index} ${step.op}`;
    if (step.op === LIST_KEYCHAIN) expect(Array.isArray(result), label).toBe(true);
    else if (step.expect === 'ok') expect(result, label).toMatchObject({ ok: true });
    else expect(result, label).toEqual({ ok: false, error: { code: step.expect.code, message: step.expect.message } });
  }
}

/** The same steps in this process, through the harness's dispatch, at `nowMs`. */
export async function runInProcess(harness: BackendHarness, script: readonly Scripted[], nowMs: number): Promise<Map<number, unknown>> {
  harness.clock.set(nowMs);
  const results = new Map<number, unknown>();
  let lastSecret: string | undefined;
  for (const [index, step] of script.entries()) {
    if (step.op === LIST_KEYCHAIN) {
      await harness.backend.idle(); // the app settled: background witness writes are done
      results.set(index, await harness.secretStore.keys());
      continue;
    }
    const payload = { ...step.payload };
    if (payload.code === TOTP_FROM_SECRET) payload.code = await authenticatorCode((step.totpSecret ?? lastSecret)!, nowMs);
    const result = (await harness.backend.dispatch(step.op, payload)) as { value?: { enrollment?: { secretKey: string } } };
    lastSecret = result.value?.enrollment?.secretKey ?? lastSecret;
    results.set(index, result);
  }
  return results;
}

/** The secret and the recovery codes SETUP produced. */
export function setupSecrets(results: ReadonlyMap<number, unknown>): { secret: string; codes: string[] } {
  const begun = results.get(1) as { value: { enrollment: { secretKey: string } } };
  const confirmed = results.get(2) as { value: { recoveryCodes: { codes: { code: string }[] } } };
  return { secret: begun.value.enrollment.secretKey, codes: confirmed.value.recoveryCodes.codes.map((entry) => entry.code) };
}

/**
 * Every way `secret` or a recovery code could appear in the data directory's files (database,
 * WAL, anything else) or in `texts` (process output, log lines): as shown, without the dash, and
 * in upper case. Returns the hits; there must be none.
 */
export function findSecrets(dataDir: string, texts: readonly string[], secret: string, codes: readonly string[]): string[] {
  const needles = [secret, secret.toLowerCase(), ...codes.flatMap((code) => [code, code.replace('-', ''), code.toUpperCase()])];
  const haystacks = [
    ...readdirSync(dataDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => ({
        name: join(entry.parentPath, entry.name),
        text: readFileSync(join(entry.parentPath, entry.name)).toString('latin1'),
      })),
    ...texts.map((text, index) => ({ name: `output ${index}`, text })),
  ];
  return haystacks.flatMap(({ name, text }) =>
    needles.filter((needle) => text.includes(needle)).map((needle) => `${needle.slice(0, 3)}… in ${name}`),
  );
}

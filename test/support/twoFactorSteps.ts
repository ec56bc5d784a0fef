import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { RecoveryCodeSet } from '../../src-shared/models';
import { TOTP_PERIOD_SECONDS } from '../../src-shared/twoFactorRules';
import { ADA, expectOk, type BackendHarness } from './backendHarness';
import { authenticatorCode } from './totpCodes';

export const STEP_MS = TOTP_PERIOD_SECONDS * 1000;

/** The authenticator's code `offsetSteps` time steps from the harness clock's now. */
export function codeAt(harness: BackendHarness, secret: string, offsetSteps = 0): Promise<string> {
  return authenticatorCode(secret, harness.clock.now() + offsetSteps * STEP_MS);
}

/** Creates ADA (signed in) and activates two-factor authentication, as the help article does it. */
export async function activateTwoFactor(harness: BackendHarness): Promise<{ secret: string; recoveryCodes: RecoveryCodeSet }> {
  expectOk(await harness.call('createAccount', ADA));
  const { enrollment } = expectOk(await harness.call('beginTwoFactorEnrollment', { password: ADA.password }));
  const code = await codeAt(harness, enrollment.secretKey);
  const { recoveryCodes } = expectOk(await harness.call('confirmTwoFactorEnrollment', { code }));
  return { secret: enrollment.secretKey, recoveryCodes };
}

/** Signs out, moves to the next time step (the activation code's step is used) and enters the password. */
export async function signInToChallenge(harness: BackendHarness): Promise<void> {
  expectOk(await harness.call('signOut', {}));
  harness.clock.advance(STEP_MS);
  const result = expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));
  if (!result.challenge) throw new Error('expected a two-factor challenge');
}

/** Reads straight from the SQLite file (tests only). */
export function queryDatabase<T>(harness: BackendHarness, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(harness.dataDir, 'gatehouse.db'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

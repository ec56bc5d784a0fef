/**
 * NIST SP 800-63B password screening (issue 11), through dispatch on the real SQLite file: a new
 * password that is common, predictable or built on the person's email, name or "Gatehouse" is
 * refused on create and on change with WEAK_PASSWORD and a fixed message naming the reason (never
 * the password), and nothing is stored; a password that predates screening still signs in.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { describeScreenedPassword, type ScreenedPasswordProblem } from '../../src-shared/passwordPolicy';
import type { Logger } from '../../src-main/core/logger';
import { emailKey } from '../../src-main/core/db/accountsRepository';
import { createScryptHasher } from '../../src-main/core/security/passwordHasher';
import { ADA, createBackendHarness, expectOk, TEST_SCRYPT, type BackendHarness } from '../support/backendHarness';
import { queryDatabase } from '../support/twoFactorSteps';
import { recordSecurityCheck } from '../support/securityCheck';

/** Refused for Ada Lovelace <ada@example.com>, each with its reason. */
const REFUSED: readonly [string, ScreenedPasswordProblem][] = [
  ['password1234', 'common'],
  ['iloveyou2024', 'common'],
  ['P@ssw0rd2024!', 'common'],
  ['qwertyuiop12', 'common'],
  ['111111111111', 'predictable'],
  ['abcdefghijklm', 'predictable'],
  ['Gatehouse2024!', 'contains-app-name'],
  ['MyGatehouse!!', 'contains-app-name'],
  ['ada@example.com', 'contains-email'],
  ['ada@example.com123', 'contains-email'],
  ['AdaLovelace1815', 'contains-name'],
  ['lovelace!lovelace', 'contains-name'],
];

function recordingLogger(lines: string[]): Logger {
  const record = (...parts: unknown[]) => void lines.push(parts.map(String).join(' '));
  return { info: record, warn: record, error: record };
}

describe('password screening through dispatch', () => {
  let harness: BackendHarness;
  afterEach(() => harness.cleanup());

  it('refuses each screened password on create and on change with its reason, and stores nothing', async (ctx) => {
    const logs: string[] = [];
    harness = createBackendHarness({ logger: recordingLogger(logs) });
    for (const [password, reason] of REFUSED) {
      const created = await harness.call('createAccount', { ...ADA, password });
      const message = describeScreenedPassword(reason);
      expect(created, password).toEqual({ ok: false, error: { code: 'WEAK_PASSWORD', message, fields: { password: message } } });
    }
    expect(queryDatabase(harness, 'SELECT id FROM accounts')).toEqual([]);

    expectOk(await harness.call('createAccount', ADA));
    for (const [password, reason] of REFUSED) {
      // Screening comes first: even with a wrong current password nothing is counted against the account.
      for (const currentPassword of [ADA.password, 'not the current password']) {
        const changed = await harness.call('changePassword', { currentPassword, newPassword: password });
        const message = describeScreenedPassword(reason);
        expect(changed, password).toEqual({ ok: false, error: { code: 'WEAK_PASSWORD', message, fields: { newPassword: message } } });
      }
    }
    expect(queryDatabase(harness, 'SELECT failed_sign_ins FROM accounts')).toEqual([{ failed_sign_ins: 0 }]);
    expect(queryDatabase(harness, "SELECT kind FROM security_events WHERE kind NOT IN ('account_created', 'signed_in')")).toEqual([]);
    expectOk(await harness.call('signOut', {}));
    expectOk(await harness.call('signIn', { email: ADA.email, password: ADA.password }));

    // Messages are fixed; the logs never carry a screened password either.
    for (const [password] of REFUSED) expect(logs.join('\n')).not.toContain(password);
    recordSecurityCheck(ctx, {
      area: 'Brute force and replay',
      check: 'new passwords screened (NIST SP 800-63B): common, predictable, context words',
      tried: REFUSED.length * 3,
      unit: 'passwords',
    });
  });

  it('accepts strong passwords, even with a context word in them', async () => {
    harness = createBackendHarness();
    expectOk(await harness.call('createAccount', { ...ADA, password: 'gatehouse keeps my forty-two secrets' }));
    expectOk(
      await harness.call('changePassword', {
        currentPassword: 'gatehouse keeps my forty-two secrets',
        newPassword: 'purple monkey dishwasher',
      }),
    );
  });

  it('never screens at sign-in: a password from before screening signs in, and can be changed', async (ctx) => {
    harness = createBackendHarness();
    const old = { name: 'Grace Hopper', email: 'grace@example.com', password: 'password1234' };
    const db = new Database(join(harness.dataDir, 'gatehouse.db'));
    db.prepare('INSERT INTO accounts (id, name, email, email_key, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      randomUUID(),
      old.name,
      old.email,
      emailKey(old.email),
      await createScryptHasher(TEST_SCRYPT).hash(old.password),
      Date.now(),
    );
    db.close();
    expectOk(await harness.call('signIn', { email: old.email, password: old.password }));
    expectOk(await harness.call('changePassword', { currentPassword: old.password, newPassword: 'cobol compiler 1959' }));
    expectOk(await harness.call('signOut', {}));
    expectOk(await harness.call('signIn', { email: old.email, password: 'cobol compiler 1959' }));
    recordSecurityCheck(ctx, { area: 'Brute force and replay', check: 'sign-in never screens a password', tried: 2, unit: 'sign-ins' });
  });
});

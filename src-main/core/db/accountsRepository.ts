import { domainToASCII } from 'node:url';
import type { Database } from 'better-sqlite3';
import type { AccountSummary } from '../../../src-shared/models';

export interface AccountRecord extends AccountSummary {
  readonly passwordHash: string;
  readonly createdAt: number;
  readonly failedSignIns: number;
  readonly lastFailedSignInAt: number | null;
}

interface AccountRow {
  id: string;
  name: string;
  email: string;
  password_hash: string;
  created_at: number;
  failed_sign_ins: number;
  last_failed_sign_in_at: number | null;
}

export interface NewAccount {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly passwordHash: string;
  readonly createdAt: number;
}

/**
 * The key under which an email is unique: case does not make a different address here, and an
 * internationalised domain is one domain whether typed in Unicode or in its ASCII (xn--) form,
 * which is how Chromium's email fields hand some of them over. ASCII domains are kept as typed
 * (lower-cased): the WHATWG host parser would read a numeric label as an IPv4 address.
 */
export function emailKey(email: string): string {
  const address = email.trim().normalize('NFC');
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  const asciiDomain = at > 0 && /[^\u0000-\u007f]/u.test(domain) ? domainToASCII(domain) : '';
  return (asciiDomain ? `${address.slice(0, at)}@${asciiDomain}` : address).toLowerCase();
}

const toRecord = (row: AccountRow): AccountRecord => ({
  id: row.id,
  name: row.name,
  email: row.email,
  passwordHash: row.password_hash,
  createdAt: row.created_at,
  failedSignIns: row.failed_sign_ins,
  lastFailedSignInAt: row.last_failed_sign_in_at,
});

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;

export function createAccountsRepository(db: Database) {
  const statements = {
    list: db.prepare<[], AccountSummary>('SELECT id, name, email FROM accounts ORDER BY created_at, id'),
    any: db.prepare<[], { found: number }>('SELECT EXISTS (SELECT 1 FROM accounts) AS found'),
    byId: db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE id = ?'),
    byEmail: db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE email_key = ?'),
    insert: db.prepare(
      `INSERT INTO accounts (id, name, email, email_key, password_hash, created_at)
       VALUES (@id, @name, @email, @emailKey, @passwordHash, @createdAt)`,
    ),
    rename: db.prepare<[string, string]>('UPDATE accounts SET name = ? WHERE id = ?'),
    changeEmail: db.prepare<[string, string, string]>('UPDATE accounts SET email = ?, email_key = ? WHERE id = ?'),
    delete: db.prepare<[string]>('DELETE FROM accounts WHERE id = ?'),
    recordDeletion: db.prepare<[string, number]>('INSERT OR IGNORE INTO deleted_accounts (account_id, deleted_at) VALUES (?, ?)'),
    deletedAt: db.prepare<[string], { deleted_at: number }>('SELECT deleted_at FROM deleted_accounts WHERE account_id = ?'),
    deleted: db.prepare<[], { account_id: string }>('SELECT account_id FROM deleted_accounts'),
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM accounts'),
    setPasswordHash: db.prepare<[string, string]>('UPDATE accounts SET password_hash = ? WHERE id = ?'),
    recordFailure: db.prepare<[number, string]>(
      'UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1, last_failed_sign_in_at = ? WHERE id = ?',
    ),
    clearFailures: db.prepare<[string]>('UPDATE accounts SET failed_sign_ins = 0, last_failed_sign_in_at = NULL WHERE id = ?'),
  };

  return {
    list: (): AccountSummary[] => statements.list.all(),
    /** Whether there is at least one account: one index probe, however many there are. */
    any: (): boolean => statements.any.get()?.found === 1,
    findById(id: string): AccountRecord | null {
      const row = statements.byId.get(id);
      return row ? toRecord(row) : null;
    },
    findByEmail(email: string): AccountRecord | null {
      const row = statements.byEmail.get(emailKey(email));
      return row ? toRecord(row) : null;
    },
    /** Throws SqliteError SQLITE_CONSTRAINT_UNIQUE when the email is taken. */
    insert(account: NewAccount): void {
      statements.insert.run({ ...account, emailKey: emailKey(account.email) });
    },
    rename: (id: string, name: string): void => void statements.rename.run(name, id),
    /** Throws SqliteError SQLITE_CONSTRAINT_UNIQUE when another account has the email (in any case). */
    changeEmail: (id: string, email: string): void => void statements.changeEmail.run(email, emailKey(email), id),
    /**
     * Deletes the account and, by cascade, its security log, two-factor row and recovery code hashes,
     * and records the deletion (see migration 007): call inside the deleting transaction.
     */
    delete(id: string, deletedAt: number): void {
      statements.delete.run(id);
      statements.recordDeletion.run(id, deletedAt);
    },
    /** When the account was deleted from this database, or null when it was not. */
    deletedAt: (id: string): number | null => statements.deletedAt.get(id)?.deleted_at ?? null,
    /** Every account deleted from this database. */
    deletedIds: (): string[] => statements.deleted.all().map((row) => row.account_id),
    count: (): number => statements.count.get()?.n ?? 0,
    setPasswordHash: (id: string, passwordHash: string): void => void statements.setPasswordHash.run(passwordHash, id),
    recordFailedSignIn: (id: string, at: number): void => void statements.recordFailure.run(at, id),
    clearFailedSignIns: (id: string): void => void statements.clearFailures.run(id),
  };
}

import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/migration';

export class DatabaseFromTheFutureError extends Error {
  override readonly name = 'DatabaseFromTheFutureError';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`database schema version ${found} is newer than the supported ${supported}`);
  }
}

/**
 * Brings the schema up to date in one transaction, tracked by PRAGMA user_version
 * (which SQLite rolls back with the transaction). A database written by a newer
 * Gatehouse is refused and left untouched.
 */
export function runMigrations(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new DatabaseFromTheFutureError(current, latest);
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return { from: current, to: current };

  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return { from: current, to: latest };
}

import type { Database } from 'better-sqlite3';

/** One schema step. Versions are consecutive; `up` runs inside the migration transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}

import type Database from 'better-sqlite3';
import { openDatabase } from '../../src-main/core/db/openDatabase';
import { makeDataDir } from './benchBackend';
import { rmSync } from 'node:fs';

export interface DurableCommit {
  /** Times one single-row UPDATE committed on its own: the cost of one durable write on this disk. */
  time(): number;
  close(): void;
}

/**
 * A scratch database opened by the app's own openDatabase (WAL, synchronous=FULL), for a floor:
 * every write transaction Gatehouse commits costs at least one of these (an fsync of the WAL).
 */
export function openDurableCommit(): DurableCommit {
  const dataDir = makeDataDir();
  const db: Database.Database = openDatabase(dataDir);
  db.exec('CREATE TABLE bench_scratch (id INTEGER PRIMARY KEY, n INTEGER NOT NULL); INSERT INTO bench_scratch VALUES (1, 0);');
  const update = db.prepare('UPDATE bench_scratch SET n = n + 1 WHERE id = 1');
  return {
    time() {
      const started = performance.now();
      update.run();
      return performance.now() - started;
    },
    close() {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

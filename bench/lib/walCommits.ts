import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE_NAME } from '../../src-main/core/db/openDatabase';

const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;

export interface WalCommitCounter {
  /** Checkpoints the WAL into the database and empties it: the next count starts from zero. */
  reset(): void;
  /** Transactions committed to the WAL since the last reset (frames that end a transaction). */
  count(): number;
  close(): void;
}

/**
 * Counts the durable commits the app makes, from its WAL file: every committed write transaction
 * appends frames, the last of which records the database size (the commit marker); with
 * synchronous=FULL each commit is one fsync. A second connection does the checkpoints, so the
 * app's own connection is untouched. Only for untimed checks: a checkpoint costs disk time.
 */
export function openWalCommitCounter(dataDir: string): WalCommitCounter {
  const file = join(dataDir, DATABASE_FILE_NAME);
  const db = new Database(file);
  return {
    reset() {
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (result?.busy) throw new Error('bench: could not checkpoint the WAL (busy)');
    },
    count() {
      const wal = `${file}-wal`;
      if (statSync(wal, { throwIfNoEntry: false }) === undefined) return 0;
      const bytes = readFileSync(wal);
      if (bytes.length < WAL_HEADER_BYTES) return 0;
      const pageSize = bytes.readUInt32BE(8);
      const salts = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
      let commits = 0;
      for (let at = WAL_HEADER_BYTES; at + FRAME_HEADER_BYTES + pageSize <= bytes.length; at += FRAME_HEADER_BYTES + pageSize) {
        // Frames from before the last reset carry other salts; the WAL is empty after TRUNCATE anyway.
        if (bytes.readUInt32BE(at + 8) !== salts[0] || bytes.readUInt32BE(at + 12) !== salts[1]) break;
        if (bytes.readUInt32BE(at + 4) !== 0) commits++;
      }
      return commits;
    },
    close() {
      db.close();
    },
  };
}

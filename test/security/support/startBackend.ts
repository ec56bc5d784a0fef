import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Clock } from '../../../src-main/core/clock';
import { DATABASE_FILE_NAME } from '../../../src-main/core/db/openDatabase';
import type { Logger } from '../../../src-main/core/logger';
import type { SecretStore } from '../../../src-main/core/secrets/secretStore';
import type { FakeDesktop } from '../../support/fakeDesktop';
import { openTestBackend } from '../../support/testBackend';
import { createMemorySecretStore } from '../../../src-main/core/secrets/memorySecretStore';

/** Starts the backend the way the app does (openBackend: check, back up, recover, compose), with cheap hashing. */
export function startBackend(
  dataDir: string,
  desktop: FakeDesktop,
  clock: Clock,
  secretStore: SecretStore = createMemorySecretStore(),
  logger?: Logger,
) {
  return openTestBackend({ dataDir, desktop: desktop.desktop, clock, secretStore, logger });
}

export const databaseFile = (dataDir: string): string => join(dataDir, DATABASE_FILE_NAME);

export const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A file's bytes and modification time, to prove it was left untouched. */
export const fingerprint = (file: string) => ({ sha256: sha256(file), mtimeMs: statSync(file).mtimeMs, size: statSync(file).size });

/** Account emails in a database file, read directly (read-only). */
export function emailsIn(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[], { email: string }>('SELECT email FROM accounts ORDER BY email')
      .all()
      .map((row) => row.email);
  } finally {
    db.close();
  }
}

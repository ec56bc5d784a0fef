import type { Database } from 'better-sqlite3';

/**
 * This data directory's installation id, created on first open. Keychain entries are
 * namespaced with it, because one OS keychain may serve many data directories.
 */
export function readInstallationId(db: Database, newId: () => string): string {
  db.prepare<[string]>("INSERT OR IGNORE INTO meta (key, value) VALUES ('installation_id', ?)").run(newId());
  return db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'installation_id'").get()!.value;
}

import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A file in the data directory saying that the database was restored from a backup and its
 * two-factor state has not been checked against the keychain witness yet (see restoreCheck): until
 * it has, nobody signs in. Written, durably, before the backup is put in place; removed once checked.
 */
export const restoreMarkerFile = (dataDir: string): string => join(dataDir, 'two-factor-check-pending');

export function markRestored(dataDir: string): void {
  const fd = openSync(restoreMarkerFile(dataDir), 'w', 0o600);
  try {
    writeSync(fd, 'The database was restored from a backup; its two-factor state is checked against the keychain before anyone signs in.\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

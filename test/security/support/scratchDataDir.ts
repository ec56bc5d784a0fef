import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh data directory for runs of thousands of sign-in steps. Each step is a durable SQLite
 * commit (synchronous = FULL), and on a shared disk the fsyncs, not the logic, would dominate the
 * run; on Linux the directory is on the RAM-backed /dev/shm, so the commits are real but cheap.
 * What the tests check — counters and locks surviving a close and reopen — does not depend on
 * the medium (durability on disk is the crash tests' job).
 */
export function scratchDataDir(prefix: string): string {
  const parent = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  return mkdtempSync(join(parent, `gatehouse-${prefix}-`));
}

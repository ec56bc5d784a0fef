/**
 * Automatic backups (issue 4, Faults): taken with SQLite's online backup API into
 * <dataDir>/backups (0700; files 0600), one right before migrating an existing database (none for
 * a brand-new or a newer one), at most one a day after start-up, the last three kept; a crash
 * mid-backup leaves nothing that looks complete; a damaged database is replaced by the newest
 * backup that passes its check, and the backup itself stays.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src-main/core/db/migrations';
import { SUPPORTED_DATABASE_VERSION } from '../../src-main/core/db/openDatabase';
import { runMigrations } from '../../src-main/core/db/runMigrations';
import { backupsFolder, PARTIAL_SUFFIX, readBackupFiles } from '../../src-main/core/storage/backupFiles';
import { checkDatabaseFile } from '../../src-main/core/storage/checkDatabaseFile';
import { DAILY_BACKUP_INTERVAL_MS, takeBackup } from '../../src-main/core/storage/takeBackup';
import { ADA, expectOk } from '../support/backendHarness';
import { createFakeClock } from '../support/fakeClock';
import { createFakeDesktop } from '../support/fakeDesktop';
import { recordSecurityCheck } from '../support/securityCheck';
import { databaseFile, emailsIn, sha256, startBackend } from './support/startBackend';

const HOUR = 60 * 60 * 1000;
const isPosix = process.platform !== 'win32';
const GRACE = { name: 'Grace Hopper', email: 'grace@example.com', password: 'cobol compiler 1959' } as const;

let root: string;
let dirs = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'gatehouse-backups-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function freshDataDir(): string {
  const dataDir = join(root, `data-${++dirs}`);
  mkdirSync(dataDir, { mode: 0o700 });
  return dataDir;
}

/** Starts, runs `work` on the backend, takes the daily backup if due, and closes: one app session. */
async function session(
  dataDir: string,
  clock: ReturnType<typeof createFakeClock>,
  work: (call: (op: string, payload: object) => Promise<unknown>) => Promise<void> = async () => {},
) {
  const desktop = createFakeDesktop();
  desktop.answerRecoveryWith('restore');
  const opened = await startBackend(dataDir, desktop, clock);
  if (!opened) throw new Error('expected the backend to start');
  await work((op, payload) => opened.backend.dispatch(op, payload));
  await opened.takeDailyBackup();
  await opened.backend.reconciled;
  opened.backend.close();
  return desktop;
}

const backupNames = (dataDir: string): string[] => readBackupFiles(backupsFolder(dataDir)).map((backup) => basename(backup.path));

describe('automatic backups', () => {
  it('daily, before a migration, last 3, and restore', async (ctx) => {
    let tried = 0;
    const clock = createFakeClock();

    // 1. A brand-new database gets no pre-migration backup; the first daily backup follows start-up.
    const dataDir = freshDataDir();
    await session(dataDir, clock, async (call) => {
      expect(existsSync(backupsFolder(dataDir))).toBe(false); // nothing before the daily backup
      expectOk((await call('createAccount', ADA)) as never);
    });
    expect(backupNames(dataDir)).toHaveLength(1);
    const [first] = readBackupFiles(backupsFolder(dataDir));
    expect(first!.takenAt).toBe(clock.now());
    expect(emailsIn(first!.path)).toEqual([ADA.email]);
    expect(checkDatabaseFile(first!.path, SUPPORTED_DATABASE_VERSION)).toEqual({ state: 'healthy', version: SUPPORTED_DATABASE_VERSION });
    // A self-contained file, private to this user, in a private folder.
    expect(new Database(first!.path, { readonly: true }).pragma('journal_mode', { simple: true })).toBe('delete');
    if (isPosix) {
      expect(statSync(backupsFolder(dataDir)).mode & 0o777).toBe(0o700);
      expect(statSync(first!.path).mode & 0o777).toBe(0o600);
    }
    tried++;

    // 2. At most daily: a second start 23 hours later takes none; 24 hours after the last one does.
    clock.advance(23 * HOUR);
    await session(dataDir, clock);
    expect(backupNames(dataDir)).toHaveLength(1);
    clock.advance(DAILY_BACKUP_INTERVAL_MS - 23 * HOUR);
    await session(dataDir, clock, async (call) => {
      expectOk((await call('signOut', {})) as never);
      expectOk((await call('createAccount', GRACE)) as never);
    });
    expect(backupNames(dataDir)).toHaveLength(2);
    tried += 2;

    // 3. The last three are kept: after five daily starts, the three newest remain.
    const takenAt: number[] = [first!.takenAt, clock.now()];
    for (let day = 0; day < 3; day++) {
      clock.advance(DAILY_BACKUP_INTERVAL_MS);
      await session(dataDir, clock);
      takenAt.push(clock.now());
      tried++;
    }
    expect(readBackupFiles(backupsFolder(dataDir)).map((backup) => backup.takenAt)).toEqual(takenAt.slice(-3).reverse());
    expect(readdirSync(backupsFolder(dataDir))).toHaveLength(3);

    // 4. Restore: the database is damaged; the newest backup that passes its check is offered and
    //    restored into a fresh file. A damaged newer backup is passed over; the restored backup stays as it was.
    const newest = readBackupFiles(backupsFolder(dataDir))[0]!;
    writeFileSync(newest.path, 'damaged backup');
    const offered = readBackupFiles(backupsFolder(dataDir))[1]!;
    const offeredHash = sha256(offered.path);
    writeFileSync(databaseFile(dataDir), Buffer.alloc(8192, 0xab));
    clock.advance(HOUR);
    const desktop = await session(dataDir, clock, async (call) => {
      const notice = (await call('getStartupNotice', {})) as { value: { notice: { movedTo: string; restoredFrom: number } } };
      expect(notice.value.notice.restoredFrom).toBe(offered.takenAt);
      expect(existsSync(notice.value.notice.movedTo)).toBe(true);
      expect(await call('listAccounts', {})).toMatchObject({
        ok: true,
        value: { accounts: [{ email: ADA.email }, { email: GRACE.email }] },
      });
    });
    expect(desktop.recoveryReports).toEqual([
      { movedTo: expect.stringContaining('gatehouse.db.damaged-'), newestBackup: { takenAt: offered.takenAt } },
    ]);
    expect(sha256(offered.path)).toBe(offeredHash);
    expect(checkDatabaseFile(databaseFile(dataDir), SUPPORTED_DATABASE_VERSION).state).toBe('healthy');
    tried++;

    // 5. Before a migration: an existing database one schema version behind is backed up first, as it was.
    const oldDir = freshDataDir();
    const old = new Database(databaseFile(oldDir));
    runMigrations(old, MIGRATIONS.slice(0, -1));
    old
      .prepare('INSERT INTO accounts (id, name, email, email_key, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run('a1', ADA.name, ADA.email, ADA.email, '$scrypt$x', 1);
    old.close();
    const migrationClock = createFakeClock();
    const opened = await startBackend(oldDir, createFakeDesktop(), migrationClock);
    const [preMigration] = readBackupFiles(backupsFolder(oldDir));
    expect(preMigration?.takenAt).toBe(migrationClock.now());
    expect(checkDatabaseFile(preMigration!.path, SUPPORTED_DATABASE_VERSION)).toEqual({
      state: 'healthy',
      version: SUPPORTED_DATABASE_VERSION - 1,
    });
    expect(emailsIn(preMigration!.path)).toEqual([ADA.email]);
    await opened!.takeDailyBackup(); // not due right after the pre-migration backup
    expect(backupNames(oldDir)).toHaveLength(1);
    await opened!.backend.reconciled;
    opened!.backend.close();
    expect(checkDatabaseFile(databaseFile(oldDir), SUPPORTED_DATABASE_VERSION)).toEqual({
      state: 'healthy',
      version: SUPPORTED_DATABASE_VERSION,
    });
    tried++;

    recordSecurityCheck(ctx, { area: 'Faults', check: 'backups: daily, before migration, last 3, restore', tried, unit: 'starts' });
  });

  it('a backup interrupted before it completes leaves only a partial file, never offered and cleaned up later', async () => {
    const dataDir = freshDataDir();
    const clock = createFakeClock();
    await session(dataDir, clock, async (call) => void expectOk((await call('createAccount', ADA)) as never));
    const folder = backupsFolder(dataDir);

    // While the online backup runs, only the partial name exists.
    const later = clock.now() + DAILY_BACKUP_INTERVAL_MS;
    const running = takeBackup(databaseFile(dataDir), dataDir, later);
    const inFlight = readdirSync(folder);
    expect(inFlight.filter((name) => name.endsWith(PARTIAL_SUFFIX))).toHaveLength(1);
    expect(readBackupFiles(folder)).toHaveLength(1); // the earlier backup only
    const done = await running;
    expect(readdirSync(folder).some((name) => name.endsWith(PARTIAL_SUFFIX))).toBe(false);

    // A crash at that moment would have left a partial file like this one: the next start neither offers nor keeps it.
    writeFileSync(`${done.path.replace('.db', '-crashed.db')}${PARTIAL_SUFFIX}`, 'half a backup');
    writeFileSync(databaseFile(dataDir), 'garbage');
    clock.set(later + DAILY_BACKUP_INTERVAL_MS);
    const desktop = await session(dataDir, clock);
    expect(desktop.recoveryReports[0]!.newestBackup).toEqual({ takenAt: done.takenAt });
    expect(readdirSync(folder).some((name) => name.endsWith(PARTIAL_SUFFIX))).toBe(false);
  });
});

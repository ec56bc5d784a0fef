/**
 * A damaged database at start-up (issue 4, Faults): a garbage file, truncated files and flipped
 * bytes in every page are detected (SQLITE_NOTADB, SQLITE_CORRUPT, PRAGMA quick_check), moved
 * aside under a new name with their bytes intact, and the person is asked and told where the file
 * went. Each case starts the backend the way the app does (openBackend).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../src-main/core/storage/checkDatabaseFile';
import { SUPPORTED_DATABASE_VERSION } from '../../src-main/core/db/openDatabase';
import { ADA, createBackendHarness, expectOk } from '../support/backendHarness';
import { createFakeClock } from '../support/fakeClock';
import { createFakeDesktop } from '../support/fakeDesktop';
import { recordSecurityCheck } from '../support/securityCheck';
import { databaseFile, emailsIn, sha256, startBackend } from './support/startBackend';

const PAGE_SIZE = 4096;
const BOB = { name: 'Bob Babbage', email: 'bob@example.com', password: 'difference engine 1822' } as const;

let root: string;
/** A healthy database with two accounts (WAL checkpointed into the file on close). */
let healthy: Buffer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gatehouse-damaged-'));
  const harness = createBackendHarness({ dataDir: join(root, 'template') });
  expectOk(await harness.call('createAccount', ADA));
  expectOk(await harness.call('signOut', {}));
  expectOk(await harness.call('createAccount', BOB));
  harness.backend.close();
  healthy = readFileSync(databaseFile(harness.dataDir));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every damaged file tried: a name and its bytes. */
function damagedFiles(): { name: string; bytes: Buffer }[] {
  const pages = healthy.length / PAGE_SIZE;
  const cases: { name: string; bytes: Buffer }[] = [
    { name: 'garbage: random bytes', bytes: randomBytes(5 * PAGE_SIZE) },
    { name: 'garbage: text', bytes: Buffer.from('not a database\n'.repeat(1000)) },
  ];
  for (const size of [100, PAGE_SIZE, 2 * PAGE_SIZE + 17, Math.floor(pages / 2) * PAGE_SIZE, healthy.length - PAGE_SIZE]) {
    cases.push({ name: `truncated to ${size} bytes`, bytes: healthy.subarray(0, size) });
  }
  for (let page = 0; page < pages; page++) {
    const bytes = Buffer.from(healthy);
    // The page's header (its b-tree header, or a freelist/overflow page's pointers): 16 bytes inverted.
    for (let i = 0; i < 16; i++) bytes[page * PAGE_SIZE + i]! ^= 0xff;
    cases.push({ name: `flipped bytes in page ${page + 1} of ${pages}`, bytes });
  }
  return cases;
}

describe('a damaged database at start-up', () => {
  it('is detected, moved aside byte for byte, and reported; Gatehouse then starts empty', async (ctx) => {
    const cases = damagedFiles();
    expect(healthy.length / PAGE_SIZE).toBeGreaterThan(10);
    let tried = 0;
    for (const { name, bytes } of cases) {
      const dataDir = join(root, `case-${tried}`);
      const file = databaseFile(dataDir);
      mkdirSync(dataDir, { mode: 0o700 });
      writeFileSync(file, bytes, { mode: 0o600 });
      expect(checkDatabaseFile(file, SUPPORTED_DATABASE_VERSION).state, name).toBe('damaged');

      const desktop = createFakeDesktop();
      desktop.answerRecoveryWith('start-empty');
      const opened = await startBackend(dataDir, desktop, createFakeClock());
      expect(opened, name).not.toBeNull();
      const backend = opened!.backend;

      // Asked once, told where the file went, offered no backup (there is none yet).
      expect(desktop.recoveryReports, name).toHaveLength(1);
      const [{ movedTo, newestBackup }] = desktop.recoveryReports as [(typeof desktop.recoveryReports)[0]];
      expect(newestBackup).toBeNull();
      expect(dirname(movedTo)).toBe(dataDir);
      expect(basename(movedTo)).toMatch(/^gatehouse\.db\.damaged-\d{8}T\d{9}Z$/);
      // Moved, never overwritten: the damaged bytes are all there under the new name.
      expect(readFileSync(movedTo).equals(bytes), name).toBe(true);

      // A fresh, healthy database took its place; the first screen says what happened.
      expect(await backend.dispatch('listAccounts', {})).toEqual({ ok: true, value: { accounts: [] } });
      expect(await backend.dispatch('getStartupNotice', {})).toEqual({ ok: true, value: { notice: { movedTo, restoredFrom: null } } });
      await backend.reconciled;
      backend.close();
      expect(checkDatabaseFile(file, SUPPORTED_DATABASE_VERSION).state).toBe('healthy');
      rmSync(dataDir, { recursive: true, force: true });
      tried++;
    }
    expect(tried).toBe(cases.length);
    recordSecurityCheck(ctx, {
      area: 'Faults',
      check: 'damaged database: garbage / truncated / flipped page bytes',
      tried,
      unit: 'damaged files',
    });
  });

  it('moves the -wal and -shm files along, the -wal intact, and never takes a name that exists', async () => {
    const dataDir = join(root, 'companions');
    mkdirSync(dataDir, { mode: 0o700 });
    const file = databaseFile(dataDir);
    writeFileSync(file, 'garbage');
    writeFileSync(`${file}-wal`, 'wal bytes');
    writeFileSync(`${file}-shm`, 'shm bytes');
    const clock = createFakeClock();
    // Something already has the name the move would take first: it must survive untouched.
    const firstName = `${file}.damaged-${new Date(clock.now()).toISOString().replace(/[-:]/g, '').replace('.', '')}`;
    writeFileSync(firstName, 'an earlier damaged file');
    const before = sha256(firstName);

    const desktop = createFakeDesktop();
    desktop.answerRecoveryWith('start-empty');
    const opened = await startBackend(dataDir, desktop, clock);
    const movedTo = desktop.recoveryReports[0]!.movedTo;
    expect(movedTo).toBe(`${firstName}-2`);
    expect(sha256(firstName)).toBe(before);
    expect(readFileSync(movedTo, 'utf8')).toBe('garbage');
    expect(readFileSync(`${movedTo}-wal`, 'utf8')).toBe('wal bytes');
    // The -shm is SQLite's shared-memory index of the WAL, rebuilt by whoever opens the file: it moves along, rebuilt.
    expect(existsSync(`${movedTo}-shm`)).toBe(true);
    await opened!.backend.reconciled;
    opened!.backend.close();
  });

  it('when the person chooses Quit, leaves the damaged file moved aside, creates no database, and asks again at the next start', async () => {
    const dataDir = join(root, 'quit');
    mkdirSync(dataDir, { mode: 0o700 });
    writeFileSync(databaseFile(dataDir), healthy.subarray(0, PAGE_SIZE + 1));
    const desktop = createFakeDesktop();
    desktop.answerRecoveryWith('quit');
    expect(await startBackend(dataDir, desktop, createFakeClock())).toBeNull();
    expect(existsSync(databaseFile(dataDir))).toBe(false);
    const movedTo = desktop.recoveryReports[0]!.movedTo;
    expect(readdirSync(dataDir)).toEqual([basename(movedTo)]);

    // The question was never answered: the next start asks it again about the same file, and only then starts empty.
    const again = createFakeDesktop();
    again.answerRecoveryWith('start-empty');
    const opened = await startBackend(dataDir, again, createFakeClock());
    expect(again.recoveryReports.map((report) => report.movedTo)).toEqual([movedTo]);
    expect(await opened!.backend.dispatch('getStartupNotice', {})).toEqual({
      ok: true,
      value: { notice: { movedTo, restoredFrom: null } },
    });
    await opened!.backend.reconciled;
    opened!.backend.close();

    // Answered once, the question is not asked again: the new database is there.
    const third = createFakeDesktop();
    const reopened = await startBackend(dataDir, third, createFakeClock());
    expect(third.recoveryReports).toEqual([]);
    await reopened!.backend.reconciled;
    reopened!.backend.close();
  });

  it('leaves a healthy database where it is, asks nothing and has no notice', async () => {
    const dataDir = join(root, 'healthy');
    mkdirSync(dataDir, { mode: 0o700 });
    writeFileSync(databaseFile(dataDir), healthy);
    const desktop = createFakeDesktop();
    const opened = await startBackend(dataDir, desktop, createFakeClock());
    expect(desktop.recoveryReports).toEqual([]);
    expect(await opened!.backend.dispatch('getStartupNotice', {})).toEqual({ ok: true, value: { notice: null } });
    expect(emailsIn(databaseFile(dataDir))).toEqual([ADA.email, BOB.email]);
    await opened!.backend.reconciled;
    opened!.backend.close();
  });

  it('on a first start with no data folder yet, creates it (owner only) and starts empty', async () => {
    const dataDir = join(root, 'first start', 'Gatehouse');
    const desktop = createFakeDesktop();
    const opened = await startBackend(dataDir, desktop, createFakeClock());
    expect(desktop.recoveryReports).toEqual([]);
    expect(await opened!.backend.dispatch('listAccounts', {})).toEqual({ ok: true, value: { accounts: [] } });
    if (process.platform !== 'win32') expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    await opened!.backend.reconciled;
    opened!.backend.close();
  });
});

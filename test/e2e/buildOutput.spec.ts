/**
 * Smoke test of the built Electron main bundle and preload (out/), which the Electron-free unit
 * tests never load. Where the Electron binary is missing, the main bundle runs under Node 24 with a
 * stand-in `electron` module: its start-up, its two externals (better-sqlite3, keytar), its IPC path
 * down to SQLite and the keychain, and its Electron desktop adapter (clipboard, save dialog, the
 * saved file) are real; only Electron itself is played by the stub.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { OPERATION_NAMES } from '../../src-shared/operations';
import { buildOutput, projectRoot } from './drivers/paths';

test('the preload bundle requires nothing but electron', () => {
  const preload = readFileSync(join(projectRoot, 'out/preload/index.cjs'), 'utf8');
  const required = [...preload.matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
  expect(required).toEqual(['electron']);
});

/**
 * Node's ESM loader cannot read inside app.asar, and everything but native modules belongs in the
 * bundle anyway: the main bundle (its entry and the chunks it loads lazily) may load only Electron,
 * Node's built-ins, the two native modules and its own chunks, each through CommonJS require
 * (keytar lazily). Checked in the files and in a run.
 */
const isOwnChunk = (name: string): boolean => /^\.\/chunks\/[\w.-]+\.js$/.test(name);
const mayLoad = (name: string): boolean => ['electron', 'better-sqlite3', 'keytar'].includes(name) || isBuiltin(name) || isOwnChunk(name);
const requiredBy = (code: string): Set<string> =>
  new Set([...code.matchAll(/\b[\w$]*require[\w$]*\(\s*["']([^"']+)["']\s*\)/gi)].map((match) => match[1]!));
const mainChunks = (): string[] => {
  const dir = join(projectRoot, 'out/main/chunks');
  return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
};

test('the main bundle requires only electron, Node built-ins, better-sqlite3 and keytar, with no ESM import()', () => {
  const main = readFileSync(buildOutput.main, 'utf8');
  const required = requiredBy(main);
  for (const code of [main, ...mainChunks().map((file) => readFileSync(file, 'utf8'))]) {
    expect(code).not.toMatch(/\bimport\(\s*[^\s)]/);
    expect([...requiredBy(code)].filter((name) => !mayLoad(name))).toEqual([]);
  }
  expect(required).toContain('better-sqlite3');
  expect(required).toContain('keytar');
  expect(required).toContain('electron');
});

test('the main bundle loads the password lists only when a password is screened, never at start-up', () => {
  const main = readFileSync(buildOutput.main, 'utf8');
  // The lists are bundled (never resolved from node_modules) into chunks of their own...
  expect(main).not.toMatch(/@zxcvbn-ts/);
  const listChunks = mainChunks().filter((file) => readFileSync(file, 'utf8').includes('@zxcvbn-ts/'));
  expect(listChunks.length).toBeGreaterThan(0);
  // ...which the entry requires only inside a deferred load (a lazy import() compiled to CommonJS).
  for (const file of listChunks) {
    const name = `./chunks/${basename(file)}`;
    const loads = [...main.matchAll(/(.{0,40})\brequire\(\s*["']([^"']+)["']\s*\)/g)].filter((match) => match[2] === name);
    expect(loads.length).toBeGreaterThan(0);
    for (const match of loads) expect(match[1]).toMatch(/\.then\(\s*\(\)\s*=>\s*$/);
  }
});

test('the main bundle starts, opens the data directory, serves IPC from the main frame only and uses the desktop adapter', () => {
  test.slow(); // two sign-ups' worth of scrypt in one process
  const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-bundle-'));
  const downloadsDir = mkdtempSync(join(tmpdir(), 'gatehouse-bundle-downloads-'));
  try {
    const run = spawnSync(
      process.execPath,
      ['-r', join(__dirname, 'buildOutput/electronStub.cjs'), join(projectRoot, 'out/main/index.js')],
      {
        cwd: projectRoot,
        env: { ...process.env, GATEHOUSE_DATA_DIR: dataDir, GATEHOUSE_STUB_DOWNLOADS: downloadsDir, XDG_CACHE_HOME: '' },
        encoding: 'utf8',
        timeout: 150_000, // a backstop: the stub gives up after 120 s, and a loaded machine makes scrypt slow
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!);

    expect(report.timedOut).toBeUndefined();
    // What the run loaded (keytar included: the enrollment below stores a secret).
    expect(report.mainBundleRequires.filter((name: string) => !mayLoad(name))).toEqual([]);
    expect(report.mainBundleRequires).toEqual(expect.arrayContaining(['electron', 'better-sqlite3', 'keytar']));
    expect(report.errorBox).toBeUndefined();
    expect(report.name).toBe('Gatehouse'); // packaged: the installed identity
    const paths = new Map<string, string>(report.setPath);
    expect(paths.get('userData')).toBe(dataDir);
    // Chromium's profile and crash dumps go to the cache folder, never into the data directory.
    expect(paths.get('sessionData')).toMatch(/^\/nonexistent\/home\/.+\/Gatehouse\/Chromium-[0-9a-f]{16}$/);
    expect(paths.get('crashDumps')).toBe(`${paths.get('sessionData')}/Crashpad`);
    expect(report.singleInstanceLock).toBe(1);
    expect(report.channels).toHaveLength(OPERATION_NAMES.length);
    expect([...report.channels].sort()).toEqual(OPERATION_NAMES.map((name) => `gatehouse:${name}`).sort());
    expect(report.windows).toHaveLength(1);
    expect(report.windows[0].webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(existsSync(report.windows[0].webPreferences.preload)).toBe(true);
    // Main read the (empty) database before the window: it opens straight on Create account.
    expect(report.loadedUrl).toBe('gatehouse://app/index.html#/create-account');
    expect(existsSync(join(buildOutput.rendererDir, 'index.html'))).toBe(true);

    expect(report.calls.listAccounts).toEqual({ ok: true, value: { accounts: [] } });
    expect(report.calls.fromSubFrame).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(report.calls.invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(existsSync(join(dataDir, 'gatehouse.db'))).toBe(true);

    // The desktop port, through the bundle's Electron adapter: copy the pending secret key…
    expect(report.calls.createAccount).toMatchObject({ ok: true });
    expect(report.calls.beginTwoFactorEnrollment).toMatchObject({ ok: true });
    const secretKey: string = report.calls.beginTwoFactorEnrollment.value.enrollment.secretKey;
    // Signed-in replies also carry the session's new expiry, through the real IPC registration (issue 14).
    const sessionExpiresAt = expect.any(Number);
    expect(report.calls.copySecretKey).toEqual({ ok: true, value: {}, sessionExpiresAt });
    expect(report.clipboardAfterCopy.replace(/\s+/g, '')).toBe(secretKey.replace(/\s+/g, ''));
    // In one write with the marks for clipboard managers (this platform's; see secretClipboardMarkers).
    expect(report.clipboardFormats).toContain('text/plain');
    expect(report.clipboardFormats.length).toBeGreaterThan(1);
    expect(
      report.clipboardFormats.every(
        (format: string) => format === 'text/plain' || format.startsWith('electron application/osclipboard;format='),
      ),
    ).toBe(true);
    // The window was created unprotected, and protected while the QR code and secret key were shown.
    expect(report.contentProtection[0]).toBe(false);
    expect(report.protectedDuringEnrollment).toBe(true);

    // …then save the recovery codes through the save dialog, and cancel the second one.
    expect(report.calls.confirmTwoFactorEnrollment).toMatchObject({ ok: true });
    const codes: string[] = report.calls.confirmTwoFactorEnrollment.value.recoveryCodes.codes.map((c: { code: string }) => c.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(report.calls.downloadSaved).toEqual({ ok: true, value: { saved: true, fileName: 'codes-from-the-stub.txt' }, sessionExpiresAt });
    expect(report.calls.downloadCancelled).toEqual({ ok: true, value: { saved: false }, sessionExpiresAt });
    expect(report.calls.markSecretsHidden).toEqual({ ok: true, value: {} });
    expect(report.protectedAfterHidden).toBe(false);
    // The About panel says where the data lives; closing the window saved its place in the data folder.
    expect(JSON.stringify(report.aboutPanel)).toContain(dataDir);
    expect(JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8'))).toEqual({
      x: 40,
      y: 30,
      width: 1000,
      height: 700,
      maximized: false,
    });
    expect(report.saveDialogs).toHaveLength(2);
    expect(report.saveDialogs[0].parentIsWindow).toBe(true);
    expect(report.saveDialogs[0].options.filters).toEqual([{ name: 'Text', extensions: ['txt'] }]);
    expect(report.saveDialogs[0].options.defaultPath).toMatch(/\.txt$/);
    const saved = join(downloadsDir, 'codes-from-the-stub.txt');
    const contents = readFileSync(saved, 'utf8');
    for (const code of codes) expect(contents).toContain(code);
    if (process.platform !== 'win32') expect(statSync(saved).mode & 0o777).toBe(0o600);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(downloadsDir, { recursive: true, force: true });
  }
});

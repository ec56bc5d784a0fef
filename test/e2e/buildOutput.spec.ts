/**
 * Smoke test of the built Electron main bundle and preload (out/), which the Electron-free unit
 * tests never load. Where the Electron binary is missing, the main bundle runs under Node 24 with a
 * stand-in `electron` module: its start-up, its externals (better-sqlite3, valibot, keytar, otplib,
 * qrcode), its IPC path down to SQLite and the keychain, and its Electron desktop adapter
 * (clipboard, save dialog, the saved file) are real; only Electron itself is played by the stub.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { OPERATION_NAMES } from '../../src-shared/operations';
import { buildOutput, projectRoot } from './drivers/paths';

test('the preload bundle requires nothing but electron', () => {
  const preload = readFileSync(join(projectRoot, 'out/preload/index.cjs'), 'utf8');
  const required = [...preload.matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
  expect(required).toEqual(['electron']);
});

test('the main bundle loads the password lists only when a password is screened, never at start-up', () => {
  const main = readFileSync(join(projectRoot, 'out/main/index.js'), 'utf8');
  const zxcvbn = [...main.matchAll(/\b(require|import)\(\s*["'](@zxcvbn-ts\/[^"']+)["']\s*\)|\bfrom\s*["'](@zxcvbn-ts\/[^"']+)["']/g)];
  expect(zxcvbn.map((match) => `${match[1] ?? 'static import'} ${match[2] ?? match[3]}`).sort()).toEqual([
    'import @zxcvbn-ts/core',
    'import @zxcvbn-ts/language-common',
  ]);
});

test('the main bundle starts, opens the data directory, serves IPC from the main frame only and uses the desktop adapter', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-bundle-'));
  const downloadsDir = mkdtempSync(join(tmpdir(), 'gatehouse-bundle-downloads-'));
  try {
    const run = spawnSync(
      process.execPath,
      ['-r', join(__dirname, 'buildOutput/electronStub.cjs'), join(projectRoot, 'out/main/index.js')],
      {
        cwd: projectRoot,
        env: { ...process.env, GATEHOUSE_DATA_DIR: dataDir, GATEHOUSE_STUB_DOWNLOADS: downloadsDir },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!);

    expect(report.timedOut).toBeUndefined();
    expect(report.errorBox).toBeUndefined();
    expect(report.setPath).toEqual([['userData', dataDir]]);
    expect(report.singleInstanceLock).toBe(1);
    expect(report.channels).toHaveLength(OPERATION_NAMES.length);
    expect([...report.channels].sort()).toEqual(OPERATION_NAMES.map((name) => `gatehouse:${name}`).sort());
    expect(report.windows).toHaveLength(1);
    expect(report.windows[0].webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(existsSync(report.windows[0].webPreferences.preload)).toBe(true);
    expect(report.loadedUrl).toBe('gatehouse://app/index.html');
    expect(existsSync(join(buildOutput.rendererDir, 'index.html'))).toBe(true);

    expect(report.calls.listAccounts).toEqual({ ok: true, value: { accounts: [] } });
    expect(report.calls.fromSubFrame).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(report.calls.invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(existsSync(join(dataDir, 'gatehouse.db'))).toBe(true);

    // The desktop port, through the bundle's Electron adapter: copy the pending secret key…
    expect(report.calls.createAccount).toMatchObject({ ok: true });
    expect(report.calls.beginTwoFactorEnrollment).toMatchObject({ ok: true });
    const secretKey: string = report.calls.beginTwoFactorEnrollment.value.enrollment.secretKey;
    expect(report.calls.copySecretKey).toEqual({ ok: true, value: {} });
    expect(report.clipboardAfterCopy.replace(/\s+/g, '')).toBe(secretKey.replace(/\s+/g, ''));

    // …then save the recovery codes through the save dialog, and cancel the second one.
    expect(report.calls.confirmTwoFactorEnrollment).toMatchObject({ ok: true });
    const codes: string[] = report.calls.confirmTwoFactorEnrollment.value.recoveryCodes.codes.map((c: { code: string }) => c.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(report.calls.downloadSaved).toEqual({ ok: true, value: { saved: true, fileName: 'codes-from-the-stub.txt' } });
    expect(report.calls.downloadCancelled).toEqual({ ok: true, value: { saved: false } });
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

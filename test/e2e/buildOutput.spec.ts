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
    expect(report.calls.copySecretKey).toEqual({ ok: true, value: {} });
    expect(report.clipboardAfterCopy.replace(/\s+/g, '')).toBe(secretKey.replace(/\s+/g, ''));
    // In one write with the marks for clipboard managers (this platform's; see secretClipboardMarkers).
    expect(report.clipboardFormats).toContain('text/plain');
    expect(report.clipboardFormats.length).toBeGreaterThan(1);
    expect(report.clipboardFormats.every((format: string) => format === 'text/plain' || format.startsWith('electron application/osclipboard;format='))).toBe(true);
    // The window was created unprotected, and protected while the QR code and secret key were shown.
    expect(report.contentProtection[0]).toBe(false);
    expect(report.protectedDuringEnrollment).toBe(true);

    // …then save the recovery codes through the save dialog, and cancel the second one.
    expect(report.calls.confirmTwoFactorEnrollment).toMatchObject({ ok: true });
    const codes: string[] = report.calls.confirmTwoFactorEnrollment.value.recoveryCodes.codes.map((c: { code: string }) => c.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(report.calls.downloadSaved).toEqual({ ok: true, value: { saved: true, fileName: 'codes-from-the-stub.txt' } });
    expect(report.calls.downloadCancelled).toEqual({ ok: true, value: { saved: false } });
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

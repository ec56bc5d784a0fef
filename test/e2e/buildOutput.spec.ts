/**
 * Smoke test of the built Electron main bundle and preload (out/), which the Electron-free unit
 * tests never load. Where the Electron binary is missing, the main bundle runs under Node 24 with a
 * stand-in `electron` module: its start-up, its externals (better-sqlite3, valibot) and its IPC
 * path down to SQLite are real.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

test('the main bundle starts, opens the data directory and serves IPC from the main frame only', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-bundle-'));
  try {
    const run = spawnSync(
      process.execPath,
      ['-r', join(__dirname, 'buildOutput/electronStub.cjs'), join(projectRoot, 'out/main/index.js')],
      { cwd: projectRoot, env: { ...process.env, GATEHOUSE_DATA_DIR: dataDir }, encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!);

    expect(report.timedOut).toBeUndefined();
    expect(report.errorBox).toBeUndefined();
    expect(report.setPath).toEqual([['userData', dataDir]]);
    expect(report.singleInstanceLock).toBe(1);
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
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/**
 * `npm start` (scripts/start.mjs) and the Electron-binary helper it shares with the e2e
 * harness, run against a throwaway project with a fake electron-vite and a fake Electron.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const projectRoot = resolve(__dirname, '..', '..', '..');
const helper = createRequire(__filename)(join(projectRoot, 'scripts', 'electron-binary.cjs')) as {
  electronBinaryStatus(options?: { projectDir?: string; env?: NodeJS.ProcessEnv; platform?: string }):
    | { ok: true; path: string }
    | { ok: false; missing: string; electronVersion: string | null };
  electronBinaryPath(options?: { projectDir?: string; env?: NodeJS.ProcessEnv; platform?: string }): string | null;
  missingElectronBinaryMessage(status?: unknown): string;
};

const FAKE_ELECTRON = `#!/bin/sh
echo "$@" > "$FAKE_LOG_DIR/electron-args"
env > "$FAKE_LOG_DIR/electron-env"
if [ -n "$FAKE_WAIT_FOR_TERM" ]; then
  trap 'echo term > "$FAKE_LOG_DIR/electron-term"; exit 0' TERM
  touch "$FAKE_LOG_DIR/electron-started"
  while true; do sleep 0.05; done
fi
exit \${FAKE_ELECTRON_EXIT:-0}
`;

const FAKE_ELECTRON_VITE = `require('node:fs').writeFileSync(require('node:path').join(process.env.FAKE_LOG_DIR, 'built'), process.argv.slice(2).join(' '));
process.exit(Number(process.env.FAKE_BUILD_EXIT ?? 0));
`;

let project: string;
let logs: string;

function install(electronBinary: boolean): void {
  const electronDir = join(project, 'node_modules', 'electron');
  mkdirSync(electronDir, { recursive: true });
  writeFileSync(join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  if (electronBinary) {
    mkdirSync(join(electronDir, 'dist'));
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    writeFileSync(join(electronDir, 'dist', 'electron'), FAKE_ELECTRON);
    chmodSync(join(electronDir, 'dist', 'electron'), 0o755);
  }
}

function runStart(env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(project, 'scripts', 'start.mjs')], {
    cwd: project,
    env: { ...process.env, FAKE_LOG_DIR: logs, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'gatehouse-start-'));
  logs = join(project, 'logs');
  mkdirSync(logs);
  mkdirSync(join(project, 'scripts'));
  for (const file of ['start.mjs', 'electron-binary.cjs']) {
    copyFileSync(join(projectRoot, 'scripts', file), join(project, 'scripts', file));
  }
  const viteDir = join(project, 'node_modules', 'electron-vite');
  mkdirSync(join(viteDir, 'bin'), { recursive: true });
  writeFileSync(join(viteDir, 'package.json'), JSON.stringify({ name: 'electron-vite', version: '0.0.0' }));
  writeFileSync(join(viteDir, 'bin', 'electron-vite.js'), FAKE_ELECTRON_VITE);
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('npm start', () => {
  it('explains a missing Electron binary and exits 1, without a stack trace or a build', () => {
    install(false);
    const run = runStart();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the Electron runtime binary is not installed');
    expect(run.stderr).toContain('Missing: node_modules/electron/path.txt');
    expect(run.stderr).toContain('download failed or was blocked');
    expect(run.stderr).toContain('node node_modules/electron/install.js');
    expect(run.stderr).toContain('ELECTRON_MIRROR');
    expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(run.stderr).toContain('Run `npm start` again');
    expect(run.stderr).toContain('`npm test` still works');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(logs, 'built'))).toBe(false);
  });

  it('names the missing executable when path.txt exists but dist does not', () => {
    install(false);
    writeFileSync(join(project, 'node_modules', 'electron', 'path.txt'), 'electron');
    const run = runStart();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Missing: node_modules/electron/dist/electron');
  });

  it('builds, then runs Electron on the project and forwards its exit code', () => {
    install(true);
    const run = runStart({ FAKE_ELECTRON_EXIT: '42', ELECTRON_RUN_AS_NODE: '1', ELECTRON_RENDERER_URL: 'http://x' });
    expect(run.status).toBe(42);
    expect(readFileSync(join(logs, 'built'), 'utf8')).toBe('build');
    expect(readFileSync(join(logs, 'electron-args'), 'utf8').trim()).toBe(project);
    const env = readFileSync(join(logs, 'electron-env'), 'utf8');
    expect(env).not.toMatch(/^ELECTRON_RUN_AS_NODE=/m);
    expect(env).not.toMatch(/^ELECTRON_RENDERER_URL=/m);
  });

  it('does not start Electron when the build fails', () => {
    install(true);
    const run = runStart({ FAKE_BUILD_EXIT: '3' });
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('the build failed');
    expect(existsSync(join(logs, 'electron-args'))).toBe(false);
  });

  it('passes SIGTERM on to Electron and exits as Electron does', async () => {
    install(true);
    const child = spawn(process.execPath, [join(project, 'scripts', 'start.mjs')], {
      cwd: project,
      env: { ...process.env, FAKE_LOG_DIR: logs, FAKE_WAIT_FOR_TERM: '1' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    // Until Electron has started, however long a loaded machine takes (the test's timeout is the hang guard).
    while (!existsSync(join(logs, 'electron-started'))) await new Promise((wait) => setTimeout(wait, 25));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(readFileSync(join(logs, 'electron-term'), 'utf8').trim()).toBe('term');
  });
});

describe('electron-binary helper', () => {
  it('finds nothing on a project without the binary', () => {
    install(false);
    expect(helper.electronBinaryPath({ projectDir: project, env: {} })).toBeNull();
  });

  it('finds dist/<path.txt>', () => {
    install(true);
    expect(helper.electronBinaryPath({ projectDir: project, env: {} })).toBe(
      join(project, 'node_modules', 'electron', 'dist', 'electron'),
    );
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    install(false);
    const override = join(project, 'custom-dist');
    mkdirSync(override);
    const options = { projectDir: project, env: { ELECTRON_OVERRIDE_DIST_PATH: override }, platform: 'linux' };
    expect(helper.electronBinaryStatus(options)).toMatchObject({ ok: false });
    writeFileSync(join(override, 'electron'), '');
    expect(helper.electronBinaryPath(options)).toBe(join(override, 'electron'));
  });

  it('reports a missing electron package', () => {
    const status = helper.electronBinaryStatus({ projectDir: project, env: {} });
    expect(status).toMatchObject({ ok: false });
    expect(helper.missingElectronBinaryMessage(status)).toContain('the electron package');
  });
});

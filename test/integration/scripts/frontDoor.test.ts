/**
 * The front door: `npm start` (scripts/start.mjs) and `npm run dev` (scripts/dev.mjs) run for real
 * in a throwaway copy of the project, with the real electron-vite build and dev server. Only the
 * process boundary is stubbed: the electron package's installer (it would download Electron) and the
 * Electron executable (a stand-in that records how it was launched and which identity the built app
 * takes). See ./frontDoor/.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createThrowawayProject, type ThrowawayProject } from './frontDoor/throwawayProject';

/** What the stand-in Electron wrote about one launch. */
interface Launch {
  executable: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  setName: string[];
  setPath: [string, string][];
  keychainServices: string[];
  appExit?: number;
  gotSigterm?: boolean;
  devServer?: { status: number; csp: string | null };
}

const BUILD_TIMEOUT = 180_000;
const STACK_FRAME = /^\s+at\s/m;

let project: ThrowawayProject;
let logs: string;
let home: string;

beforeAll(() => {
  project = createThrowawayProject();
});
afterAll(() => project?.dispose());

beforeEach(() => {
  logs = mkdtempSync(join(tmpdir(), 'gatehouse-front-door-logs-'));
  home = join(logs, 'home');
  mkdirSync(home);
  rmSync(join(project.dir, 'out'), { recursive: true, force: true });
  return () => rmSync(logs, { recursive: true, force: true });
});

function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, FAKE_LOG_DIR: logs, FAKE_STANDIN: project.standIn, ...extra };
  for (const name of ['XDG_CACHE_HOME', 'ELECTRON_MIRROR', 'ELECTRON_OVERRIDE_DIST_PATH', 'ELECTRON_EXEC_PATH', 'ELECTRON_RENDERER_URL']) {
    if (!(name in extra)) delete env[name];
  }
  return env;
}

function run(script: 'start.mjs' | 'dev.mjs', extra: Record<string, string> = {}, args: string[] = []): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(project.dir, 'scripts', script), ...args], {
    cwd: project.dir,
    env: environment(extra),
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT - 10_000,
  });
}

const installerRuns = (): { cwd: string; mirror: string | null }[] =>
  existsSync(join(logs, 'installer.jsonl'))
    ? readFileSync(join(logs, 'installer.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
    : [];

const launches = (): Launch[] =>
  readdirSync(logs)
    .filter((name) => /^launch-\d+\.json$/.test(name))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(logs, name), 'utf8')) as Launch);

const built = (): boolean => existsSync(join(project.dir, 'out', 'main', 'index.js'));

/** The app the stand-in loaded took the development identity: its name, data folder, cache folder and keychain service. */
function expectDevelopmentIdentity(launch: Launch): void {
  expect(launch.appExit).toBeUndefined();
  expect(launch.setName).toEqual(['Gatehouse Dev']);
  const paths = new Map(launch.setPath);
  expect(paths.get('userData')).toBe(join(home, '.config', 'Gatehouse Dev'));
  expect(paths.get('sessionData')).toBe(join(home, '.cache', 'Gatehouse Dev', 'Chromium'));
  // This data directory's own service: "Gatehouse Dev <installation id>".
  expect(launch.keychainServices[0]).toMatch(/^Gatehouse Dev [0-9a-f-]{36}$/);
}

describe.skipIf(process.platform === 'win32')('npm start', () => {
  it(
    'with the runtime installed: builds, launches Electron on the project with the arguments, without ELECTRON_RUN_AS_NODE, as "Gatehouse Dev"',
    { timeout: BUILD_TIMEOUT },
    () => {
      project.installRuntime();
      const result = run(
        'start.mjs',
        { FAKE_ELECTRON_EXIT: '42', ELECTRON_RUN_AS_NODE: '1', ELECTRON_RENDERER_URL: 'http://localhost:1/' },
        ['--trace-warnings'],
      );
      expect(result.status, result.stderr).toBe(42);
      expect(installerRuns()).toEqual([]);
      expect(built()).toBe(true);
      const [launch, ...more] = launches();
      expect(more).toEqual([]);
      expect(launch!.executable).toBe(join(project.electronPackage, 'dist', 'electron'));
      expect(launch!.args).toEqual([project.dir, '--trace-warnings']);
      expect(launch!.env).not.toHaveProperty('ELECTRON_RUN_AS_NODE');
      expect(launch!.env).not.toHaveProperty('ELECTRON_RENDERER_URL');
      expectDevelopmentIdentity(launch!);
    },
  );

  it(
    "without the runtime: runs the electron package's installer once (with the caller's ELECTRON_MIRROR), then builds and launches",
    { timeout: BUILD_TIMEOUT },
    () => {
      project.removeRuntime();
      const mirror = 'https://mirror.example/electron/';
      const result = run('start.mjs', { FAKE_INSTALLER: 'succeed', ELECTRON_MIRROR: mirror });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain(
        `downloading Electron 45.5.0 for ${process.platform}-${process.arch} from ELECTRON_MIRROR (${mirror}), once (about 100 MB)`,
      );
      expect(installerRuns()).toEqual([{ cwd: project.dir, mirror }]);
      expect(built()).toBe(true);
      const [launch] = launches();
      expect(launch!.executable).toBe(join(project.electronPackage, 'dist', 'electron'));
      expectDevelopmentIdentity(launch!);
    },
  );

  it("when the installer fails: says what is missing, the installer's reason and what to do; exit 1, no stack trace, no build", () => {
    project.removeRuntime();
    const result = run('start.mjs', { FAKE_INSTALLER: 'fail' });
    expect(result.status).toBe(1);
    expect(installerRuns()).toHaveLength(1);
    expect(result.stderr).toContain("Gatehouse can't start: the Electron runtime is not installed");
    expect(result.stderr).toContain('Missing: node_modules/electron/path.txt and the runtime in node_modules/electron/dist');
    expect(result.stderr).toContain('Tried:   downloading Electron 45.5.0 for');
    expect(result.stderr).toContain('Reason:  RequestError: getaddrinfo ENOTFOUND github.com');
    expect(result.stderr).toContain('ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start');
    expect(result.stderr).toContain('ELECTRON_GET_USE_PROXY=1 HTTPS_PROXY=');
    expect(result.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH=/path/to/its/folder npm start');
    expect(result.stderr).toContain('`npm test` does not need the runtime');
    expect(`${result.stdout}\n${result.stderr}`).not.toMatch(STACK_FRAME);
    expect(built()).toBe(false);
    expect(launches()).toEqual([]);
  });

  it(
    'with ELECTRON_OVERRIDE_DIST_PATH: launches the executable there, never the installer, and passes SIGTERM on',
    { timeout: BUILD_TIMEOUT },
    async () => {
      project.removeRuntime();
      const child = spawn(process.execPath, [join(project.dir, 'scripts', 'start.mjs')], {
        cwd: project.dir,
        env: environment({ ELECTRON_OVERRIDE_DIST_PATH: join(project.standIn, '..'), FAKE_WAIT_FOR_TERM: '1', FAKE_INSTALLER: 'fail' }),
        stdio: 'ignore',
      });
      let running = true;
      const exited = new Promise<number | null>((done) =>
        child.on('exit', (code) => {
          running = false;
          done(code);
        }),
      );
      await expect.poll(() => !running || existsSync(join(logs, 'waiting')), { timeout: BUILD_TIMEOUT - 20_000 }).toBe(true);
      expect(running).toBe(true);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(installerRuns()).toEqual([]);
      const [launch] = launches();
      expect(launch!.executable).toBe(project.standIn);
      expect(launch!.gotSigterm).toBe(true);
    },
  );

  it('does not launch Electron when the build fails', () => {
    project.installRuntime();
    const config = join(project.dir, 'electron.vite.config.ts');
    const original = readFileSync(config, 'utf8');
    writeFileSync(config, "throw new Error('a broken build config');\n");
    try {
      const result = run('start.mjs');
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('Gatehouse was not started: the build failed');
      expect(launches()).toEqual([]);
    } finally {
      writeFileSync(config, original);
    }
  });
});

describe.skipIf(process.platform === 'win32')('npm run dev', () => {
  it(
    'installs the runtime like npm start, then runs electron-vite dev: the dev server with hot reload, Electron as "Gatehouse Dev"',
    { timeout: BUILD_TIMEOUT },
    () => {
      project.removeRuntime();
      const result = run('dev.mjs', { FAKE_INSTALLER: 'succeed', ELECTRON_RUN_AS_NODE: '1' });
      expect(result.status, result.stderr).toBe(0);
      expect(installerRuns()).toHaveLength(1);
      const [launch] = launches();
      expect(launch!.executable).toBe(join(project.electronPackage, 'dist', 'electron'));
      expect(launch!.cwd).toBe(project.dir);
      expect(launch!.env).not.toHaveProperty('ELECTRON_RUN_AS_NODE');
      const devServer = new URL(launch!.env.ELECTRON_RENDERER_URL!);
      expect(devServer.hostname).toBe('localhost');
      expectDevelopmentIdentity(launch!);

      // The page is served, and its CSP lets Vite inject styles and reach its own WebSocket; nothing else loosens.
      expect(launch!.devServer?.status).toBe(200);
      const csp = launch!.devServer?.csp ?? '';
      expect(csp).toContain(`connect-src 'self' ws://localhost:${devServer.port}`);
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("default-src 'none'");
    },
  );

  it('when the installer fails: the same message for `npm run dev`, exit 1, no stack trace', () => {
    project.removeRuntime();
    const result = run('dev.mjs', { FAKE_INSTALLER: 'fail' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Reason:  RequestError: getaddrinfo ENOTFOUND github.com');
    expect(result.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH=/path/to/its/folder npm run dev');
    expect(`${result.stdout}\n${result.stderr}`).not.toMatch(STACK_FRAME);
    expect(launches()).toEqual([]);
  });
});

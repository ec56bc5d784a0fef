/**
 * The packaged app, built by the real `npm run dist:dir` path (scripts/dist.mjs → electron-builder
 * with electron-builder.cjs) against a stand-in Electron distribution (./packaging/standInElectron.ts):
 * the contents rule file by file, the packaged main bundle started under Node 24 with the stand-in
 * electron module (./buildOutput/electronStub.cjs, as in buildOutput.spec.ts) on the packaged
 * node_modules down to SQLite and the keychain, and the fuses read back from the packaged executable
 * with @electron/fuses, for the release and the testable build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { expect, test } from '@playwright/test';
import { OPERATION_NAMES } from '../../src-shared/operations';
import { buildOutput, projectRoot } from './drivers/paths';
import { packageOf, violationsOf, type PackagedFile } from './packaging/packagedContents';
import { ELECTRON_45_DEFAULT_FUSES, makeStandInElectronDist, standInBuilderOptions } from './packaging/standInElectron';

const load = createRequire(__filename);
const builderConfig = load(join(projectRoot, 'electron-builder.cjs')) as {
  createConfig(options: { testable: boolean; env?: NodeJS.ProcessEnv }): Record<string, unknown> & {
    productName: string;
    executableName: string;
    electronFuses: Record<string, unknown>;
  };
  RELEASE_FUSES: Record<string, boolean>;
  TESTABLE_FUSES: Record<string, boolean>;
};
const { runtimeDependencies } = load(join(projectRoot, 'scripts/packaging/runtimeDependencies.cjs')) as {
  runtimeDependencies(projectDir: string, mainBundle: string): { externals: string[]; neededNames: string[] };
};

/** electron-builder's fuse option names, in @electron/fuses' FuseV1Options order (the wire's). */
const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
  'wasmTrapHandlers',
] as const;

interface PackagedApp {
  readonly workDir: string;
  readonly resourcesDir: string;
  readonly executable: string;
}

/** `npm run dist:dir` minus the app build (the suite built it): scripts/dist.mjs --dir against the stand-in. */
function buildPackage(variant: 'release' | 'testable'): PackagedApp {
  const workDir = mkdtempSync(join(tmpdir(), `gatehouse-package-${variant}-`));
  const electronDist = makeStandInElectronDist(join(workDir, 'stand-in-electron'));
  const output = join(workDir, 'dist');
  const env = { ...process.env };
  for (const name of ['GATEHOUSE_TESTABLE', 'CSC_LINK', 'CSC_NAME', 'WIN_CSC_LINK', 'APPLE_ID', 'APPLE_API_KEY', 'APPLE_KEYCHAIN_PROFILE'])
    delete env[name];
  const run = spawnSync(
    process.execPath,
    [
      join(projectRoot, 'scripts/dist.mjs'),
      '--dir',
      ...(variant === 'testable' ? ['--testable'] : []),
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${output}`,
      ...standInBuilderOptions(),
    ],
    { cwd: projectRoot, env, encoding: 'utf8', timeout: 600_000 },
  );
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  const resourcesDir = findResources(output);
  const id = builderConfig.createConfig({ testable: variant === 'testable' });
  const executable =
    process.platform === 'darwin'
      ? join(resourcesDir, '..', '..')
      : join(resourcesDir, '..', process.platform === 'win32' ? `${id.productName}.exe` : id.executableName);
  return { workDir, resourcesDir, executable };
}

function findResources(dir: string): string {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.name === 'app.asar' && entry.isFile()) return entry.parentPath;
  }
  throw new Error(`no app.asar under ${dir}`);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

function directorySize(dir: string): number {
  return walk(dir).reduce((total, file) => total + statSync(join(dir, file)).size, 0);
}

/** Every file of app.asar, extracted to `dest` together with app.asar.unpacked. */
async function extractPackage(resourcesDir: string, dest: string): Promise<PackagedFile[]> {
  const asar = await import('@electron/asar');
  asar.extractAll(join(resourcesDir, 'app.asar'), dest); // reads the unpacked files from app.asar.unpacked
  return walk(dest).map((path) => ({
    path,
    unpacked: existsSync(join(resourcesDir, 'app.asar.unpacked', path)),
    extractedPath: join(dest, path),
  }));
}

async function readFuses(executable: string): Promise<string> {
  const { getCurrentFuseWire } = await import('@electron/fuses');
  const wire = (await getCurrentFuseWire(executable)) as unknown as Record<string, number>;
  return FUSE_ORDER.map((_, index) => String.fromCharCode(wire[index]!)).join('');
}

/** The wire the configuration asks for: Electron 45's defaults with the configured fuses flipped. */
function expectedWire(fuses: Record<string, boolean>): string {
  return FUSE_ORDER.map((name, index) => (name in fuses ? (fuses[name] ? '1' : '0') : ELECTRON_45_DEFAULT_FUSES[index])).join('');
}

test.describe('the packaged app (electron-builder --dir, stand-in Electron)', () => {
  test.setTimeout(1_200_000);

  test('release: only what the app loads, native binaries unpacked, it starts on the packaged tree, fuses flipped', async () => {
    const packaged = buildPackage('release');
    const extracted = join(packaged.workDir, 'extracted');
    const dataDir = join(packaged.workDir, 'data');
    const downloadsDir = join(packaged.workDir, 'downloads');
    mkdirSync(downloadsDir);
    mkdirSync(dataDir);
    try {
      // resources/ holds the app and nothing of Electron's (its demo app default_app.asar is dropped).
      expect(
        readdirSync(packaged.resourcesDir)
          .filter((name) => name.startsWith('app') || name.endsWith('.asar'))
          .sort(),
      ).toEqual(['app.asar', 'app.asar.unpacked']);
      const files = await extractPackage(packaged.resourcesDir, extracted);
      // Derived, not listed: the production dependencies the built bundle still requires, with theirs.
      const { externals, neededNames } = runtimeDependencies(projectRoot, buildOutput.main);
      expect(externals).toEqual(expect.arrayContaining(['better-sqlite3', 'keytar']));
      const expectedPackages = new Set(neededNames);

      const violations = files.flatMap((file) =>
        violationsOf(file, expectedPackages, process.platform, process.arch).map((why) => `${file.path}: ${why}`),
      );
      expect(violations).toEqual([]);
      const packagedPackages = new Set(files.map((file) => packageOf(file.path)).filter((name) => name !== null));
      expect([...packagedPackages].sort()).toEqual([...expectedPackages].sort());
      expect(files.map((file) => file.path)).toEqual(
        expect.arrayContaining(['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']),
      );
      expect(files.filter((file) => file.path.endsWith('.node')).length).toBeGreaterThanOrEqual(2); // better-sqlite3, keytar
      // The app itself (app.asar and its unpacked binaries), whatever Electron adds around it.
      const appBytes =
        statSync(join(packaged.resourcesDir, 'app.asar')).size + directorySize(join(packaged.resourcesDir, 'app.asar.unpacked'));
      expect(appBytes).toBeLessThanOrEqual(15_000_000);

      const manifest = JSON.parse(readFileSync(join(extracted, 'package.json'), 'utf8'));
      expect(manifest).toMatchObject({ productName: 'Gatehouse', main: 'out/main/index.js' });
      expect(manifest.devDependencies).toBeUndefined();

      // The packaged main bundle, on the packaged node_modules, under Node 24 with the stand-in electron module.
      const loadedList = join(packaged.workDir, 'loaded.json');
      const run = spawnSync(
        process.execPath,
        [
          '-r',
          join(__dirname, 'buildOutput/electronStub.cjs'),
          '-r',
          join(__dirname, 'packaging/loadRecorder.cjs'),
          join(extracted, 'out/main/index.js'),
        ],
        {
          cwd: packaged.workDir,
          env: {
            ...process.env,
            GATEHOUSE_DATA_DIR: dataDir,
            GATEHOUSE_STUB_DOWNLOADS: downloadsDir,
            GATEHOUSE_LOADED_FILES: loadedList,
          },
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
      expect(report.timedOut).toBeUndefined();
      expect(report.errorBox).toBeUndefined();
      expect([...report.channels].sort()).toEqual(OPERATION_NAMES.map((name) => `gatehouse:${name}`).sort());
      expect(report.calls.listAccounts).toEqual({ ok: true, value: { accounts: [] } }); // SQLite
      expect(report.calls.createAccount).toMatchObject({ ok: true });
      expect(report.calls.beginTwoFactorEnrollment).toMatchObject({ ok: true }); // keytar on the private Secret Service
      expect(report.calls.confirmTwoFactorEnrollment).toMatchObject({ ok: true });
      expect(existsSync(join(dataDir, 'gatehouse.db'))).toBe(true);

      // Nothing packaged that the app did not load (the stub's own otplib comes from the project, not the package).
      const loaded: string[] = JSON.parse(readFileSync(loadedList, 'utf8'));
      const loadedFromPackage = loaded
        .filter((file) => file.startsWith(extracted + sep))
        .map((file) => relative(extracted, file).split(sep).join('/'));
      const loadedPackages = new Set(loadedFromPackage.map(packageOf).filter((name) => name !== null));
      expect([...loadedPackages].sort()).toEqual([...packagedPackages].sort());

      expect(await readFuses(packaged.executable)).toBe(expectedWire(builderConfig.RELEASE_FUSES));
    } finally {
      rmSync(packaged.workDir, { recursive: true, force: true });
    }
  });

  test('testable: differs from the release only in EnableNodeCliInspectArguments and says "testable" in its name', async () => {
    const release = builderConfig.createConfig({ testable: false, env: {} });
    const testable = builderConfig.createConfig({ testable: true, env: {} });
    const { enableNodeCliInspectArguments: releaseInspect, ...releaseRest } = release.electronFuses;
    const { enableNodeCliInspectArguments: testableInspect, ...testableRest } = testable.electronFuses;
    expect([releaseInspect, testableInspect]).toEqual([false, true]);
    expect(testableRest).toEqual(releaseRest);
    // Only names change otherwise, each saying "testable", so it installs beside the release.
    const differing = Object.keys(release).filter((key) => JSON.stringify(release[key]) !== JSON.stringify(testable[key]));
    expect(differing.sort()).toEqual(
      ['appId', 'deb', 'dmg', 'electronFuses', 'executableName', 'extraMetadata', 'linux', 'mac', 'nsis', 'productName', 'win'].sort(),
    );
    for (const key of differing.filter((key) => key !== 'electronFuses')) {
      const withoutNames = (value: unknown) =>
        JSON.stringify(value)
          .replace(/Gatehouse \(testable\)|gatehouse-testable|\.testable|-testable/g, '')
          .replace(/Gatehouse|gatehouse/g, '');
      expect(withoutNames(testable[key]), key).toBe(withoutNames(release[key]));
    }

    const packaged = buildPackage('testable');
    try {
      const extracted = join(packaged.workDir, 'extracted');
      await extractPackage(packaged.resourcesDir, extracted);
      const manifest = JSON.parse(readFileSync(join(extracted, 'package.json'), 'utf8'));
      expect(manifest.productName).toBe('Gatehouse (testable)');
      const wire = await readFuses(packaged.executable);
      expect(wire).toBe(expectedWire(builderConfig.TESTABLE_FUSES));
      const releaseWire = expectedWire(builderConfig.RELEASE_FUSES);
      const differingFuses = FUSE_ORDER.filter((_, index) => wire[index] !== releaseWire[index]);
      expect(differingFuses).toEqual(['enableNodeCliInspectArguments']);
    } finally {
      rmSync(packaged.workDir, { recursive: true, force: true });
    }
  });

  test('npm run dist stops with a clear message when what electron-builder must download is out of reach', () => {
    // Port 9 on this machine: nothing listens, so the check fails at once instead of timing out.
    const unreachable = 'http://127.0.0.1:9/';
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: unreachable, ELECTRON_BUILDER_BINARIES_MIRROR: unreachable };
    delete env.GATEHOUSE_DIST_SKIP_NETWORK_CHECK;
    const run = spawnSync(process.execPath, [join(projectRoot, 'scripts/dist.mjs')], {
      cwd: projectRoot,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Gatehouse installers were not built');
    expect(run.stderr).toContain('127.0.0.1:9 cannot be reached');
    expect(run.stderr).toContain('ELECTRON_BUILDER_BINARIES_MIRROR');
    expect(run.stdout).not.toContain('electron-builder  version'); // it never started
  });
});

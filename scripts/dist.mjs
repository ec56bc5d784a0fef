// `npm run dist` / `npm run dist:dir`: Gatehouse's installers (or the unpacked app) for this OS with
// electron-builder (configuration: electron-builder.cjs). The npm scripts build the app first.
//
//   node scripts/dist.mjs [--dir] [--testable] [electron-builder options…]
//
// --testable (or GATEHOUSE_TESTABLE=1) builds the testable variant. Before electron-builder starts,
// this script says what it will have to download and stops with a clear message when that host is
// out of reach, instead of letting a download fail or hang half-way through.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { electronBinaryStatus } = require('./electron-binary.cjs');
const { signingCredentials } = require('../electron-builder.cjs');

const ELECTRON_HOST = 'https://github.com/electron/electron/releases/download/';
const BUILDER_BINARIES_HOST = 'https://github.com/electron-userland/electron-builder-binaries/releases/download/';
const PLATFORMS = {
  linux: { flag: '--linux', installers: 'AppImage and deb', tools: 'the AppImage and fpm tools' },
  win32: { flag: '--win', installers: 'NSIS installer', tools: 'NSIS' },
  darwin: { flag: '--mac', installers: 'dmg and zip (arm64 and x64)', tools: 'the dmg tools' },
};

function fail(message) {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { dir: false, testable: false, passThrough: [] };
  for (const arg of argv) {
    if (arg === '--dir') options.dir = true;
    else if (arg === '--testable') options.testable = true;
    else options.passThrough.push(arg);
  }
  return options;
}

/** Any HTTP answer means the host is reachable; a DNS failure, refusal or 10 s of silence means not. */
async function reachable(url) {
  try {
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    return true;
  } catch {
    return false;
  }
}

/** An installed Electron runtime for this machine (same version as node_modules/electron), if any. */
function localElectronDist() {
  const status = electronBinaryStatus({ projectDir });
  if (!status.ok) return null;
  // The executable's folder, or for macOS the folder holding Electron.app.
  return process.platform === 'darwin' ? resolve(status.path, '..', '..', '..', '..') : dirname(status.path);
}

async function checkDownloads({ dir, electronDist }) {
  const platform = PLATFORMS[process.platform];
  const needs = [];
  if (!electronDist)
    needs.push({ what: 'the Electron runtime for packaging', url: process.env.ELECTRON_MIRROR || ELECTRON_HOST, env: 'ELECTRON_MIRROR' });
  if (!dir)
    needs.push({
      what: platform.tools,
      url: process.env.ELECTRON_BUILDER_BINARIES_MIRROR || BUILDER_BINARIES_HOST,
      env: 'ELECTRON_BUILDER_BINARIES_MIRROR',
    });
  if (needs.length === 0 || process.env.GATEHOUSE_DIST_SKIP_NETWORK_CHECK === '1') return;

  const unreachable = [];
  for (const need of needs) if (!(await reachable(need.url))) unreachable.push(need);
  if (unreachable.length === 0) return;
  fail(
    [
      `Gatehouse installers were not built: electron-builder has to download ${unreachable.map((n) => n.what).join(' and ')},`,
      `and ${[...new Set(unreachable.map((n) => new URL(n.url).host))].join(', ')} cannot be reached from this machine.`,
      '',
      'To build them:',
      '  - run `npm run dist` on a machine with that access (CI does: .github/workflows/ci.yml), or',
      `  - point ${unreachable.map((n) => n.env).join(' / ')} at a mirror you can reach, or`,
      "  - if electron-builder's cache already holds them, set GATEHOUSE_DIST_SKIP_NETWORK_CHECK=1.",
      dir
        ? '`npm run dist:dir` needs no download once the Electron runtime is installed (`npx --no install-electron`).'
        : 'Offline, `npm run dist:dir` builds the unpacked app when the Electron runtime is installed (`npx --no install-electron`).',
    ].join('\n'),
  );
}

function reportSigning() {
  const signing = signingCredentials();
  const lines = {
    linux: ['Signing: Linux packages are not signed (AppImage and deb carry no signature).'],
    win32: [
      signing.windows
        ? 'Signing: Authenticode with the certificate in WIN_CSC_LINK/CSC_LINK.'
        : 'Signing: none — the installer will be UNSIGNED (set WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD to sign).',
    ],
    darwin: [
      signing.mac
        ? 'Signing: Developer ID certificate from CSC_LINK/CSC_NAME, hardened runtime.'
        : 'Signing: none found in CSC_LINK/CSC_NAME — the app will be UNSIGNED unless electron-builder finds a Developer ID identity in the keychain.',
      signing.notarize
        ? 'Notarisation: with the Apple credentials in the environment.'
        : 'Notarisation: skipped (set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER, or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID).',
    ],
  };
  for (const line of lines[process.platform] ?? []) process.stdout.write(`${line}\n`);
}

function directorySize(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? directorySize(path) : statSync(path).size;
  }
  return total;
}

function reportUnpacked(outputDir) {
  if (!existsSync(outputDir)) return;
  for (const name of readdirSync(outputDir)) {
    const candidates = [
      join(outputDir, name, 'resources'),
      ...(name.startsWith('mac')
        ? readdirSync(join(outputDir, name))
            .filter((n) => n.endsWith('.app'))
            .map((app) => join(outputDir, name, app, 'Contents', 'Resources'))
        : []),
    ];
    for (const resources of candidates) {
      if (!existsSync(join(resources, 'app.asar'))) continue;
      const megabytes = (directorySize(resources) / 1e6).toFixed(1);
      const shown = resources.startsWith(projectDir) ? relative(projectDir, resources) : resources;
      process.stdout.write(`Unpacked app: ${shown} is ${megabytes} MB.\n`);
    }
  }
}

async function main() {
  const platform = PLATFORMS[process.platform];
  if (!platform) fail(`npm run dist: electron-builder builds Gatehouse on Linux, Windows and macOS, not on ${process.platform}.`);
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(projectDir, 'out', 'main', 'index.js')))
    fail('npm run dist: the app is not built (out/main/index.js is missing). Run `npm run build` first.');

  const env = { ...process.env };
  if (options.testable) env.GATEHOUSE_TESTABLE = '1';
  const testable = env.GATEHOUSE_TESTABLE === '1' || env.GATEHOUSE_TESTABLE === 'true';

  const args = [require.resolve('electron-builder/cli.js'), '--config', 'electron-builder.cjs', platform.flag];
  if (options.dir) args.push('--dir');
  const givenDist = options.passThrough.some((arg) => arg.startsWith('-c.electronDist') || arg.startsWith('--config.electronDist'));
  // Linux and Windows package one architecture, the host's: an installed runtime saves the download.
  const electronDist = givenDist ? 'given' : process.platform === 'darwin' ? null : localElectronDist();
  if (electronDist && !givenDist) args.push(`-c.electronDist=${electronDist}`);
  args.push(...options.passThrough);

  await checkDownloads({ dir: options.dir, electronDist });
  process.stdout.write(
    `Building Gatehouse${testable ? ' (testable: EnableNodeCliInspectArguments on, for Playwright)' : ''}: ${options.dir ? 'the unpacked app' : platform.installers}.\n`,
  );
  if (!options.dir) reportSigning();

  const run = spawnSync(process.execPath, args, { cwd: projectDir, env, stdio: 'inherit' });
  if (process.platform === 'darwin' && !options.dir) {
    // electron-builder rebuilt keytar for each architecture in place: put the host's binary back.
    spawnSync('npm', ['rebuild', 'keytar'], { cwd: projectDir, stdio: 'inherit' });
  }
  if (run.status !== 0) fail(`electron-builder failed (exit ${run.status ?? run.signal}); see its output above.`);
  const output = options.passThrough.find((arg) => arg.startsWith('-c.directories.output='))?.split('=')[1] ?? join(projectDir, 'dist');
  reportUnpacked(resolve(projectDir, output));
}

main().catch((error) => fail(`npm run dist failed: ${error instanceof Error ? error.message : String(error)}`));

'use strict';
/**
 * electron-builder configuration: Gatehouse's installers for Windows, macOS and Linux.
 * Run it through `npm run dist` / `npm run dist:dir` (scripts/dist.mjs), which build the app first
 * and explain what is missing before electron-builder would try a download that cannot work.
 *
 * Two variants, from this one file:
 * - release (default): the hardened build people install;
 * - testable (GATEHOUSE_TESTABLE=1, or `npm run dist -- --testable`): the same build with
 *   EnableNodeCliInspectArguments left on, because Playwright's Electron driver attaches through
 *   --inspect (Playwright docs, "Known issues"). Its name says so ("Gatehouse (testable)": the window
 *   list, the About panel, the installer, the data folder) and it installs beside the release, never
 *   over it. Nothing else differs: same files, same other fuses, same signing.
 *
 * Everything here is checked by test/e2e/packaging.spec.ts against a stand-in Electron.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runtimeDependencies } = require('./scripts/packaging/runtimeDependencies.cjs');
const { renderIcons } = require('./scripts/packaging/renderIcons.cjs');

const PROJECT_DIR = __dirname;
const MAIN_BUNDLE = path.join(PROJECT_DIR, 'out', 'main', 'index.js');

/**
 * Electron's fuses, flipped in the executable after packing and before signing. Checked against
 * Electron 45's docs/tutorial/fuses.md; the defaults are those of build/fuses/fuses.json5.
 */
const RELEASE_FUSES = {
  // ELECTRON_RUN_AS_NODE would turn the signed executable into a general Node.js interpreter.
  runAsNode: false,
  // Chromium's cookie store encrypted with the OS key (Keychain / DPAPI / Secret Service). Gatehouse
  // sets no cookies, but the profile should hold nothing in plaintext. Default: off.
  enableCookieEncryption: true,
  // NODE_OPTIONS (and NODE_EXTRA_CA_CERTS) could inject code at start-up.
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk / SIGUSR1 would open a debugger on the main process, keys and all.
  enableNodeCliInspectArguments: false,
  // app.asar checked against the hash in the signed executable (macOS and Windows). Default: off.
  enableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar is loaded, never a loose resources/app folder planted beside it. Default: off.
  onlyLoadAppFromAsar: true,
  // The app serves its files from gatehouse:// and never loads file://, so file: pages get no extra rights.
  grantFileProtocolExtraPrivileges: false,
  // Not set (Electron's defaults kept): loadBrowserProcessSpecificV8Snapshot (no custom snapshot)
  // and wasmTrapHandlers (newer than the @electron/fuses electron-builder uses; default on is right).
};

/** The testable build differs from the release in this fuse and nothing else. */
const TESTABLE_FUSES = { ...RELEASE_FUSES, enableNodeCliInspectArguments: true };

/** True when the testable variant is asked for (scripts/dist.mjs sets it for --testable). */
function isTestable(env = process.env) {
  return env.GATEHOUSE_TESTABLE === '1' || env.GATEHOUSE_TESTABLE === 'true';
}

/** Names that tell the two variants apart wherever people see or the OS keys them. */
function identity(testable) {
  return testable
    ? {
        appId: 'app.gatehouse.desktop.testable',
        productName: 'Gatehouse (testable)',
        executableName: 'gatehouse-testable',
        fileTag: '-testable',
      }
    : { appId: 'app.gatehouse.desktop', productName: 'Gatehouse', executableName: 'gatehouse', fileTag: '' };
}

/**
 * Negative `files` patterns for node_modules (electron-builder applies only exclusions there):
 * the packages the app does not load at run time, and within those it loads, everything that is
 * not code: sources, build leftovers, docs, types, source maps and other platforms' binaries.
 */
function nodeModuleExclusions() {
  const { unneeded, binFiles } = fs.existsSync(MAIN_BUNDLE)
    ? runtimeDependencies(PROJECT_DIR, MAIN_BUNDLE)
    : { unneeded: [], binFiles: [] };
  return [
    ...unneeded.map((name) => `!**/node_modules/${name}{,/**}`),
    ...binFiles.map((file) => `!**/node_modules/${file}`),
    // Native modules: keep the loader and build/Release/*.node; drop C/C++ sources and gyp output.
    '!**/node_modules/**/{src,deps,include}/**/*.{c,cc,cpp,cxx,h,hh,hpp,gyp,gypi,patch,sh}',
    '!**/node_modules/*/deps{,/**}',
    '!**/node_modules/*/build/{Makefile,config.gypi,*.Makefile,*.mk}',
    '!**/node_modules/*/build/Release/{.deps,obj,obj.target}{,/**}',
    '!**/node_modules/*/{binding.gyp,*.gypi}',
    // Prebuilt binaries: only the target's (${platform}-${arch} is expanded per target by electron-builder).
    '!**/node_modules/**/prebuilds/!(${platform}-${arch}|${platform}-${arch}.node){,/**}',
    // Docs, types, maps and tests. Licence files stay: the licences require them.
    '!**/node_modules/**/!(LICENSE*|LICENCE*|license*|licence*).{md,markdown}',
    '!**/node_modules/**/{README,CHANGELOG,HISTORY,AUTHORS,CONTRIBUTING}{,.*}',
    '!**/node_modules/**/{docs,doc,test,tests,__tests__,example,examples,benchmark,benchmarks,coverage}{,/**}',
    '!**/node_modules/**/.*',
    '!**/node_modules/**/*.{map,ts,mts,cts,tsbuildinfo}',
  ];
}

/** One Linux size set from the single source image (crisp at every size), plus the large PNG. */
let renderedIcons = null;
function icons() {
  if (renderedIcons) return renderedIcons;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-icons-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  renderedIcons = renderIcons(path.join(PROJECT_DIR, 'build', 'icon.svg'), dir);
  return renderedIcons;
}

/**
 * Electron's own demo app (resources/default_app.asar) ships in its distribution; electron-builder
 * drops it only from a runtime it downloaded itself, not from an installed one given as electronDist.
 */
function removeDefaultApp({ appOutDir, packager }) {
  const resources = packager.getResourcesDir(appOutDir);
  fs.rmSync(path.join(resources, 'default_app.asar'), { force: true });
}

/** Whether signing credentials are in the environment (scripts/dist.mjs reports the outcome). */
function signingCredentials(env = process.env) {
  return {
    mac: Boolean(env.CSC_LINK || env.CSC_NAME),
    notarize: Boolean(
      (env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) ||
      (env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER) ||
      env.APPLE_KEYCHAIN_PROFILE,
    ),
    windows: Boolean(env.WIN_CSC_LINK || env.CSC_LINK),
  };
}

/** @param {{ testable?: boolean, env?: NodeJS.ProcessEnv }} [options] */
function createConfig({ testable = isTestable(), env = process.env } = {}) {
  const id = identity(testable);
  const signing = signingCredentials(env);
  const artifact = (os) => `gatehouse${id.fileTag}-\${version}-${os}-\${arch}.\${ext}`;

  /** @type {import('electron-builder').Configuration} */
  return {
    appId: id.appId,
    productName: id.productName,
    executableName: id.executableName,
    copyright: 'Copyright © 2026 The Gatehouse authors',
    // The packaged package.json: Electron takes the app's name (app.getName(), the About panel,
    // the default data folder) from productName, and the Linux window's app_id from desktopName;
    // electron-builder names the per-user install folder on Windows after `name`, and the Windows
    // version info's company after `author`.
    extraMetadata: {
      name: id.executableName,
      productName: id.productName,
      desktopName: `${id.executableName}.desktop`,
      author: { name: 'The Gatehouse authors' },
    },

    directories: { output: 'dist', buildResources: 'build' },
    // app.asar: the build output and package.json (always added); node_modules as filtered below.
    files: ['out/main/**', 'out/preload/**', 'out/renderer/**', '!**/*.map', ...nodeModuleExclusions()],
    // Native code cannot be loaded from inside an archive: unpack the binaries, and only them.
    asar: { smartUnpack: false },
    asarUnpack: ['**/*.node'],
    // The native modules are Node-API (better-sqlite3's prebuilds, keytar's binary): what npm installed
    // for this machine runs in Electron as is, so Linux and Windows (one architecture, the host's)
    // rebuild nothing and need no compiler. macOS builds arm64 and x64 from one machine, so there
    // electron-builder rebuilds per architecture: keytar fetches its prebuilt binary for it, and
    // better-sqlite3's binding.gyp builds nothing because its prebuilds cover both (scripts/dist.mjs
    // puts the host's keytar binary back afterwards).
    npmRebuild: process.platform === 'darwin',
    afterExtract: removeDefaultApp,
    electronFuses: {
      ...(testable ? TESTABLE_FUSES : RELEASE_FUSES),
      // Flipping fuses breaks Electron's ad-hoc signature; Apple Silicon refuses to start an unsigned
      // binary, so an unsigned build is re-signed ad hoc. A signed build is signed properly after this.
      resetAdHocDarwinSignature: !signing.mac,
    },

    linux: {
      target: ['AppImage', 'deb'],
      icon: icons().linuxDir,
      category: 'Utility',
      synopsis: 'Local accounts with two-factor authentication',
      maintainer: 'The Gatehouse authors',
      vendor: 'The Gatehouse authors',
      desktop: { entry: { Categories: 'Utility;Security;', Keywords: 'password;2fa;totp;authenticator;' } },
      artifactName: artifact('linux'),
    },
    deb: {
      packageName: id.executableName,
      // Electron's runtime libraries (electron-builder's list, with the t64 names of current Debian
      // and Ubuntu), and libsecret, through which keytar reaches the Secret Service.
      depends: [
        'libgtk-3-0 | libgtk-3-0t64',
        'libnotify4',
        'libnss3',
        'libxss1',
        'libxtst6',
        'xdg-utils',
        'libatspi2.0-0 | libatspi2.0-0t64',
        'libuuid1',
        'libsecret-1-0',
      ],
      // A Secret Service to keep the two-factor secrets in; desktops without one get an error on enrolment.
      recommends: ['gnome-keyring'],
      // electron-builder's after-install script sets chrome-sandbox 4755 where unprivileged user
      // namespaces are unavailable and 0755 elsewhere, as Electron requires.
      artifactName: `gatehouse${id.fileTag}_\${version}_\${arch}.\${ext}`,
    },

    win: {
      target: [{ target: 'nsis', arch: ['x64'] }],
      icon: icons().png256,
      // Authenticode: electron-builder signs when WIN_CSC_LINK/CSC_LINK (a .pfx file or base64) and
      // WIN_CSC_KEY_PASSWORD/CSC_KEY_PASSWORD are set; without them it builds unsigned.
      artifactName: artifact('windows'),
    },
    nsis: {
      // Per user, into %LOCALAPPDATA%\Programs: no administrator rights, ever.
      oneClick: true,
      perMachine: false,
      allowElevation: false,
      // The database and backups stay (README, "Uninstall"): removing them is the person's choice.
      deleteAppDataOnUninstall: false,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: id.productName,
      uninstallDisplayName: id.productName,
    },

    mac: {
      target: [
        { target: 'dmg', arch: ['arm64', 'x64'] },
        { target: 'zip', arch: ['arm64', 'x64'] },
      ],
      icon: icons().png1024,
      category: 'public.app-category.utilities',
      // Hardened runtime with the one entitlement Electron needs (V8's JIT), for app and helpers.
      hardenedRuntime: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
      // Signs with CSC_LINK/CSC_KEY_PASSWORD (or CSC_NAME from the keychain) when set; notarises with
      // APPLE_API_KEY/APPLE_API_KEY_ID/APPLE_API_ISSUER or APPLE_ID/APPLE_APP_SPECIFIC_PASSWORD/
      // APPLE_TEAM_ID when set. Without them: unsigned, not notarised (scripts/dist.mjs says so).
      notarize: signing.notarize,
      artifactName: artifact('mac'),
    },
    dmg: { artifactName: artifact('mac') },
  };
}

/** electron-builder calls the exported function for the configuration. */
module.exports = () => createConfig();
Object.assign(module.exports, { createConfig, identity, isTestable, signingCredentials, RELEASE_FUSES, TESTABLE_FUSES });

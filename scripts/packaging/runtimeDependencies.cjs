'use strict';
/**
 * Which installed packages the packaged app needs at run time, derived from package.json and the
 * built main bundle rather than listed by hand: a production dependency the bundler inlined (say a
 * pure-JavaScript library) is not needed, one the bundle still loads (the native modules) is, with
 * its own dependencies — minus the packages that only compile or download a native binary at
 * install time. Used by electron-builder.cjs to leave the rest out, and by the packaging test.
 */
const fs = require('node:fs');
const path = require('node:path');
const { builtinModules } = require('node:module');

/**
 * Needed only while a native module is installed, never loaded by it at run time.
 * - prebuild-install: keytar's install script downloads its prebuilt binary with it.
 * - node-addon-api, node-gyp: C++ headers and the compiler driver for building from source.
 * - yargs: qrcode's command-line interface; the library itself never requires it.
 */
const BUILD_TIME_ONLY = ['prebuild-install', 'node-addon-api', 'node-gyp', 'yargs'];

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The production dependencies a built bundle still loads at run time: every `f("name")` call with a
 * single string naming one (require, import(), or a createRequire()'d require), whatever the bundler
 * called the function. Inlined code has no such call.
 */
function bundleExternals(bundleSource, dependencyNames) {
  const wanted = new Set(dependencyNames);
  const found = new Set();
  for (const match of bundleSource.matchAll(/[\w$)]\s*\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
    const name = packageNameOf(match[1]);
    if (wanted.has(name) && !builtinModules.includes(name)) found.add(name);
  }
  return [...found].sort();
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Node's lookup: the nearest node_modules/<name> from `fromDir` upwards, or null. */
function resolvePackageDir(name, fromDir, projectDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === projectDir || path.dirname(dir) === dir) return null;
  }
}

/**
 * Installed package directories (relative to projectDir, '/'-separated) reachable from `roots`
 * through dependencies and installed optionalDependencies, not descending into `skip` names.
 */
function packageClosure(projectDir, roots, skip = []) {
  const skipped = new Set(skip);
  const seen = new Map(); // relative dir -> name
  const visit = (name, fromDir) => {
    if (skipped.has(name)) return;
    const dir = resolvePackageDir(name, fromDir, projectDir);
    if (dir === null) return; // an optional dependency for another platform
    const relative = path.relative(projectDir, dir).split(path.sep).join('/');
    if (seen.has(relative)) return;
    seen.set(relative, name);
    const manifest = readJson(path.join(dir, 'package.json'));
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dep, dir);
  };
  for (const root of roots) visit(root, projectDir);
  return new Map([...seen].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * What the packaged app needs (`needed`: installed dir → name; `neededNames`) and the package names
 * electron-builder would otherwise copy in (`unneeded`).
 * @param {string} projectDir
 * @param {string} mainBundle path of the built main bundle (out/main/index.js)
 */
function runtimeDependencies(projectDir, mainBundle) {
  const manifest = readJson(path.join(projectDir, 'package.json'));
  const dependencyNames = Object.keys(manifest.dependencies ?? {});
  const externals = bundleExternals(fs.readFileSync(mainBundle, 'utf8'), dependencyNames);
  const needed = packageClosure(projectDir, externals, BUILD_TIME_ONLY);
  const everything = packageClosure(projectDir, dependencyNames);
  const neededNames = new Set(needed.values());
  // By name: electron-builder flattens nested node_modules, so a package's packaged path is not its installed one.
  const unneeded = [...new Set([...everything.values()].filter((name) => !neededNames.has(name)))].sort();
  // Command-line entry points (package.json "bin") of the packages kept: the app never runs them.
  const binFiles = [...needed].flatMap(([dir, name]) => {
    const bin = readJson(path.join(projectDir, dir, 'package.json')).bin ?? {};
    return (typeof bin === 'string' ? [bin] : Object.values(bin)).map((file) => `${name}/${path.posix.normalize(file)}`);
  });
  return { externals, needed, neededNames: [...neededNames].sort(), unneeded, binFiles };
}

module.exports = { BUILD_TIME_ONLY, bundleExternals, packageClosure, packageNameOf, runtimeDependencies };

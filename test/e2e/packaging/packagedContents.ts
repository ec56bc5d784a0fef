/**
 * The contents rule of the packaged app (issue 12, "Contents"), file by file: app.asar holds only
 * the build output, package.json and the packages the app loads at run time; no sources, tests,
 * source maps, docs, types or build leftovers; native binaries only for the target and only in
 * app.asar.unpacked.
 */
import { openSync, readSync, closeSync } from 'node:fs';

export interface PackagedFile {
  /** '/'-separated, relative to the archive root. */
  readonly path: string;
  /** True when the file lives in app.asar.unpacked. */
  readonly unpacked: boolean;
  /** Where the extracted copy is, to look at its bytes. */
  readonly extractedPath: string;
}

const BUILD_OUTPUT = /^out\/(main|preload|renderer)\//;
const NOT_CODE: readonly [RegExp, string][] = [
  [/\.map$/, 'source map'],
  [/\.(ts|mts|cts|tsbuildinfo)$/, 'TypeScript source or types'],
  [/\.(c|cc|cpp|cxx|h|hh|hpp|gyp|gypi|patch|o|obj|mk)$|(^|\/)(Makefile|binding\.gyp|config\.gypi)$/, 'native source or build leftover'],
  [/(^|\/)(test|tests|__tests__|spec|coverage|docs?|examples?|benchmarks?)\//, 'tests, docs or examples'],
  [/(^|\/)(README|CHANGELOG|HISTORY|CONTRIBUTING|AUTHORS)(\.[^/]*)?$/i, 'documentation'],
  [/(^|\/)(?!licen[cs]e)[^/]*\.(md|markdown)$/i, 'documentation'],
  [/(^|\/)\.[^/]+$/, 'dotfile (tool configuration)'],
];

/** The package a node_modules path belongs to (`node_modules/@a/b/x.js` → `@a/b`), or null. */
export function packageOf(path: string): string | null {
  const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  return match ? match[1]! : null;
}

/** Whether a native binary's header is an executable format of this OS and architecture. */
export function isBinaryFor(file: string, platform: NodeJS.Platform, arch: string): boolean {
  const header = Buffer.alloc(64);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 64, 0);
  } finally {
    closeSync(fd);
  }
  if (platform === 'linux') {
    const machine = header.readUInt16LE(18); // ELF e_machine
    return header.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46])) && machine === (arch === 'arm64' ? 0xb7 : 0x3e);
  }
  if (platform === 'darwin') {
    const magic = header.readUInt32LE(0);
    const cpu = header.readUInt32LE(4);
    return magic === 0xfeedfacf && cpu === (arch === 'arm64' ? 0x0100000c : 0x01000007);
  }
  if (platform === 'win32') {
    if (header.toString('latin1', 0, 2) !== 'MZ') return false;
    return true; // PE machine type sits behind e_lfanew; MZ is enough to tell it from ELF/Mach-O
  }
  return false;
}

/** Every rule the file breaks (empty when it belongs in the package). */
export function violationsOf(file: PackagedFile, allowedPackages: ReadonlySet<string>, platform: NodeJS.Platform, arch: string): string[] {
  const { path } = file;
  const found: string[] = [];
  const pkg = packageOf(path);
  if (path !== 'package.json' && !BUILD_OUTPUT.test(path) && pkg === null)
    found.push('neither build output, package.json nor a dependency');
  if (pkg !== null && !allowedPackages.has(pkg)) found.push(`package "${pkg}" is not loaded at run time`);
  for (const [pattern, what] of NOT_CODE) if (pattern.test(path)) found.push(what);
  if (path.endsWith('.node')) {
    if (!file.unpacked) found.push('native binary inside app.asar (must be unpacked)');
    const prebuild = /\/prebuilds\/([^/]+)/.exec(path)?.[1];
    const forTarget =
      isBinaryFor(file.extractedPath, platform, arch) &&
      (prebuild === undefined || new RegExp(`^${platform}-${arch}(\\.node)?$`).test(prebuild));
    if (!forTarget) found.push(`native binary not for ${platform}-${arch}`);
  } else if (file.unpacked) {
    found.push('unpacked although it is not a native binary');
  }
  return found;
}

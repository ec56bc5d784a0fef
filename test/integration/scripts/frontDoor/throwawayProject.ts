/**
 * A throwaway copy of Gatehouse for the front-door test: the real scripts, build config and sources
 * (sources linked, the rest copied) and a node_modules that links every package of the real one,
 * except the electron package: a copy whose installer is installerStub.cjs and which has no runtime.
 * The Electron "runtime" the stub installs, or a test puts in place, is a shell wrapper named
 * `electron` around electronStandIn.cjs.
 */
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repository = resolve(__dirname, '..', '..', '..', '..');
const LINKED = ['src-main', 'src-renderer', 'src-shared'];
/** Never copied from the real electron package: its runtime, if this machine has one. */
const RUNTIME = new Set(['dist', 'path.txt', 'install.js']);

export interface ThrowawayProject {
  readonly dir: string;
  readonly electronPackage: string;
  /** The stand-in executable (a shell wrapper named `electron`), for tests to copy into place. */
  readonly standIn: string;
  /** Removes the electron package's runtime (dist, path.txt), as after `npm ci`. */
  removeRuntime(): void;
  /** Puts the stand-in where the installer would: dist/electron and path.txt. */
  installRuntime(): void;
  dispose(): void;
}

export function createThrowawayProject(): ThrowawayProject {
  const root = mkdtempSync(join(tmpdir(), 'gatehouse-front-door-'));
  const dir = join(root, 'gatehouse');
  mkdirSync(dir);
  for (const name of readdirSync(repository)) {
    if (name === 'package.json' || name === 'electron.vite.config.ts' || /^tsconfig.*\.json$/.test(name)) {
      copyFileSync(join(repository, name), join(dir, name));
    }
  }
  cpSync(join(repository, 'scripts'), join(dir, 'scripts'), { recursive: true });
  for (const name of LINKED) symlinkSync(join(repository, name), join(dir, name), 'dir');

  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(repository, 'node_modules'))) {
    if (name === 'electron' || name === '.bin' || name === '.vite') continue;
    symlinkSync(join(repository, 'node_modules', name), join(modules, name));
  }
  const electronPackage = join(modules, 'electron');
  mkdirSync(electronPackage);
  for (const name of readdirSync(join(repository, 'node_modules', 'electron'))) {
    if (!RUNTIME.has(name)) cpSync(join(repository, 'node_modules', 'electron', name), join(electronPackage, name), { recursive: true });
  }
  copyFileSync(join(__dirname, 'installerStub.cjs'), join(electronPackage, 'install.js'));

  const standIn = join(root, 'stand-in', 'electron');
  mkdirSync(join(root, 'stand-in'));
  writeFileSync(standIn, `#!/bin/sh\nexec '${process.execPath}' '${join(__dirname, 'electronStandIn.cjs')}' "$0" "$@"\n`);
  chmodSync(standIn, 0o755);

  const removeRuntime = (): void => {
    rmSync(join(electronPackage, 'dist'), { recursive: true, force: true });
    rmSync(join(electronPackage, 'path.txt'), { force: true });
  };
  return {
    dir,
    electronPackage,
    standIn,
    removeRuntime,
    installRuntime() {
      removeRuntime();
      mkdirSync(join(electronPackage, 'dist'));
      copyFileSync(standIn, join(electronPackage, 'dist', 'electron'));
      chmodSync(join(electronPackage, 'dist', 'electron'), 0o755);
      writeFileSync(join(electronPackage, 'path.txt'), 'electron');
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

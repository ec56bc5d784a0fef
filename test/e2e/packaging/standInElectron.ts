/**
 * A STAND-IN Electron distribution for the packaging test, where Electron's runtime cannot be
 * downloaded. It holds no Electron code: the layout electron-builder expects for this OS, with
 * placeholder executables, one of which carries Electron's fuse wire (the sentinel
 * @electron/fuses looks for, then version 1 and Electron 45's default fuse states) so that
 * electron-builder's fuse flipping can be read back from the packaged executable.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The sentinel that precedes the fuse wire in every Electron binary since 12. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron 45's defaults (build/fuses/fuses.json5), '1' on, '0' off, in @electron/fuses order:
 * RunAsNode, EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable,
 * EnableNodeCliInspectArguments, EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
 * LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges, WasmTrapHandlers.
 */
export const ELECTRON_45_DEFAULT_FUSES = '101100011';

function placeholder(file: string, withFuses: boolean): void {
  mkdirSync(dirname(file), { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "stand-in for Electron, not Electron" >&2\nexit 1\n');
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, ELECTRON_45_DEFAULT_FUSES.length]),
    Buffer.from(ELECTRON_45_DEFAULT_FUSES),
  ]);
  writeFileSync(file, withFuses ? Buffer.concat([script, wire, Buffer.from('\n')]) : script);
  chmodSync(file, 0o755);
}

const plist = (entries: Record<string, string>): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0"><dict>',
    ...Object.entries(entries).map(([key, value]) => `<key>${key}</key><string>${value}</string>`),
    '</dict></plist>',
    '',
  ].join('\n');

/** Writes the stand-in into `dir` (for `electronDist`) and returns `dir`. */
export function makeStandInElectronDist(dir: string, platform: NodeJS.Platform = process.platform): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(join(dir, 'LICENSE'), 'Placeholder licence file of a stand-in Electron distribution.\n');
  if (platform === 'darwin') {
    const contents = join(dir, 'Electron.app', 'Contents');
    const bundle = {
      CFBundleExecutable: 'Electron',
      CFBundleIdentifier: 'com.github.Electron',
      CFBundleName: 'Electron',
      CFBundleVersion: '45.0.0',
    };
    writeFileSync(join(contents, '..', '..', 'version'), '45.0.0');
    mkdirSync(join(contents, 'Resources'), { recursive: true });
    writeFileSync(join(contents, 'Info.plist'), plist(bundle));
    placeholder(join(contents, 'MacOS', 'Electron'), false);
    placeholder(join(contents, 'Frameworks', 'Electron Framework.framework', 'Electron Framework'), true);
    const helper = join(contents, 'Frameworks', 'Electron Helper.app', 'Contents');
    mkdirSync(helper, { recursive: true });
    writeFileSync(join(helper, 'Info.plist'), plist({ ...bundle, CFBundleExecutable: 'Electron Helper', CFBundleName: 'Electron Helper' }));
    placeholder(join(helper, 'MacOS', 'Electron Helper'), false);
    writeFileSync(join(contents, 'Resources', 'default_app.asar'), "placeholder for Electron's demo app\n");
  } else {
    placeholder(join(dir, platform === 'win32' ? 'electron.exe' : 'electron'), true);
    writeFileSync(join(dir, 'resources', 'default_app.asar'), "placeholder for Electron's demo app\n");
  }
  return dir;
}

/**
 * electron-builder options for a test build against the stand-in: only this machine's architecture
 * (the packaged binaries are then loadable here). On Windows the placeholder is no PE file, so
 * electron-builder must not edit its resources (version info, icon, the ASAR integrity hash); on
 * macOS it must not re-sign it ad hoc, nor rebuild the native modules in place (npm installed this
 * architecture's) while other tests load them. Contents and fuses are unaffected.
 */
export function standInBuilderOptions(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string[] {
  const thisArch = [`--${arch}`];
  if (platform === 'win32') return [...thisArch, '-c.win.signAndEditExecutable=false', '-c.disableAsarIntegrity=true'];
  if (platform === 'darwin') return [...thisArch, '-c.electronFuses.resetAdHocDarwinSignature=false', '-c.npmRebuild=false'];
  return thisArch;
}

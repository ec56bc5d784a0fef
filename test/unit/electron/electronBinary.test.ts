/**
 * The helpers behind `npm start`, `npm run dev` and the e2e harness: where the Electron binary is
 * (scripts/electron-binary.cjs, on a throwaway project) and how the installer's error output is
 * reduced to its reason (scripts/electron-runtime.cjs). The scripts themselves run for real in
 * test/integration/scripts/frontDoor.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

type BinaryOptions = { projectDir?: string; env?: NodeJS.ProcessEnv; platform?: string };
const scripts = resolve(__dirname, '..', '..', '..', 'scripts');
const load = createRequire(__filename);
const binary = load(join(scripts, 'electron-binary.cjs')) as {
  electronBinaryStatus(
    options?: BinaryOptions,
  ): { ok: true; path: string } | { ok: false; missing: string; electronVersion: string | null };
  electronBinaryPath(options?: BinaryOptions): string | null;
};
const runtime = load(join(scripts, 'electron-runtime.cjs')) as { installerReason(stderr: string): string };

let project: string;

function install(electronBinary: boolean): void {
  const electronDir = join(project, 'node_modules', 'electron');
  mkdirSync(electronDir, { recursive: true });
  writeFileSync(join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  if (electronBinary) {
    mkdirSync(join(electronDir, 'dist'));
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    writeFileSync(join(electronDir, 'dist', 'electron'), '');
  }
}

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'gatehouse-binary-'));
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('electron-binary helper', () => {
  it('finds nothing on a project without the binary, and names what is missing', () => {
    install(false);
    expect(binary.electronBinaryPath({ projectDir: project, env: {} })).toBeNull();
    expect(binary.electronBinaryStatus({ projectDir: project, env: {} })).toEqual({
      ok: false,
      missing: `${join('node_modules', 'electron', 'path.txt')} and the runtime in ${join('node_modules', 'electron', 'dist')}`,
      electronVersion: '45.5.0',
    });
  });

  it('names the missing executable when path.txt exists but dist does not', () => {
    install(false);
    writeFileSync(join(project, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(binary.electronBinaryStatus({ projectDir: project, env: {} })).toMatchObject({
      ok: false,
      missing: join('node_modules', 'electron', 'dist', 'electron'),
    });
  });

  it('finds dist/<path.txt>', () => {
    install(true);
    expect(binary.electronBinaryPath({ projectDir: project, env: {} })).toBe(join(project, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    install(false);
    const override = join(project, 'custom-dist');
    mkdirSync(override);
    const options = { projectDir: project, env: { ELECTRON_OVERRIDE_DIST_PATH: override }, platform: 'linux' };
    expect(binary.electronBinaryStatus(options)).toMatchObject({ ok: false });
    writeFileSync(join(override, 'electron'), '');
    expect(binary.electronBinaryPath(options)).toBe(join(override, 'electron'));
  });

  it('reports a missing electron package', () => {
    expect(binary.electronBinaryStatus({ projectDir: project, env: {} })).toMatchObject({
      ok: false,
      missing: 'the electron package (node_modules/electron)',
      electronVersion: null,
    });
  });
});

describe("the installer's reason", () => {
  it('keeps the error lines and drops the stack frames the installer prints', () => {
    const stderr = [
      'HTTPError: Response code 404 (Not Found) for https://mirror.example/v45.5.0/electron-v45.5.0-linux-x64.zip',
      '    at FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:48:23)',
      '    at async downloadArtifact (file:///x/node_modules/@electron/get/dist/index.js:154:12)',
      '',
    ].join('\n');
    expect(runtime.installerReason(stderr)).toBe(
      'HTTPError: Response code 404 (Not Found) for https://mirror.example/v45.5.0/electron-v45.5.0-linux-x64.zip',
    );
  });

  it('is empty when the installer said nothing', () => {
    expect(runtime.installerReason('')).toBe('');
  });
});

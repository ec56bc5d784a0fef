/**
 * What the packaging derives rather than lists: the icon source from the logo, the icon set from
 * that source, and the run-time dependencies from the built bundle's own require calls.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = resolve(__dirname, '..', '..', '..');
const load = createRequire(__filename);
const icons = load(join(projectRoot, 'scripts/packaging/renderIcons.cjs')) as {
  LINUX_SIZES: number[];
  SOURCE: string;
  logoSvg(vueSource?: string, tokensCss?: string): string;
  renderIcons(svgPath: string, outDir: string): { linuxDir: string; png256: string; png1024: string };
};
const dependencies = load(join(projectRoot, 'scripts/packaging/runtimeDependencies.cjs')) as {
  bundleExternals(source: string, dependencyNames: string[]): string[];
  packageClosure(projectDir: string, roots: string[], skip?: string[]): Map<string, string>;
};

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (file: string) => {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
};

describe('the app icon', () => {
  it('build/icon.svg is the logo as the app shows it (regenerate with node scripts/packaging/renderIcons.cjs)', () => {
    expect(readFileSync(icons.SOURCE, 'utf8')).toBe(icons.logoSvg());
  });

  it('follows the logo: a changed colour token or shape changes the source', () => {
    const vue = readFileSync(join(projectRoot, 'src-renderer/components/icons/IconLogo.vue'), 'utf8');
    const tokens = readFileSync(join(projectRoot, 'src-renderer/styles/tokens.css'), 'utf8');
    expect(icons.logoSvg(vue, tokens.replace(/--color-accent:\s*#[0-9a-f]+;/, '--color-accent: #123456;'))).toContain('fill="#123456"');
    expect(icons.logoSvg(vue.replace('rx="8"', 'rx="4"'), tokens)).toContain('rx="4"');
    expect(() => icons.logoSvg(vue.replace('--color-accent', '--color-missing'), tokens)).toThrow(/--color-missing/);
  });

  it('renders every Linux size, 256 px for Windows and 1024 px for macOS from that one source', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-icons-test-'));
    try {
      const rendered = icons.renderIcons(icons.SOURCE, dir);
      expect(readdirSync(rendered.linuxDir).sort()).toEqual(icons.LINUX_SIZES.map((size) => `${size}x${size}.png`).sort());
      for (const size of icons.LINUX_SIZES) expect(pngSize(join(rendered.linuxDir, `${size}x${size}.png`))).toEqual([size, size]);
      expect(pngSize(rendered.png256)).toEqual([256, 256]);
      expect(pngSize(rendered.png1024)).toEqual([1024, 1024]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('run-time dependencies of the built bundle', () => {
  const deps = ['better-sqlite3', 'keytar', 'otplib', 'qrcode', '@scope/lib'];

  it('finds require(), import() and createRequire()d calls, whatever the bundler named them', () => {
    const source = [
      'const Database = require("better-sqlite3");',
      'const keytar = (0, node_module.createRequire)(import.meta.url)("keytar");',
      "const lib = await import('@scope/lib/sub/path');",
      'const r = require$1("node:path");',
    ].join('\n');
    expect(dependencies.bundleExternals(source, deps)).toEqual(['@scope/lib', 'better-sqlite3', 'keytar']);
  });

  it('ignores a bundled library whose name only appears in its inlined code or messages', () => {
    const source = 'var otplib_default = {}; console.warn("otplib: token expired"); const label = "qrcode";';
    expect(dependencies.bundleExternals(source, deps)).toEqual([]);
  });

  it('walks installed dependencies, nested copies included, and stops at the build-time-only ones', () => {
    const closure = dependencies.packageClosure(projectRoot, ['keytar'], ['prebuild-install', 'node-addon-api']);
    expect([...closure.values()]).toEqual(['keytar']);
    const withInstallTime = dependencies.packageClosure(projectRoot, ['keytar']);
    expect([...withInstallTime.values()]).toEqual(expect.arrayContaining(['keytar', 'prebuild-install', 'node-addon-api']));
    expect([...withInstallTime.keys()]).toContain('node_modules/keytar/node_modules/node-addon-api');
  });
});

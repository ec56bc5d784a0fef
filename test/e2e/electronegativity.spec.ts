/**
 * The static Electron security scan: @doyensec/electronegativity over the built main, preload and
 * renderer (out/, so this runs in the e2e phase, after `npm run build`). The tool exits 0 whatever it
 * finds, so this spec reads its SARIF output and fails on every finding not on the commented
 * allow-list (electronegativity/allowList.ts). No app and no browser: plain Playwright tests.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { assertBuilt, projectRoot } from './drivers/paths';
import { ALLOWED_FINDINGS, type AllowedFinding } from './electronegativity/allowList';
import { scanWithElectronegativity, type Finding } from './electronegativity/scanWithElectronegativity';
import { stageBuildOutput } from './electronegativity/stageBuildOutput';
import { recordSecurityCheck } from '../support/securityCheck';

const isAllowedBy = (entry: AllowedFinding, finding: Finding): boolean => entry.check === finding.check && entry.file === finding.file;
const notAllowed = (findings: readonly Finding[]): Finding[] =>
  findings.filter((finding) => !ALLOWED_FINDINGS.some((entry) => isAllowedBy(entry, finding)));
const describe = (findings: readonly Finding[]): string =>
  findings.map((f) => `${f.check} ${f.file}:${f.line} (${f.level}) ${f.message}`).join('\n');

/** The Electron version the app is built for: package.json's range, e.g. ^45.5.0 → 45.5.0. */
async function electronVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const version = /\d+\.\d+\.\d+/.exec(manifest.devDependencies['electron'] ?? '')?.[0];
  if (!version) throw new Error('package.json names no Electron version');
  return version;
}

let workDir: string;
test.beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'gatehouse-electronegativity-'));
});
test.afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

test('electronegativity reports a deliberately insecure main file, so the scan and its parser do see findings', async () => {
  const inputDir = join(workDir, 'input');
  await mkdir(inputDir);
  await copyFile(join(__dirname, 'electronegativity', 'insecure-main.js'), join(inputDir, 'insecure-main.js'));

  const scan = await scanWithElectronegativity(inputDir, join(workDir, 'fixture.sarif'), await electronVersion());

  expect(scan.parseErrors).toEqual([]);
  const inFixture = new Set(scan.findings.filter((f) => f.file === 'insecure-main.js').map((f) => f.check));
  for (const check of [
    'NODE_INTEGRATION_JS_CHECK',
    'CONTEXT_ISOLATION_JS_CHECK',
    'SANDBOX_JS_CHECK',
    'WEB_SECURITY_JS_CHECK',
    'INSECURE_CONTENT_JS_CHECK',
    'EXPERIMENTAL_FEATURES_JS_CHECK',
    'HTTP_RESOURCES_JS_CHECK',
  ]) {
    expect(inFixture, check).toContain(check);
  }
  // The gate below would fail on these: none of them is excused by the allow-list.
  expect(notAllowed(scan.findings)).toEqual(scan.findings);
  recordSecurityCheck(test.info(), {
    area: 'Electron shell',
    check: 'electronegativity flags a deliberately insecure main file (the scan gate can fail)',
    tried: scan.findings.length,
    unit: 'findings evaluated',
  });
});

test('electronegativity finds nothing outside the allow-list in the built main, preload and renderer', async () => {
  assertBuilt(['main', 'preload', 'rendererIndex']);
  const stageDir = join(workDir, 'out');
  const files = await stageBuildOutput(join(projectRoot, 'out'), stageDir);
  // It really scans all three parts, the preload included.
  expect(files).toEqual(expect.arrayContaining(['main/index.js', 'preload/index.js', 'renderer/index.html']));
  expect(files.filter((file) => /^renderer\/.+\.js$/.test(file)).length).toBeGreaterThan(0);

  const scan = await scanWithElectronegativity(stageDir, join(workDir, 'build.sarif'), await electronVersion());

  expect(scan.parseErrors, 'a file electronegativity cannot parse goes unscanned').toEqual([]);
  expect(scan.atomicChecks).toBeGreaterThan(0);
  expect(scan.globalChecks).toBeGreaterThan(0);
  const unexpected = notAllowed(scan.findings);
  expect(unexpected, `findings not on the allow-list:\n${describe(unexpected)}`).toEqual([]);
  const stale = ALLOWED_FINDINGS.filter((entry) => !scan.findings.some((finding) => isAllowedBy(entry, finding)));
  expect(stale, 'allow-list entries that match no finding any more: remove them').toEqual([]);
  recordSecurityCheck(test.info(), {
    area: 'Electron shell',
    check: 'electronegativity scan of main, preload and renderer',
    tried: scan.atomicChecks * files.length + scan.globalChecks,
    unit: 'check × file pairs (+ global checks)',
  });
});

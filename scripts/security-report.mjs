// `npm run security:report`: runs every hardening check (the vitest tests and Playwright specs that
// record a security row), then prints one table: area, check, how many cases were tried, result.
// `--from-last-run` prints the table from the JSON reports the last `npm test` wrote instead
// (that is how `npm test` ends). Exits 1 when a check failed or nothing was recorded.
//
// Rows come from the tests themselves (test/support/securityCheck.ts, for vitest and Playwright
// alike): a test records its row after its assertions, so "pass" here always means the test passed;
// a failed check shows up with its test name.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = process.env.GATEHOUSE_TEST_RESULTS_DIR ?? join(projectRoot, '.tmp', 'test-results');
const fromLastRun = process.argv.includes('--from-last-run');

// The same list as SECURITY_AREAS in test/support/securityCheck.ts (securityReport.test.ts checks).
const AREAS = ['Hostile input at the IPC boundary', 'Electron shell', 'Brute force and replay', 'Faults', 'Secrets never leak'];

/**
 * Test files that record security rows: every vitest file under test/security (some record through
 * a shared support module), and any other test or spec that imports a securityCheck helper itself.
 */
function filesRecordingRows(folder, suffix) {
  const securityFolder = join(projectRoot, 'test', 'security');
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.name.endsWith(suffix)) continue;
      else if (path.startsWith(securityFolder) || /support\/securityCheck['"]/.test(readFileSync(path, 'utf8'))) found.push(path);
    }
  };
  walk(join(projectRoot, folder));
  return found.map((path) => relative(projectRoot, path));
}

function run(command, args, env) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function runChecks() {
  const vitestFiles = filesRecordingRows('test', '.test.ts');
  const e2eSpecs = filesRecordingRows('test/e2e', '.spec.ts');
  run('npx', ['vitest', 'run', ...vitestFiles], { GATEHOUSE_VITEST_JSON: join(resultsDir, 'security-vitest.json') });
  if (e2eSpecs.length === 0) return { vitest: 'security-vitest.json', playwright: null };
  if (run('npm', ['run', 'build', '--silent']) !== 0) {
    console.error('security:report: the build failed, so the end-to-end checks could not run.');
    process.exit(1);
  }
  // Under the electron driver on a Linux machine without a display, with-display.mjs adds xvfb-run.
  const playwright = [join(projectRoot, 'scripts', 'with-display.mjs'), 'npx', 'playwright', 'test', ...e2eSpecs];
  run(process.execPath, playwright, { GATEHOUSE_PLAYWRIGHT_JSON: join(resultsDir, 'security-playwright.json') });
  return { vitest: 'security-vitest.json', playwright: 'security-playwright.json' };
}

function readJson(name) {
  const path = join(resultsDir, name);
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8'));
}

function vitestRows(report) {
  const rows = [];
  for (const file of report?.testResults ?? []) {
    const inSecurityFolder = relative(projectRoot, file.name).startsWith(join('test', 'security'));
    for (const test of file.assertionResults) {
      const row = test.meta?.securityCheck;
      const passed = test.status === 'passed';
      if (row) rows.push({ ...row, passed });
      else if (inSecurityFolder && !passed && test.status !== 'skipped')
        rows.push(failedRow(test.fullName, relative(projectRoot, file.name)));
      else if (inSecurityFolder && test.status === 'skipped')
        rows.push({ ...failedRow(test.fullName, relative(projectRoot, file.name)), note: 'skipped' });
    }
  }
  return rows;
}

function playwrightRows(report) {
  const rows = [];
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const annotations = [...(test.annotations ?? []), ...(test.results ?? []).flatMap((result) => result.annotations ?? [])];
        const recorded = annotations.filter((annotation) => annotation.type === 'security-check');
        const passed = test.status === 'expected';
        const unique = new Map(recorded.map((annotation) => [annotation.description, JSON.parse(annotation.description)]));
        for (const row of unique.values()) rows.push({ ...row, passed });
        if (unique.size === 0 && !passed && /securityCheck/.test(readSpec(spec.file))) rows.push(failedRow(spec.title, spec.file));
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report?.suites ?? []) visit(suite);
  return rows;
}

const specSources = new Map();
function readSpec(file) {
  if (!specSources.has(file)) {
    const path = join(projectRoot, 'test', 'e2e', file);
    specSources.set(file, existsSync(path) ? readFileSync(path, 'utf8') : '');
  }
  return specSources.get(file);
}

function failedRow(name, file) {
  return { area: areaOf(file), check: `${name} (${file})`, tried: null, unit: '', passed: false };
}

function areaOf(file) {
  return /leak/i.test(file) ? 'Secrets never leak' : /fuzz|sender/i.test(file) ? 'Hostile input at the IPC boundary' : 'Faults';
}

function printTable(rows) {
  const sorted = [...rows].sort((a, b) => AREAS.indexOf(a.area) - AREAS.indexOf(b.area));
  const cells = sorted.map((row) => [
    row.area,
    row.check,
    row.tried === null ? '–' : `${row.tried.toLocaleString('en-US')} ${row.unit}`.trim(),
    row.note === 'skipped' ? 'SKIPPED' : row.passed ? 'pass' : 'FAIL',
  ]);
  const header = ['Area', 'Check', 'Tried', 'Result'];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column].length)));
  const line = (values) => `| ${values.map((value, column) => value.padEnd(widths[column])).join(' | ')} |`;
  console.log(`\nGatehouse security report (${fromLastRun ? 'from the last npm test' : 'fresh run'})\n`);
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const cell of cells) console.log(line(cell));
}

const sources = fromLastRun ? { vitest: 'vitest.json', playwright: 'playwright.json' } : runChecks();
const rows = [...vitestRows(readJson(sources.vitest)), ...(sources.playwright ? playwrightRows(readJson(sources.playwright)) : [])];
if (rows.length === 0) {
  console.error(`security:report: no security checks were recorded (looked in ${relative(projectRoot, resultsDir)}). Run the tests first.`);
  process.exit(1);
}
printTable(rows);
const failed = rows.filter((row) => !row.passed);
const missingAreas = AREAS.filter((area) => !rows.some((row) => row.area === area));
console.log(`\n${rows.length - failed.length} of ${rows.length} checks passed.`);
if (missingAreas.length) console.error(`No check recorded for: ${missingAreas.join(', ')}.`);
process.exit(failed.length || missingAreas.length ? 1 : 0);

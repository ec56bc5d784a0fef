import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECURITY_AREAS as AREAS, SECURITY_CHECK_ANNOTATION } from '../../support/securityCheck';

const SCRIPT = resolve(__dirname, '../../../scripts/security-report.mjs');

const row = (area: string, check: string, tried: number) => ({ area, check, tried, unit: 'things' });

function vitestReport(tests: { name: string; status: string; row?: object }[]) {
  return {
    testResults: [
      {
        name: resolve(__dirname, '../../../test/security/example.test.ts'),
        assertionResults: tests.map((test) => ({
          fullName: test.name,
          status: test.status,
          meta: test.row ? { securityCheck: test.row } : {},
        })),
      },
    ],
  };
}

function playwrightReport(status: string, recorded: object) {
  return {
    suites: [
      {
        specs: [
          {
            title: 'a spec',
            file: 'example.spec.ts',
            tests: [
              {
                status,
                annotations: [],
                results: [{ annotations: [{ type: SECURITY_CHECK_ANNOTATION, description: JSON.stringify(recorded) }] }],
              },
            ],
          },
        ],
      },
    ],
  };
}

describe('npm run security:report -- --from-last-run', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-report-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const report = () => {
    const result = spawnSync(process.execPath, [SCRIPT, '--from-last-run'], {
      env: { ...process.env, GATEHOUSE_TEST_RESULTS_DIR: dir },
      encoding: 'utf8',
    });
    return { status: result.status, out: result.stdout + result.stderr };
  };
  const write = (name: string, value: object) => writeFileSync(join(dir, name), JSON.stringify(value));

  it('prints one row per recorded check, with its count, and exits 0 when every area passed', () => {
    write(
      'vitest.json',
      vitestReport(AREAS.slice(0, 4).map((area, i) => ({ name: `t${i}`, status: 'passed', row: row(area, `check ${i}`, 1000 + i) }))),
    );
    write('playwright.json', playwrightReport('expected', row('Secrets never leak', 'journey scan', 42)));
    const { status, out } = report();
    expect(out).toMatch(/\| Faults\s+\| check 3\s+\| 1,003 things\s+\| pass\s+\|/);
    expect(out).toMatch(/\| Secrets never leak\s+\| journey scan\s+\| 42 things\s+\| pass\s+\|/);
    expect(out).toContain('5 of 5 checks passed.');
    expect(status).toBe(0);
  });

  it('knows the areas of test/support/securityCheck.ts, and prints them in that order', () => {
    write(
      'vitest.json',
      vitestReport([...AREAS].reverse().map((area, i) => ({ name: `t${i}`, status: 'passed', row: row(area, `check ${i}`, 1) }))),
    );
    const { status, out } = report();
    const printed = out.split('\n').flatMap((line) => AREAS.filter((area) => line.startsWith(`| ${area} `)));
    expect(printed).toEqual([...AREAS]);
    expect(out).toContain(`${AREAS.length} of ${AREAS.length} checks passed.`);
    expect(out).not.toContain('No check recorded');
    expect(status).toBe(0);
  });

  it('fails on a failed check, showing a failed test without a row by its name', () => {
    write(
      'vitest.json',
      vitestReport([
        ...AREAS.map((area, i) => ({ name: `t${i}`, status: 'passed', row: row(area, `check ${i}`, 1) })),
        { name: 'broken check', status: 'failed' },
      ]),
    );
    write('playwright.json', playwrightReport('unexpected', row('Electron shell', 'page isolation', 3)));
    const { status, out } = report();
    expect(out).toMatch(/\| Electron shell\s+\| page isolation\s+\| 3 things\s+\| FAIL\s+\|/);
    expect(out).toMatch(/broken check \(test\/security\/example\.test\.ts\)\s+\| –\s+\| FAIL/);
    expect(out).toContain('5 of 7 checks passed.');
    expect(status).toBe(1);
  });

  it('fails when an area has no check, or nothing was recorded at all', () => {
    write('vitest.json', vitestReport([{ name: 't', status: 'passed', row: row('Faults', 'only faults', 1) }]));
    const partial = report();
    expect(partial.out).toContain(
      'No check recorded for: Hostile input at the IPC boundary, Electron shell, Brute force and replay, Secrets never leak.',
    );
    expect(partial.status).toBe(1);

    rmSync(join(dir, 'vitest.json'));
    const none = report();
    expect(none.out).toContain('no security checks were recorded');
    expect(none.status).toBe(1);
  });
});

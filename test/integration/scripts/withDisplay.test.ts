/**
 * scripts/with-display.mjs, run for real: an electron-driver e2e run on Linux without a display runs
 * under the real `xvfb-run -a`; anything else runs as is. Only Electron's runtime is stood in for (an
 * empty file through ELECTRON_OVERRIDE_DIST_PATH, which is all the driver choice looks at).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = resolve(__dirname, '..', '..', '..', 'scripts', 'with-display.mjs');
/** Prints the display the command got, or "none", and exits with $EXIT_WITH. */
const PRINT_DISPLAY = ['-e', "process.stdout.write(process.env.DISPLAY || 'none'); process.exitCode = Number(process.env.EXIT_WITH ?? 0)"];

let runtime: string;
beforeAll(() => {
  runtime = mkdtempSync(join(tmpdir(), 'gatehouse-with-display-'));
  writeFileSync(join(runtime, 'electron'), '');
});
afterAll(() => rmSync(runtime, { recursive: true, force: true }));

function run(env: Record<string, string>) {
  const base: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: runtime, ...env };
  for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'GATEHOUSE_E2E_EXECUTABLE']) if (!(name in env)) delete base[name];
  return spawnSync(process.execPath, [script, process.execPath, ...PRINT_DISPLAY], { env: base, encoding: 'utf8', timeout: 60_000 });
}

describe.runIf(process.platform === 'linux')('with-display', () => {
  it('runs an electron-driver run without a display under xvfb-run -a, and passes its exit code on', () => {
    const result = run({ GATEHOUSE_E2E_DRIVER: 'electron', EXIT_WITH: '3' });
    expect(result.status, result.stderr).toBe(3);
    expect(result.stdout).toMatch(/^:\d+$/);
  });

  it('leaves a run alone that has a display already', () => {
    const result = run({ GATEHOUSE_E2E_DRIVER: 'electron', DISPLAY: ':4242' });
    expect(result.stdout).toBe(':4242');
  });

  it('leaves a chromium-driver run alone (it needs no display)', () => {
    const result = run({ GATEHOUSE_E2E_DRIVER: 'chromium' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('none');
  });

  it('says how to get xvfb-run when the electron driver needs it and it is missing', () => {
    const result = run({ GATEHOUSE_E2E_DRIVER: 'electron', PATH: runtime });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('sudo apt-get install xvfb xauth');
    expect(result.stdout).toBe('');
  });
});

/** Which e2e driver a run uses (scripts/e2e-driver.cjs), on a throwaway project with or without Electron's runtime. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const { chooseE2eDriver } = createRequire(__filename)(resolve(__dirname, '..', '..', '..', 'scripts', 'e2e-driver.cjs')) as {
  chooseE2eDriver(options: { env: NodeJS.ProcessEnv; projectDir: string }): {
    name: string;
    reason: string;
    executable: string | null;
    packaged: boolean;
  };
};

let project: string;
let runtime: string;
const choose = (env: NodeJS.ProcessEnv) => chooseE2eDriver({ env, projectDir: project });

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'gatehouse-driver-'));
  const electron = join(project, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  writeFileSync(join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  runtime = join(electron, 'dist', 'electron');
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

function installRuntime(): void {
  mkdirSync(join(project, 'node_modules', 'electron', 'dist'));
  writeFileSync(join(project, 'node_modules', 'electron', 'path.txt'), 'electron');
  writeFileSync(runtime, '');
}

describe('chooseE2eDriver', () => {
  it('picks electron when the runtime is installed, chromium when not', () => {
    expect(choose({})).toEqual({ name: 'chromium', reason: "Electron's runtime not installed", executable: null, packaged: false });
    installRuntime();
    expect(choose({})).toEqual({ name: 'electron', reason: 'Electron runtime installed', executable: runtime, packaged: false });
  });

  it('follows GATEHOUSE_E2E_DRIVER, and says how to install the runtime when electron is asked for without it', () => {
    expect(() => choose({ GATEHOUSE_E2E_DRIVER: 'electron' })).toThrow(/not installed\. Run `npx install-electron`/);
    installRuntime();
    expect(choose({ GATEHOUSE_E2E_DRIVER: ' Electron ' })).toMatchObject({ name: 'electron', executable: runtime });
    expect(choose({ GATEHOUSE_E2E_DRIVER: 'chromium' })).toMatchObject({ name: 'chromium', executable: null });
    expect(() => choose({ GATEHOUSE_E2E_DRIVER: 'firefox' })).toThrow('must be "electron" or "chromium", not "firefox"');
  });

  it('runs the electron driver on the executable GATEHOUSE_E2E_EXECUTABLE names, with or without a runtime here', () => {
    const packaged = join(project, 'Gatehouse');
    writeFileSync(packaged, '');
    chmodSync(packaged, 0o755);
    expect(choose({ GATEHOUSE_E2E_EXECUTABLE: packaged })).toEqual({
      name: 'electron',
      reason: `GATEHOUSE_E2E_EXECUTABLE=${packaged}`,
      executable: packaged,
      packaged: true,
    });
    expect(choose({ GATEHOUSE_E2E_EXECUTABLE: packaged, GATEHOUSE_E2E_DRIVER: 'electron' })).toMatchObject({ packaged: true });
    expect(() => choose({ GATEHOUSE_E2E_EXECUTABLE: packaged, GATEHOUSE_E2E_DRIVER: 'chromium' })).toThrow('runs the electron driver');
    expect(() => choose({ GATEHOUSE_E2E_EXECUTABLE: join(project, 'missing') })).toThrow(/is not a file/);
    expect(() => choose({ GATEHOUSE_E2E_EXECUTABLE: project })).toThrow(/is not a file/);
  });
});

import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { createKeytarSecretStore } from '../../src-main/core/secrets/keytarSecretStore';
import { createBackendHarness } from '../support/backendHarness';
import { createFakeClock } from '../support/fakeClock';
import { STEP_MS } from '../support/twoFactorSteps';
import { expectWitnessesInSync } from '../support/witness';
import { buildCrashChild, runCrashChild } from './support/crashChildProcess';
import { startPrivateSecretService, type PrivateSecretService } from './support/keychainPrivateService';
import { expectScript, findSecrets, onceBack, runInProcess, SETUP, setupSecrets, whileUnavailable } from './support/keychainScenario';
import { recordSecurityCheck } from '../support/securityCheck';

/**
 * The keychain unavailable three ways — no D-Bus, a locked collection, an adapter that throws — while
 * ADA has two-factor authentication and BOB has not. Enrollment fails closed with a clear message,
 * ADA's code step is refused with an explanation while her recovery code still works, nothing secret
 * lands in the data directory or the output, and once the keychain is back everything works again.
 */
const SETUP_AT = createFakeClock().now();
const FAULT_AT = SETUP_AT + 2 * STEP_MS;
const BACK_AT = FAULT_AT + 2 * STEP_MS;

interface DatabaseState {
  readonly installationId: string;
  readonly twoFactor: { email: string; setId: string }[];
  readonly usedCodes: number;
}

function readDatabase(dataDir: string): DatabaseState {
  const db = new Database(join(dataDir, 'gatehouse.db'), { readonly: true });
  try {
    return {
      installationId: (db.prepare("SELECT value FROM meta WHERE key = 'installation_id'").get() as { value: string }).value,
      twoFactor: db
        .prepare('SELECT a.email, t.recovery_set_id AS setId FROM two_factor t JOIN accounts a ON a.id = t.account_id ORDER BY a.email')
        .all() as DatabaseState['twoFactor'],
      usedCodes: (db.prepare('SELECT count(*) AS n FROM recovery_codes WHERE used_at IS NOT NULL').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

/** While unavailable, nothing changed but the one recovery code ADA used. */
function expectUnchangedButOneCodeUsed(before: DatabaseState, after: DatabaseState): void {
  expect(before.twoFactor).toEqual([{ email: 'ada@example.com', setId: expect.any(String) }]);
  expect(after).toEqual({ ...before, usedCodes: before.usedCodes + 1 });
}

/**
 * Once back, ADA deactivated and BOB activated: the keychain holds BOB's two secrets and nothing else
 * secret, plus one witness each (ADA's records that two-factor authentication was turned off).
 */
function expectOnlyBobsEntries(state: DatabaseState, listed: unknown): void {
  expect(state.twoFactor).toEqual([{ email: 'bob@example.com', setId: expect.any(String) }]);
  const mine = (listed as string[]).filter((key) => key.startsWith(`${state.installationId}/`));
  expect(mine.map((key) => key.split('/')[1]).sort()).toEqual(['recovery', 'totp', 'witness', 'witness']);
  expect(mine.find((key) => key.includes('/recovery/'))).toMatch(new RegExp(`/${state.twoFactor[0]!.setId}$`));
}

describe('keychain unavailable: fails closed, recovery codes still work, nothing secret elsewhere, back to normal after', () => {
  let bundle: string;
  let secretService: PrivateSecretService;
  const dataDirs: string[] = [];
  beforeAll(async () => {
    [bundle, secretService] = await Promise.all([buildCrashChild('keychain-unavailable'), startPrivateSecretService()]);
  }, 60_000);
  afterAll(() => {
    secretService?.stop();
    for (const dataDir of dataDirs) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Setup, the fault, and the recovery, each in its own process (an app start) on one data directory. */
  async function inChildren(ctx: TestContext, cause: string, fault: { env: NodeJS.ProcessEnv; begin?(): void; end?(): void }) {
    const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-unavailable-'));
    dataDirs.push(dataDir);
    const service = `Gatehouse-unavailable-${randomUUID()}`;
    const run = async (steps: Parameters<typeof expectScript>[0], nowMs: number, env: NodeJS.ProcessEnv, phase: string) => {
      const child = await runCrashChild(bundle, { dataDir, service, nowMs, steps }, env);
      expect({ code: child.code, signal: child.signal }, `${phase}\n${child.output}`).toEqual({ code: 0, signal: null });
      expectScript(steps, child.results, phase);
      return child;
    };

    const setup = await run(SETUP, SETUP_AT, secretService.env, 'setup');
    const { secret, codes } = setupSecrets(setup.results);
    const before = readDatabase(dataDir);
    fault.begin?.();
    const script = whileUnavailable(secret, codes[0]!);
    const during = await run(script, FAULT_AT, fault.env, cause);
    expectUnchangedButOneCodeUsed(before, readDatabase(dataDir));
    expect(findSecrets(dataDir, [during.output], secret, codes)).toEqual([]);
    fault.end?.();

    const back = await run(onceBack(secret), BACK_AT, secretService.env, `${cause}, once back`);
    expectOnlyBobsEntries(readDatabase(dataDir), back.results.get(onceBack(secret).length - 1));
    expect(findSecrets(dataDir, [setup.output, during.output, back.output], secret, codes)).toEqual([]);
    recordSecurityCheck(ctx, { area: 'Faults', check: `keychain unavailable: ${cause}`, tried: script.length, unit: 'operations' });
  }

  it('no D-Bus: the session bus address leads nowhere', async (ctx) => {
    await inChildren(ctx, 'no D-Bus', {
      env: { ...secretService.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/gatehouse-no-bus' },
    });
  });

  it('locked collection: the login keyring is locked and no unlock prompt can be shown', async (ctx) => {
    await inChildren(ctx, 'locked collection', {
      env: secretService.env,
      begin() {
        secretService.lock();
        expect(secretService.isLocked()).toBe(true);
      },
      end() {
        // Gatehouse neither unlocked it nor went around it.
        expect(secretService.isLocked()).toBe(true);
        secretService.unlock();
        expect(secretService.isLocked()).toBe(false);
      },
    });
  });

  it('adapter throwing: every keychain call fails, from start-up on', async (ctx) => {
    const keychain = createKeytarSecretStore(`Gatehouse-unavailable-${randomUUID()}`);
    const lines: string[] = [];
    const record = (line: string) => void lines.push(line);
    const harness = createBackendHarness({ secretStore: keychain, logger: { info: record, warn: record, error: record } });
    dataDirs.push(harness.dataDir);

    const setup = await runInProcess(harness, SETUP, SETUP_AT);
    expectScript(SETUP, setup, 'setup');
    const { secret, codes } = setupSecrets(setup);
    const before = readDatabase(harness.dataDir);
    harness.secretStore.fail(); // every call throws SecretStoreUnavailableError
    harness.reopen(); // an app start with the keychain failing: reconciliation is skipped, nothing crashes
    await harness.backend.reconciled;
    const script = whileUnavailable(secret, codes[0]!);
    expectScript(script, await runInProcess(harness, script, FAULT_AT), 'adapter throwing');
    expectUnchangedButOneCodeUsed(before, readDatabase(harness.dataDir));
    expect(findSecrets(harness.dataDir, lines, secret, codes)).toEqual([]);

    harness.secretStore.heal(); // back without a restart
    const back = await runInProcess(harness, onceBack(secret), BACK_AT);
    expectScript(onceBack(secret), back, 'adapter throwing, once back');
    expectOnlyBobsEntries(readDatabase(harness.dataDir), back.get(onceBack(secret).length - 1));
    await harness.backend.idle();
    await expectWitnessesInSync(keychain, harness.dataDir);
    expect(findSecrets(harness.dataDir, lines, secret, codes)).toEqual([]);
    harness.backend.close();
    for (const key of await keychain.keys()) await keychain.delete(key);
    recordSecurityCheck(ctx, { area: 'Faults', check: 'keychain unavailable: adapter throwing', tried: script.length, unit: 'operations' });
  });
});

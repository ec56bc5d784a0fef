import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCoreDependencies } from '../../../../src-main/core/createCoreDependencies';
import { silentLogger } from '../../../../src-main/core/logger';
import { reconcileSecrets } from '../../../../src-main/core/twoFactor/reconcileSecrets';
import { createFakeClock } from '../../../support/fakeClock';
import { createFakeDesktop } from '../../../support/fakeDesktop';
import { createFaultySecretStore } from '../../../support/faultySecretStore';

describe('reconcileSecrets', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function setup(secretStore = createFaultySecretStore()) {
    const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-reconcile-'));
    dirs.push(dataDir);
    const { deps, db } = createCoreDependencies({
      dataDir,
      secretStore,
      desktop: createFakeDesktop().desktop,
      clock: createFakeClock(),
      logger: silentLogger,
      newId: randomUUID,
    });
    deps.accounts.insert({ id: 'acct', name: 'Ada', email: 'ada@example.com', passwordHash: 'x', createdAt: 0 });
    return { deps, db, secretStore };
  }

  it('never touches another installation’s entries in the same keychain', async () => {
    const shared = createFaultySecretStore();
    const first = setup(shared);
    const second = setup(shared);
    await first.deps.secrets.writeTotp('acct', 'FIRSTSECRET');
    await second.deps.secrets.writePending('acct', 'SECONDSECRET');
    expect(await reconcileSecrets(second.deps)).toBe(1);
    expect([...shared.entries.values()]).toEqual(['FIRSTSECRET']);
    first.db.close();
    second.db.close();
  });

  it('keeps the pending secret of an enrollment in progress', async () => {
    const { deps, db } = setup();
    deps.enrollments.start({ id: 1, accountId: 'acct', expiresAt: 0 });
    await deps.secrets.writePending('acct', 'PENDING');
    expect(await reconcileSecrets(deps)).toBe(0);
    db.close();
  });

  it('waits for an activation holding the account’s two-factor lock, then keeps what it committed', async () => {
    const { deps, db } = setup();
    await deps.secrets.writeTotp('acct', 'SECRET');
    await deps.secrets.writeRecovery('acct', 'set-1', ['abcdefghjk']);
    let release!: () => void;
    const activation = deps.withTwoFactorLock('acct', async () => {
      await new Promise<void>((resolve) => (release = resolve));
      deps.twoFactor.insert('acct', 0, 0, { setId: 'set-1', kdf: deps.recoveryKdf.newSetKdf(), generatedAt: 0 });
    });
    // Released only once reconciliation asks for the lock (an event, not a sleep that a loaded machine outlasts).
    let asked!: () => void;
    const lockAsked = new Promise<void>((resolve) => (asked = resolve));
    const reconciliation = reconcileSecrets({
      ...deps,
      withTwoFactorLock: (key, task) => {
        asked();
        return deps.withTwoFactorLock(key, task);
      },
    });
    await lockAsked;
    release();
    await activation;
    expect(await reconciliation).toBe(0);
    expect(await deps.secrets.readTotp('acct')).toBe('SECRET');
    db.close();
  });

  it('ignores keys it does not recognise', async () => {
    const { deps, db, secretStore } = setup();
    await secretStore.set('someone-else/totp/acct', 'x');
    await deps.secrets.writeTotp('acct', 'ORPHAN');
    expect(await reconcileSecrets(deps)).toBe(1);
    expect([...secretStore.entries.keys()]).toEqual(['someone-else/totp/acct']);
    db.close();
  });
});

import { describe, expect, it } from 'vitest';
import {
  decodeWitness,
  encodeTombstone,
  encodeWitness,
  type VersionedTwoFactorState,
} from '../../../../src-main/core/twoFactor/twoFactorWitness';
import { ADA, createBackendHarness, expectOk } from '../../../support/backendHarness';
import { activateTwoFactor, queryDatabase } from '../../../support/twoFactorSteps';
import { expectWitnessesInSync } from '../../../support/witness';

const ACTIVE: VersionedTwoFactorState = {
  version: 7,
  state: {
    activatedAt: 1,
    lastAcceptedStep: 100,
    failedAttempts: 2,
    lockedUntil: null,
    recoverySetId: 'set',
    recoveryKdf: '$scrypt$ln=15,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA',
    recoveryGeneratedAt: 1,
    codes: [
      ['aGFzaA==', null],
      ['aGFzaDI=', 5],
    ],
    spentSteps: [104],
  },
};

describe('the two-factor witness in the keychain', () => {
  it('round-trips, and anything else read back is not a witness (the database is kept then)', () => {
    expect(decodeWitness(encodeWitness(ACTIVE))).toEqual(ACTIVE);
    expect(decodeWitness(encodeWitness({ version: 3, state: null }))).toEqual({ version: 3, state: null });
    expect(decodeWitness(encodeTombstone({ deletedAt: 1_800_000_000_000 }))).toEqual({ deletedAt: 1_800_000_000_000 });
    for (const stored of [
      'not json',
      '[]',
      JSON.stringify({ format: 2, version: 1, state: null }),
      JSON.stringify({ format: 1, version: -1, state: null }),
      JSON.stringify({ format: 1, version: 1.5, state: null }),
      JSON.stringify({ format: 1, version: 1, state: null, extra: true }),
      JSON.stringify({ format: 1, version: 1, state: { ...ACTIVE.state, codes: [['h', 'yesterday']] } }),
      JSON.stringify({ format: 1, version: 1, state: { ...ACTIVE.state, failedAttempts: -1 } }),
      JSON.stringify({ format: 2, deletedAt: 1 }),
      JSON.stringify({ format: 1, deletedAt: 'yesterday' }),
      JSON.stringify({ format: 1, deletedAt: 1, version: 1, state: null }),
    ]) {
      expect(decodeWitness(stored), stored).toBeNull();
    }
  });

  it('follows every change in the background, and a damaged witness is rewritten from the database at the next start', async () => {
    const harness = createBackendHarness();
    try {
      await activateTwoFactor(harness);
      await harness.backend.idle();
      await expectWitnessesInSync(harness.secretStore, harness.dataDir);
      expectOk(await harness.call('regenerateRecoveryCodes', { password: ADA.password }));
      await harness.backend.idle();
      await expectWitnessesInSync(harness.secretStore, harness.dataDir);

      const [key] = [...harness.secretStore.entries.keys()].filter((entry) => entry.includes('/witness/'));
      harness.secretStore.entries.set(key!, '{"format":1,"version":99999,"state":"tampered"}');
      const before = queryDatabase(harness, 'SELECT * FROM two_factor');
      harness.reopen();
      await harness.backend.idle();
      expect(queryDatabase(harness, 'SELECT * FROM two_factor')).toEqual(before);
      await expectWitnessesInSync(harness.secretStore, harness.dataDir);
    } finally {
      harness.cleanup();
    }
  });

  it('a tombstone is never overwritten by a change, and the next start deletes the account it names', async () => {
    const harness = createBackendHarness();
    try {
      await activateTwoFactor(harness);
      await harness.backend.idle();
      const [key] = [...harness.secretStore.entries.keys()].filter((entry) => entry.includes('/witness/'));
      const accountId = key!.split('/').at(-1)!;
      const tombstone = encodeTombstone({ deletedAt: harness.clock.now() });
      harness.secretStore.entries.set(key!, tombstone); // as if the database had been rolled back behind a deletion
      expectOk(await harness.call('regenerateRecoveryCodes', { password: ADA.password }));
      await harness.backend.idle();
      expect(harness.secretStore.entries.get(key!)).toBe(tombstone);

      harness.reopen();
      await harness.backend.idle();
      expect(queryDatabase(harness, 'SELECT id FROM accounts')).toEqual([]);
      expect(queryDatabase(harness, 'SELECT account_id FROM deleted_accounts')).toEqual([{ account_id: accountId }]);
      expect([...harness.secretStore.entries]).toEqual([[key, tombstone]]);
      await expectWitnessesInSync(harness.secretStore, harness.dataDir);
    } finally {
      harness.cleanup();
    }
  });
});

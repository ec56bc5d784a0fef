import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { keytarKeychainFor } from '../../src-main/core/secrets/keytarSecretStore';
import { recordSecurityCheck } from '../support/securityCheck';

/**
 * Testers run several Gatehouses at once, each on its own data directory, all on one OS keychain.
 * Each lists its entries at start-up (reconciliation) while the others enrol, regenerate codes and
 * sign out. keytar lists a service by searching it, then reading every item found; an item another
 * process deletes in between has no secret, and keytar copies that NULL: a segfault, which is what
 * killed two Playwright workers in CI. Each data directory therefore has its own keychain service.
 * Two stores in this process stand in for two processes: calls on different services run at once,
 * on libuv's threads, exactly as two processes' calls reach the Secret Service at once.
 */
const BASE = `Gatehouse-isolation-${randomUUID()}`;
const keychainFor = keytarKeychainFor(BASE);
const mine = keychainFor('installation-a');
const theirs = keychainFor('installation-b');
const ROUNDS = 100;

afterAll(async () => {
  for (const store of [mine, theirs]) for (const key of await store.keys()) await store.delete(key);
});

describe('one keychain, several data directories', () => {
  it("a listing never reads another data directory's entries, however they come and go", async (ctx) => {
    await mine.set('installation-a/totp/1', 'KRUGKIDROVUWG2ZA');
    await theirs.set('installation-b/witness/1', '{"stays":true}');
    const listings: Promise<string[]>[] = [];
    const churn: Promise<unknown>[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      listings.push(mine.keys());
      // Not awaited in turn: their writes and deletions race my listings, as another process's would.
      churn.push(
        theirs
          .set(`installation-b/totp-pending/${round}`, 'JBSWY3DPEHPK3PXP')
          .then(() => theirs.delete(`installation-b/totp-pending/${round}`)),
      );
    }
    const listed = await Promise.all(listings);
    await Promise.all(churn);

    expect(new Set(listed.map((keys) => keys.join(',')))).toEqual(new Set(['installation-a/totp/1']));
    expect(await theirs.keys()).toEqual(['installation-b/witness/1']);
    recordSecurityCheck(ctx, {
      area: 'Faults',
      check: "keychain listing while another data directory's entries come and go: no crash, never read",
      tried: listed.length,
      unit: 'listings',
    });
  });
});

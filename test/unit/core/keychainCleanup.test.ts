import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKeychainCleanup, KEYCHAIN_CLEANUP_DEADLINE_MS } from '../../../src-main/core/secrets/keychainCleanup';
import { createMemorySecretStore } from '../../../src-main/core/secrets/memorySecretStore';
import { createPendingEnrollments } from '../../../src-main/core/twoFactor/pendingEnrollments';
import { createTwoFactorSecrets } from '../../../src-main/core/twoFactor/twoFactorSecrets';
import { createFakeClock } from '../../support/fakeClock';

const never = () => new Promise<never>(() => {});

describe('keychain clean-ups are best-effort and bounded', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  function recordingLogger() {
    const warnings: string[] = [];
    return { warnings, logger: { info() {}, error() {}, warn: (message: string) => void warnings.push(message) } };
  }

  it('gives up on a keychain call that never settles once the deadline passes, and says so', async () => {
    const { logger, warnings } = recordingLogger();
    const cleanup = createKeychainCleanup(logger);
    let settled = false;
    void cleanup.run('a stale entry', never).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(KEYCHAIN_CLEANUP_DEADLINE_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    await cleanup.idle();
    expect(warnings).toEqual(['a stale entry: the keychain did not answer; removed at the next start']);
  });

  it('never rejects when the keychain refuses, and is done at once when it answers', async () => {
    const { logger, warnings } = recordingLogger();
    const cleanup = createKeychainCleanup(logger);
    await expect(cleanup.run('a refused entry', () => Promise.reject(new Error('locked')))).resolves.toBeUndefined();
    await expect(cleanup.run('a removed entry', async () => true)).resolves.toBeUndefined();
    expect(warnings).toEqual(['a refused entry: the keychain refused; removed at the next start']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a discarded enrollment is forgotten at once, and its stalled keychain deletion is abandoned at the deadline', async () => {
    const store = createMemorySecretStore();
    const secrets = createTwoFactorSecrets({ ...store, delete: never }, 'install');
    const clock = createFakeClock();
    const enrollments = createPendingEnrollments(clock, secrets, createKeychainCleanup(recordingLogger().logger));
    const session = { id: 1, accountId: 'acct', expiresAt: clock.now() + 1 };
    const enrollment = enrollments.start(session);
    let discarded = false;
    void enrollments.discard().then(() => (discarded = true));
    expect(enrollments.isCurrent(enrollment)).toBe(false);
    expect(enrollments.forSession(session)).toBeNull();
    await vi.advanceTimersByTimeAsync(KEYCHAIN_CLEANUP_DEADLINE_MS);
    expect(discarded).toBe(true);
  });
});

/**
 * The one place tests build a real backend with cheap hashing: the backend harness, the security
 * tests that start the backend as the app does, and the crash-injection child process.
 */
import { composeBackend, type Backend, type BackendOptions } from '../../src-main/core/composeBackend';
import { silentLogger } from '../../src-main/core/logger';
import { createScryptHasher } from '../../src-main/core/security/passwordHasher';
import { openBackend, type OpenedBackend } from '../../src-main/core/storage/openBackend';
import { TEST_RECOVERY_SCRYPT, TEST_SCRYPT } from './cheapScrypt';

/** The caller's options, with cheap scrypt (passwords and recovery codes) and no logging where it set none. */
function withTestDefaults(options: BackendOptions): BackendOptions {
  return {
    ...options,
    logger: options.logger ?? silentLogger,
    passwordHasher: options.passwordHasher ?? createScryptHasher(TEST_SCRYPT),
    recoveryCodeScrypt: options.recoveryCodeScrypt ?? TEST_RECOVERY_SCRYPT,
  };
}

/** composeBackend with test defaults: the backend on `dataDir`, as the harness and child processes use it. */
export function composeTestBackend(options: BackendOptions): Backend {
  return composeBackend(withTestDefaults(options));
}

/** openBackend with test defaults: start-up as the app does it (check, back up, recover, then compose). */
export function openTestBackend(options: BackendOptions): Promise<OpenedBackend | null> {
  return openBackend(withTestDefaults(options));
}

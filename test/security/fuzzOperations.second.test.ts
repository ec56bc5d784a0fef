/**
 * Hostile input at the IPC boundary, second half: every other operation of the contract (the
 * other half is in fuzzOperations.first.test.ts, so the two vitest workers share the work).
 */
import { defineOperationFuzz } from './support/operationFuzz';

defineOperationFuzz(1);

/**
 * Hostile input at the IPC boundary, first half: every other operation of the contract (the
 * other half is in fuzzOperations.second.test.ts, so the two vitest workers share the work),
 * the operation names, and a check that the refusal check itself fails when it should.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src-shared/errors';
import { fail, ok } from '../../src-shared/result';
import { expectInvalidInput } from './support/expectRefused';
import { defineOperationFuzz } from './support/operationFuzz';

defineOperationFuzz(0, { withNames: true });

describe('the refusal check', () => {
  const payload = { name: 7, 'hunter2 secret key': 'correct horse battery' };
  const invalid = (fields: Record<string, string>) => fail({ code: 'INVALID_INPUT', message: MESSAGES.invalidInput, fields });

  it('passes the real refusal and fails an acceptance, another code, a foreign field, a made-up message or an echo', () => {
    expect(() => expectInvalidInput('updateProfile', invalid({ name: 'Enter your name.', form: 'This value is not accepted.' }), payload)).not.toThrow();
    expect(() => expectInvalidInput('updateProfile', ok({}), payload)).toThrow();
    expect(() => expectInvalidInput('updateProfile', fail({ code: 'INTERNAL', message: MESSAGES.internal }), payload)).toThrow();
    expect(() => expectInvalidInput('updateProfile', invalid({ 'hunter2 secret key': 'This value is not accepted.' }), payload)).toThrow();
    expect(() => expectInvalidInput('updateProfile', invalid({ name: 'Name 7 is not accepted.' }), payload)).toThrow();
    expect(() => expectInvalidInput('updateProfile', invalid({ form: 'correct horse battery' }), payload)).toThrow();
  });
});

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../../src-shared/operations';
import { checkPassword, passwordLength } from '../../../src-shared/passwordPolicy';
import { fieldMessages, operationSchemas } from '../../../src-shared/schemas';

const parse = (schema: v.GenericSchema, input: unknown) => v.safeParse(schema, input, { message: 'rejected' });

describe('password policy', () => {
  it('needs at least 12 characters and accepts up to 1024, counting code points', () => {
    expect(checkPassword('a'.repeat(11))).toBe('too-short');
    expect(checkPassword('a'.repeat(12))).toBeNull();
    expect(checkPassword('a'.repeat(128))).toBeNull();
    expect(checkPassword('a'.repeat(1024))).toBeNull();
    expect(checkPassword('a'.repeat(1025))).toBe('too-long');
    expect(checkPassword('a'.repeat(10_000_000))).toBe('too-long');
    // Twelve emoji are 24 UTF-16 units but twelve characters.
    expect(passwordLength('🔐'.repeat(12))).toBe(12);
    expect(checkPassword('🔐'.repeat(12))).toBeNull();
    expect(checkPassword('🔐'.repeat(11))).toBe('too-short');
    expect(checkPassword('🔐'.repeat(1024))).toBeNull();
  });

  it('has no composition rules', () => {
    expect(checkPassword('aaaaaaaaaaaa')).toBeNull();
    expect(checkPassword('            ')).toBeNull();
  });

  it('refuses strings that cannot be stored faithfully (lone surrogates)', () => {
    expect(checkPassword('abcdefghijkl\uD800')).toBe('malformed');
  });
});

describe('operation schemas', () => {
  it('cover exactly the operations of the contract', () => {
    expect(Object.keys(operationSchemas).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it('explain a too-long password clearly', () => {
    const result = parse(operationSchemas.createAccount, {
      name: 'Ada',
      email: 'ada@example.com',
      password: 'x'.repeat(1025),
    });
    expect(result.success).toBe(false);
    expect(fieldMessages(result.issues!)).toEqual({ password: 'Use at most 1024 characters.' });
  });

  it('trim names and emails and validate emails', () => {
    const ok = parse(operationSchemas.createAccount, {
      name: '  Ada Lovelace ',
      email: ' Ada@Example.com ',
      password: 'analytical engine',
    });
    expect(ok.output).toEqual({ name: 'Ada Lovelace', email: 'Ada@Example.com', password: 'analytical engine' });
    const bad = parse(operationSchemas.signIn, { email: 'not-an-email', password: 'x' });
    expect(fieldMessages(bad.issues!)).toEqual({ email: 'Enter a valid email address, like name@example.com.' });
  });

  it('refuse unknown keys, wrong types and non-objects', () => {
    expect(parse(operationSchemas.signOut, { extra: true }).success).toBe(false);
    expect(parse(operationSchemas.signIn, { email: 'a@b.co', password: 12 }).success).toBe(false);
    expect(parse(operationSchemas.listAccounts, null).success).toBe(false);
    expect(parse(operationSchemas.listSecurityEvents, { limit: '5' }).success).toBe(false);
    expect(parse(operationSchemas.listSecurityEvents, { limit: 500 }).success).toBe(false);
    expect(parse(operationSchemas.listSecurityEvents, {}).success).toBe(true);
  });

  it('report an unknown key under "form", never under the caller\'s own key', () => {
    const result = parse(operationSchemas.updateProfile, { name: 7, 'hunter2 secret key': true });
    expect(fieldMessages(result.issues!)).toEqual({ name: 'Enter your name.', form: 'rejected' });
  });

  it('refuse names with control characters', () => {
    expect(parse(operationSchemas.updateProfile, { name: 'Ada\u0000' }).success).toBe(false);
    expect(parse(operationSchemas.updateProfile, { name: '   ' }).success).toBe(false);
  });
});

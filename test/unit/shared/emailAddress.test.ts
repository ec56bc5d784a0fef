import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { EmailSchema } from '../../../src-shared/schemas';
import { INVALID_ADDRESSES, INVALID_EMAIL_MESSAGE, VALID_ADDRESSES } from '../../support/emailExamples';

describe('email addresses: real-world addresses, valid and invalid', () => {
  it.each(VALID_ADDRESSES)('accepts %s (%s)', (address) => {
    const result = v.safeParse(EmailSchema, address);
    expect(result.issues?.map((issue) => issue.message)).toBeUndefined();
    expect(result.output).toBe(address);
  });

  it.each(INVALID_ADDRESSES)('refuses %s (%s)', (address) => {
    const result = v.safeParse(EmailSchema, address);
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toBe(INVALID_EMAIL_MESSAGE);
  });

  it('trims, and stores the same address typed with combining marks as one (NFC)', () => {
    expect(v.parse(EmailSchema, '  zoe\u0308@example.com \n')).toBe('zoë@example.com');
  });

  it('refuses more than 254 characters with its own message', () => {
    const result = v.safeParse(EmailSchema, `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`);
    expect(result.issues?.[0]?.message).toBe('Email addresses are at most 254 characters long.');
  });
});

import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src-shared/errors';
import type { SecurityEvent } from '../../../src-shared/models';
import { fieldError, formAlertMessage } from '../../../src-renderer/utils/apiErrors';
import { formatDuration, initials, securityEventLabel } from '../../../src-renderer/utils/format';

const event = (kind: SecurityEvent['kind'], reason?: SecurityEvent['reason']): SecurityEvent => ({
  id: 1,
  kind,
  at: 0,
  ...(reason ? { reason } : {}),
});

describe('format', () => {
  it('labels security events for people', () => {
    expect(securityEventLabel(event('account_created'))).toBe('Account created');
    expect(securityEventLabel(event('signed_in'))).toBe('Signed in');
    expect(securityEventLabel(event('sign_in_failed'))).toBe('Sign-in failed');
    expect(securityEventLabel(event('password_changed'))).toBe('Password changed');
    expect(securityEventLabel(event('profile_updated'))).toBe('Name changed');
    expect(securityEventLabel(event('signed_out', 'user'))).toBe('Signed out');
    expect(securityEventLabel(event('signed_out', 'inactivity'))).toBe('Signed out (inactivity)');
    expect(securityEventLabel(event('signed_out', 'screen_locked'))).toBe('Signed out (screen locked)');
    expect(securityEventLabel({ id: 2, kind: 'two_factor_enabled', at: 0 } as unknown as SecurityEvent)).toBe(
      'Two factor enabled',
    );
  });

  it('spells durations out', () => {
    expect(formatDuration(42)).toBe('42 seconds');
    expect(formatDuration(1)).toBe('1 second');
    expect(formatDuration(60)).toBe('1 minute');
    expect(formatDuration(125)).toBe('2 minutes 5 seconds');
  });

  it('makes avatar initials', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('  grace  ')).toBe('G');
    expect(initials('Ada King Lovelace')).toBe('AL');
    expect(initials('')).toBe('?');
  });
});

describe('apiErrors', () => {
  const invalid = {
    code: 'INVALID_INPUT' as const,
    message: MESSAGES.invalidInput,
    fields: { password: 'Use at least 12 characters.', form: 'Something else.' },
  };

  it('finds the message for one field', () => {
    expect(fieldError(invalid, 'password')).toBe('Use at least 12 characters.');
    expect(fieldError(invalid, 'email')).toBeNull();
    expect(fieldError({ code: 'EMAIL_TAKEN', message: MESSAGES.emailTaken }, 'email')).toBeNull();
  });

  it('puts field messages without a field into the alert', () => {
    expect(formAlertMessage(invalid, ['password'])).toBe(`${MESSAGES.invalidInput} Something else.`);
    expect(formAlertMessage(null, [])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src-shared/errors';
import type { SecurityEvent } from '../../../src-shared/models';
import { fieldError, formAlertMessage } from '../../../src-renderer/utils/apiErrors';
import { formatDuration, groupSecretKey, initials, securityEventLabel } from '../../../src-renderer/utils/format';

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
    expect(securityEventLabel(event('password_check_failed'))).toBe('Wrong password entered while signed in');
    expect(securityEventLabel(event('password_changed'))).toBe('Password changed');
    expect(securityEventLabel(event('profile_updated'))).toBe('Name changed');
    expect(securityEventLabel(event('signed_out', 'user'))).toBe('Signed out');
    expect(securityEventLabel(event('signed_out', 'inactivity'))).toBe('Signed out (inactivity)');
    expect(securityEventLabel(event('signed_out', 'screen_locked'))).toBe('Signed out (screen locked)');
    expect(securityEventLabel({ id: 2, kind: 'two_factor_enabled', at: 0 } as unknown as SecurityEvent)).toBe('Two factor enabled');
  });

  it('labels the two-factor events in plain words', () => {
    expect(securityEventLabel(event('two_factor_activated'))).toBe('Two-factor authentication activated');
    expect(securityEventLabel(event('two_factor_deactivated'))).toBe('Two-factor authentication deactivated');
    expect(securityEventLabel(event('recovery_codes_viewed'))).toBe('Recovery codes viewed');
    expect(securityEventLabel(event('recovery_codes_regenerated'))).toBe('Recovery codes regenerated');
    expect(securityEventLabel(event('two_factor_code_accepted'))).toBe('Two-factor code accepted');
    expect(securityEventLabel(event('two_factor_code_rejected'))).toBe('Two-factor code rejected');
    expect(securityEventLabel(event('recovery_code_used'))).toBe('Recovery code used');
    expect(securityEventLabel(event('recovery_code_rejected'))).toBe('Recovery code rejected');
    expect(securityEventLabel(event('second_factor_locked'))).toBe('Two-factor sign-in locked');
  });

  it('groups a secret key in blocks of four', () => {
    expect(groupSecretKey('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(groupSecretKey('ABCDEF')).toBe('ABCD EF');
    expect(groupSecretKey('')).toBe('');
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

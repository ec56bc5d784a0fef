import { EMAIL_MAX_LENGTH } from '../../src-shared/emailAddress';

export const INVALID_EMAIL_MESSAGE = 'Enter a valid email address, like name@example.com.';

/** Real-world addresses a mail system delivers to: each must be accepted, as typed (NFC). */
export const VALID_ADDRESSES: readonly [string, string][] = [
  ["o'neil@example.com", 'an apostrophe (Irish surnames)'],
  ["D'Angelo.O'Brien@Example.COM", 'apostrophes, dots and capitals'],
  ['first.last@example.com', 'a dot'],
  ['ada+gatehouse@example.com', 'a plus tag'],
  ['user_name@example.co.uk', 'an underscore, a two-level public suffix'],
  ['x@example.com', 'a one-letter local part'],
  ['1234567890@example.com', 'digits only'],
  ['a-b@sub-domain.example.org', 'hyphens'],
  ["!#$%&'*+/=?^_`{|}~-@example.com", "every special character RFC 5322's dot-atom allows"],
  ['root@localhost', 'a dotless domain'],
  ['a..b@docomo.ne.jp', 'a doubled dot (addresses some Japanese carriers issued)'],
  ['abc.@docomo.ne.jp', 'a trailing dot in the local part (the same)'],
  ['user@xn--bcher-kva.de', 'an internationalised domain in its ASCII form'],
  ['josé@bücher.de', 'an accented local part and domain (RFC 6531)'],
  ['zoë@example.com', 'a diaeresis'],
  ['用户@例子.广告', 'Chinese'],
  ['δοκιμή@παράδειγμα.δοκιμή', 'Greek'],
  ['अजय@डाटा.भारत', 'Devanagari, with combining marks'],
  [`${'a'.repeat(64)}@example.com`, 'a 64-character local part'],
  [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}@e.co`.slice(-EMAIL_MAX_LENGTH), 'exactly 254 characters'],
];

/** Not an address, or not one any mainstream provider hands out: each must be refused with one message. */
export const INVALID_ADDRESSES: readonly [string, string][] = [
  ['plainaddress', 'no @'],
  ['@example.com', 'no local part'],
  ['user@', 'no domain'],
  ['user@@example.com', 'two @'],
  ['a@b@example.com', 'an @ in the local part'],
  ['user name@example.com', 'a space'],
  ['user@exa mple.com', 'a space in the domain'],
  ['"john doe"@example.com', 'a quoted local part'],
  ['user(comment)@example.com', 'a comment'],
  ['user@[192.168.0.1]', 'an address literal'],
  ['user@-example.com', 'a label starting with a hyphen'],
  ['user@example-.com', 'a label ending with a hyphen'],
  ['user@example..com', 'an empty label'],
  ['user@.example.com', 'a leading dot in the domain'],
  ['user@example.com.', 'a trailing dot in the domain'],
  ['user@exa_mple.com', 'an underscore in the domain'],
  [`user@${'a'.repeat(64)}.com`, 'a 64-character label'],
  ['us\u0000er@example.com', 'a control character'],
  ['us\u200Ber@example.com', 'an invisible zero-width space'],
  ['user😀@example.com', 'an emoji'],
  ['user@ex😀.com', 'an emoji in the domain'],
  ['user@example.com\u00A0x', 'a no-break space'],
  ['user\uD800@example.com', 'a lone surrogate'],
];

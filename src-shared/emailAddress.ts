import * as v from 'valibot';

/**
 * Which email addresses Gatehouse accepts: every address a mail system delivers to, as people
 * actually have them. valibot's email() is deliberately stricter than that (it refuses o'neil@…),
 * so the rule is:
 * - ASCII addresses: the HTML standard's rule for `<input type=email>`, which is valibot's
 *   rfcEmail(): the local part may hold letters, digits and ! # $ % & ' * + / = ? ^ _ ` { | } ~ -
 *   and dots (also the leading, trailing or doubled dots some carriers handed out), the domain is
 *   labels of letters, digits and inner hyphens (a dotless one such as `localhost` too).
 * - Internationalised addresses (RFC 6531): the local part may also hold non-ASCII letters, marks
 *   and digits, and the domain may be an internationalised domain name, label by label under the
 *   same rule. Non-ASCII symbols, spaces and emoji are refused.
 * - Refused as well: quoted local parts ("john doe"@…), comments and address literals (@[10.0.0.1]):
 *   no mainstream provider hands them out, and browsers refuse them too.
 */
const ASCII_ADDRESS = v.pipe(v.string(), v.rfcEmail());
const NON_ASCII = /[^\u0000-\u007f]/gu;
const ONLY_LETTERS_MARKS_DIGITS_BEYOND_ASCII = /^[\u0000-\u007f\p{L}\p{M}\p{N}]*$/u;

export function isDeliverableAddress(address: string): boolean {
  if (!ONLY_LETTERS_MARKS_DIGITS_BEYOND_ASCII.test(address)) return false;
  // Each non-ASCII letter, mark or digit stands where an ASCII letter could: same grammar, same lengths.
  return v.is(ASCII_ADDRESS, address.replace(NON_ASCII, 'a'));
}

/** The longest address SMTP can carry (RFC 5321's 256-octet path less its angle brackets). */
export const EMAIL_MAX_LENGTH = 254;

/**
 * The byte patterns a leak scan looks for, built from the secrets a journey saw. Each needle has a
 * `kind` that says what it is and in which form and encoding, never its value, so a failure can be
 * reported without printing the secret it found.
 */
import { ScureBase32Plugin } from 'otplib';

export interface JourneySecrets {
  /** The TOTP secret key, base32 as shown (spaces removed). */
  readonly totpSecret: string;
  /** What the enrollment QR code encoded. */
  readonly otpauthUri: string;
  /** Every recovery code shown, in the `xxxxx-xxxxx` form. */
  readonly recoveryCodes: readonly string[];
  /** Every password typed, right or wrong. */
  readonly passwords: readonly string[];
}

export interface Needle {
  /** What it is, its form and its encoding, e.g. "TOTP secret (hex, lower case), UTF-16LE". */
  readonly kind: string;
  readonly bytes: Buffer;
}

interface TextForm {
  readonly kind: string;
  readonly text: string;
}

const base32 = new ScureBase32Plugin();

/** Text in blocks of four separated by spaces, as the secret key is shown. */
const inBlocksOfFour = (text: string): string => text.replace(/(.{4})(?=.)/g, '$1 ');

function totpSecretForms(secret: string): TextForm[] {
  const raw = Buffer.from(base32.decode(secret));
  return [
    { kind: 'TOTP secret (base32, upper case)', text: secret.toUpperCase() },
    { kind: 'TOTP secret (base32, lower case)', text: secret.toLowerCase() },
    { kind: 'TOTP secret (base32 in blocks of four, upper case)', text: inBlocksOfFour(secret.toUpperCase()) },
    { kind: 'TOTP secret (base32 in blocks of four, lower case)', text: inBlocksOfFour(secret.toLowerCase()) },
    { kind: 'TOTP secret (raw bytes as hex, lower case)', text: raw.toString('hex') },
    { kind: 'TOTP secret (raw bytes as hex, upper case)', text: raw.toString('hex').toUpperCase() },
    { kind: 'TOTP secret (raw bytes as base64)', text: raw.toString('base64') },
  ];
}

function recoveryCodeForms(code: string, index: number): TextForm[] {
  const name = `recovery code #${index + 1}`;
  const bare = code.replace(/-/g, '');
  return [
    { kind: `${name} (with dash, lower case)`, text: code.toLowerCase() },
    { kind: `${name} (with dash, upper case)`, text: code.toUpperCase() },
    { kind: `${name} (no dash, lower case)`, text: bare.toLowerCase() },
    { kind: `${name} (no dash, upper case)`, text: bare.toUpperCase() },
  ];
}

function uriForms(uri: string): TextForm[] {
  return [
    { kind: 'otpauth URI (as encoded in the QR code)', text: uri },
    { kind: 'otpauth URI (percent-encoded as a URI component)', text: encodeURIComponent(uri) },
    { kind: 'otpauth URI (percent-encoded as a URI)', text: encodeURI(uri) },
  ];
}

/**
 * Every form of every secret, each in UTF-8 and UTF-16LE, plus the TOTP secret's raw 20 bytes.
 * Needles with the same bytes are kept once (the first kind names them). TOTP codes are left out
 * on purpose: six digits occur by chance in any binary file, and a code is worthless within a minute.
 */
export function buildNeedles(secrets: JourneySecrets): Needle[] {
  const forms = [
    ...totpSecretForms(secrets.totpSecret),
    ...secrets.recoveryCodes.flatMap(recoveryCodeForms),
    ...secrets.passwords.map((text, index) => ({ kind: `password #${index + 1}`, text })),
    ...uriForms(secrets.otpauthUri),
  ];
  // An empty needle is found everywhere; a blank secret means the journey read the screen wrong.
  if (forms.some(({ text }) => text === '')) throw new Error('Gatehouse e2e: a secret to scan for is empty');
  const needles: Needle[] = [
    { kind: 'TOTP secret (raw bytes)', bytes: Buffer.from(base32.decode(secrets.totpSecret)) },
    ...forms.flatMap(({ kind, text }) => [
      { kind: `${kind}, UTF-8`, bytes: Buffer.from(text, 'utf8') },
      { kind: `${kind}, UTF-16LE`, bytes: Buffer.from(text, 'utf16le') },
    ]),
  ];
  const seen = new Set<string>();
  return needles.filter(({ bytes }) => {
    const key = bytes.toString('hex');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

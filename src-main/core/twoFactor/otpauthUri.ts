import QRCode from 'qrcode';
import { TOTP_ISSUER } from '../../../src-shared/twoFactorRules';

/** RFC 3986 percent-encoding: encodeURIComponent leaves !'()* alone, which some parsers mis-handle. */
function encodeComponent(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The Key URI Format (Google Authenticator's): otpauth://totp/Issuer:account?secret=…&issuer=Issuer.
 * The colon separating issuer and account is literal; a colon inside either is encoded, as are
 * `@` and `+`. algorithm/digits/period are left out: they are the defaults every app assumes, and
 * some apps mishandle them when present.
 */
export function buildOtpauthUri(email: string, secret: string): string {
  const label = `${encodeComponent(TOTP_ISSUER)}:${encodeComponent(email)}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeComponent(TOTP_ISSUER)}`;
}

/** The QR code the authenticator app scans: a PNG data URL, error correction M, rendered here in the main process. */
export function renderQrCode(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { type: 'image/png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
}

import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildOtpauthUri, renderQrCode } from '../../../../src-main/core/twoFactor/otpauthUri';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function decodeQr(dataUrl: string): string | undefined {
  expect(dataUrl.startsWith('data:image/png;base64,')).toBe(true);
  const png = PNG.sync.read(Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe('the otpauth:// URI and its QR code', () => {
  it('follows the Key URI Format exactly', () => {
    expect(buildOtpauthUri('ada@example.com', SECRET)).toBe(`otpauth://totp/Gatehouse:ada%40example.com?secret=${SECRET}&issuer=Gatehouse`);
  });

  it('percent-encodes reserved characters in the account name (RFC 3986)', () => {
    const cases: [string, string][] = [
      ['ada+2fa@example.com', 'ada%2B2fa%40example.com'],
      ["o'brien!*(x)@example.com", 'o%27brien%21%2A%28x%29%40example.com'],
      ['a&b=c?d#e@example.com', 'a%26b%3Dc%3Fd%23e%40example.com'],
      ['weird:colon@example.com', 'weird%3Acolon%40example.com'],
      ['space here@example.com', 'space%20here%40example.com'],
      ['zoë@example.com', 'zo%C3%AB%40example.com'],
    ];
    for (const [email, encoded] of cases) {
      const uri = buildOtpauthUri(email, SECRET);
      expect(uri).toBe(`otpauth://totp/Gatehouse:${encoded}?secret=${SECRET}&issuer=Gatehouse`);
      // Exactly one literal colon in the label: the issuer separator.
      expect(new URL(uri).pathname.split(':')).toHaveLength(2);
      expect(decodeURIComponent(new URL(uri).pathname.split(':')[1]!)).toBe(email);
      expect(new URL(uri).searchParams.get('issuer')).toBe('Gatehouse');
      expect(new URL(uri).searchParams.get('secret')).toBe(SECRET);
    }
  });

  it('renders a PNG QR code that decodes to exactly the URI', async () => {
    for (const email of ['ada@example.com', 'ada+2fa@example.com']) {
      const uri = buildOtpauthUri(email, SECRET);
      expect(decodeQr(await renderQrCode(uri))).toBe(uri);
    }
  });
});

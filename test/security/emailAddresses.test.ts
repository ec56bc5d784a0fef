/**
 * Valid email addresses are accepted (issue 11): every real-world address of the table makes an
 * account through dispatch, on the real SQLite file; each one stays unique regardless of case,
 * Unicode normalisation or the form its internationalised domain is typed in; and its otpauth://
 * label (read back from the QR code) is percent-encoded so it decodes to exactly that address.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendHarness, expectOk, type BackendHarness } from '../support/backendHarness';
import { INVALID_ADDRESSES, INVALID_EMAIL_MESSAGE, VALID_ADDRESSES } from '../support/emailExamples';
import { queryDatabase } from '../support/twoFactorSteps';
import { recordSecurityCheck } from '../support/securityCheck';

const PASSWORD = 'purple monkey dishwasher';

/** The same address as another person might type it: other case, other normalisation, other domain form. */
const SAME_ADDRESS: readonly [string, string][] = [
  ["o'neil@example.com", " O'NEIL@Example.COM "],
  ['zoë@example.com', 'zoe\u0308@example.com'],
  ['josé@bücher.de', 'JOSÉ@xn--bcher-kva.de'],
  ['user@xn--bcher-kva.de', 'User@BÜCHER.de'],
  ['用户@例子.广告', '用户@xn--fsqu00a.xn--4rr70v'],
];

function otpauthUriOf(qrCodeDataUrl: string): URL {
  const png = PNG.sync.read(Buffer.from(qrCodeDataUrl.slice('data:image/png;base64,'.length), 'base64'));
  return new URL(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!.data);
}

describe('email addresses through dispatch', () => {
  let harness: BackendHarness;
  afterEach(() => harness.cleanup());

  it('every real-world address makes an account and signs in; invalid ones are refused and store nothing', async (ctx) => {
    harness = createBackendHarness();
    for (const [email, why] of VALID_ADDRESSES) {
      const created = await harness.call('createAccount', { name: 'Someone', email, password: PASSWORD });
      expect(created.ok ? created.value.session.account.email : created.error, why).toBe(email);
      expectOk(await harness.call('signOut', {}));
      expect((await harness.call('signIn', { email: email.toUpperCase(), password: PASSWORD })).ok, why).toBe(true);
      expectOk(await harness.call('signOut', {}));
    }
    for (const [email, why] of INVALID_ADDRESSES) {
      const refused = await harness.call('createAccount', { name: 'Someone', email, password: PASSWORD });
      expect(refused.ok ? 'created' : refused.error.fields, why).toEqual({ email: INVALID_EMAIL_MESSAGE });
    }
    expect(
      expectOk(await harness.call('listAccounts', {}))
        .accounts.map((account) => account.email)
        .sort(),
    ).toEqual(VALID_ADDRESSES.map(([email]) => email).sort());
    recordSecurityCheck(ctx, {
      area: 'Hostile input at the IPC boundary',
      check: 'email addresses: real-world valid ones accepted, invalid ones refused',
      tried: VALID_ADDRESSES.length + INVALID_ADDRESSES.length,
      unit: 'addresses',
    });
  });

  it('an address is unique whatever case, normalisation or domain form it is typed in, and signs in in each', async (ctx) => {
    harness = createBackendHarness();
    for (const [email, typedAgain] of SAME_ADDRESS) {
      expectOk(await harness.call('createAccount', { name: 'First', email, password: PASSWORD }));
      expectOk(await harness.call('signOut', {}));
      const second = await harness.call('createAccount', { name: 'Second', email: typedAgain, password: PASSWORD });
      expect(second.ok ? 'created twice' : second.error.code, typedAgain).toBe('EMAIL_TAKEN');
      const signedIn = expectOk(await harness.call('signIn', { email: typedAgain, password: PASSWORD }));
      expect(signedIn.session?.account.email).toBe(email);
      expectOk(await harness.call('signOut', {}));
    }
    expect(queryDatabase<{ n: number }>(harness, 'SELECT count(*) AS n FROM accounts')[0]!.n).toBe(SAME_ADDRESS.length);
    recordSecurityCheck(ctx, {
      area: 'Hostile input at the IPC boundary',
      check: 'email addresses: one account per address',
      tried: SAME_ADDRESS.length,
      unit: 'addresses',
    });
  });

  it('the otpauth label of the QR code decodes to exactly the address, reserved characters percent-encoded', async () => {
    harness = createBackendHarness();
    for (const email of ["o'neil@example.com", "!#$%&'*+/=?^_`{|}~-@example.com", 'josé@bücher.de']) {
      expectOk(await harness.call('createAccount', { name: 'Someone', email, password: PASSWORD }));
      const { enrollment } = expectOk(await harness.call('beginTwoFactorEnrollment', { password: PASSWORD }));
      const uri = otpauthUriOf(enrollment.qrCodeDataUrl);
      expect(uri.host).toBe('totp');
      const [issuer, label, ...more] = uri.pathname.slice(1).split(':');
      expect(more).toEqual([]);
      expect(issuer).toBe('Gatehouse');
      expect(label).toMatch(/^[A-Za-z0-9\-._~%]+$/); // RFC 3986 unreserved characters and escapes only
      expect(decodeURIComponent(label!)).toBe(email);
      expectOk(await harness.call('signOut', {}));
    }
  });
});

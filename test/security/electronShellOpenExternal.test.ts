/**
 * shell.openExternal is reachable only through openExternalSafely: an https URL whose origin is on
 * an exact allow-list, without credentials. Hand-picked look-alikes plus generated URLs (fast-check),
 * checked against an independent statement of the rule.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../support/fakeElectron').then((fake) => fake.electronModule));

import { resetFakeElectron, type FakeElectron } from '../support/fakeElectron';
import { EXTERNAL_ORIGIN_ALLOW_LIST, openExternalSafely } from '../../src-main/electron/openExternalSafely';
import { recordSecurityCheck } from '../support/securityCheck';

let shell: FakeElectron['shell'];
beforeEach(() => {
  shell = resetFakeElectron().shell;
});

const ALLOW = ['https://gatehouse.example'];
const LOOK_ALIKES = [
  'http://gatehouse.example/help',
  'https://gatehouse.example.evil.com/',
  'https://evil.com/?https://gatehouse.example',
  'https://evil.com/#https://gatehouse.example',
  'https://user:pass@gatehouse.example/',
  'https://gatehouse.example@evil.com/',
  'https://gatehouse.example:8443/',
  'https://xn--gatehuse-7za.example/',
  'https:gatehouse.example.evil.com',
  'HTTPS://EVIL.COM/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'gatehouse://app/index.html',
  'ms-msdt:/id PCWDiagnostic',
  'smb://gatehouse.example/share',
  'not a url',
  '',
];
const ALLOWED = ['https://gatehouse.example/help?x=1', 'https://GATEHOUSE.example/', 'https://gatehouse.example:443/a#b'];

/** The rule, stated independently of the implementation. */
function shouldOpen(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.host === 'gatehouse.example' && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

describe('openExternalSafely', () => {
  it('opens only allow-listed https origins, never a look-alike, another scheme or credentials; nothing by default', (ctx) => {
    let tried = 0;
    const check = (url: string): void => {
      shell.openExternal.mockClear();
      const opened = openExternalSafely(url, ALLOW);
      expect(opened, url).toBe(shouldOpen(url));
      expect(shell.openExternal.mock.calls, url).toEqual(opened ? [[new URL(url).href]] : []);
      // The shipped allow-list is empty: the default call never opens anything.
      shell.openExternal.mockClear();
      expect(openExternalSafely(url), url).toBe(false);
      expect(shell.openExternal).not.toHaveBeenCalled();
      tried += 1;
    };
    expect(EXTERNAL_ORIGIN_ALLOW_LIST).toEqual([]);
    for (const url of [...LOOK_ALIKES, ...ALLOWED]) check(url);
    for (const url of ALLOWED) expect(shouldOpen(url), url).toBe(true);
    const anyUrl = fc.oneof(
      fc.webUrl({ validSchemes: ['https', 'http', 'ftp', 'file'], withQueryParameters: true, withFragments: true }),
      fc.webUrl({ authoritySettings: { withUserInfo: true, withPort: true } }),
      fc.webPath().map((path) => `https://gatehouse.example${path.startsWith('/') ? path : `/${path}`}`),
      fc.string().map((text) => `https://gatehouse.example${text}`),
    );
    fc.assert(
      fc.property(anyUrl, (url) => check(url)),
      { numRuns: 1000 },
    );
    recordSecurityCheck(ctx, {
      area: 'Electron shell',
      check: 'shell.openExternal only for allow-listed https origins',
      tried,
      unit: 'URLs',
    });
  });
});

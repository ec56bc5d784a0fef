/**
 * The gatehouse://app protocol never serves a file outside the renderer build: generated URLs made
 * of traversal pieces (dot segments, percent-encoded and double-encoded dots and slashes,
 * backslashes, NUL, symlinks) go through the real protocol handler, with the shared fake `electron` and a
 * real directory tree beside a secret file.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../support/fakeElectron').then((fake) => fake.electronModule));

import { resetFakeElectron, type FakeElectron } from '../support/fakeElectron';
import { serveAppProtocol } from '../../src-main/electron/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../src-main/electron/contentSecurityPolicy';
import { recordSecurityCheck } from '../support/securityCheck';

let electron: FakeElectron;
let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  electron = resetFakeElectron();
  electron.net.fetch.mockImplementation(async (url: string) => new Response(`file ${url}`, { status: 200 }));
  base = realpathSync(mkdtempSync(join(tmpdir(), 'gatehouse-protocol-')));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(base, 'secret.txt'), 'outside the root');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
  symlinkSync(base, join(root, 'up'));
  serveAppProtocol(root);
  handler = electron.protocol.handle.mock.calls[0]![1] as typeof handler;
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const PIECES = [
  '..',
  '.',
  '%2e%2e',
  '%2E%2e',
  '.%2e',
  '%2e.',
  '%252e%252e',
  '%2f',
  '%2F',
  '%5c',
  '\\',
  '%00',
  '//',
  '',
  'assets',
  'index.html',
  'app.js',
  'secret.txt',
  'link.txt',
  'up',
  'renderer',
  '..;',
  '%c0%ae%c0%ae',
  '%u002e',
];
const hostilePath = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('/'));
const hosts = fc.constantFrom('app', 'APP', 'app.', 'evil', 'app%2f..');

describe('gatehouse://app protocol', () => {
  it('serves only regular files inside the renderer build, whatever the path', async (ctx) => {
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(hosts, hostilePath, async (host, path) => {
        electron.net.fetch.mockClear();
        const response = await handler(new Request(`gatehouse://${host}/${path}`));
        tried += 1;
        // Every answer, file or error, carries the policy.
        expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
        expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
        for (const [url] of electron.net.fetch.mock.calls) {
          const served = relative(root, fileURLToPath(url));
          expect(served.startsWith(`..${sep}`) || served === '..', `${host}/${path} served ${url}`).toBe(false);
        }
        if (response.status !== 200) expect(electron.net.fetch).not.toHaveBeenCalled();
      }),
      {
        numRuns: 2000,
        examples: [
          ['app', 'up/secret.txt'],
          ['app', 'assets/link.txt'],
          ['app', '..%2fsecret.txt'],
          ['app', 'assets/%2e%2e/%2e%2e/secret.txt'],
        ],
      },
    );
    // The handler does serve real files: the property is not vacuous.
    expect((await handler(new Request('gatehouse://app/assets/app.js'))).status).toBe(200);
    for (const method of ['POST', 'PUT', 'DELETE']) {
      expect((await handler(new Request('gatehouse://app/index.html', { method, body: 'x' }))).status, method).toBe(405);
    }
    recordSecurityCheck(ctx, {
      area: 'Electron shell',
      check: 'app protocol: no path traversal out of the renderer build',
      tried: tried + 4,
      unit: 'requests',
    });
  });
});

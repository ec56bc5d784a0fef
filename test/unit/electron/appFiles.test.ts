import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrlToRelativePath, contentTypeFor, errorResponse, resolveAppFile, withAppHeaders } from '../../../src-main/electron/appFiles';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/electron/contentSecurityPolicy';

describe('appUrlToRelativePath', () => {
  it('maps the root and plain paths', () => {
    expect(appUrlToRelativePath('gatehouse://app/')).toBe('index.html');
    expect(appUrlToRelativePath('gatehouse://app')).toBe('index.html');
    expect(appUrlToRelativePath('gatehouse://app/index.html')).toBe('index.html');
    expect(appUrlToRelativePath('gatehouse://app/assets/index-abc.js?v=1#x')).toBe('assets/index-abc.js');
    expect(appUrlToRelativePath('gatehouse://app/assets/a%20b.css')).toBe('assets/a b.css');
  });

  it.each([
    'gatehouse://evil/index.html',
    'https://app/index.html',
    'file:///etc/passwd',
    'gatehouse://app/..%2f..%2fetc%2fpasswd',
    'gatehouse://app/assets%2f..%2f..%2f..%2fetc%2fpasswd',
    'gatehouse://app/..%5c..%5cwindows%5cwin.ini',
    'gatehouse://app/index.html%00.js',
    'gatehouse://app/%E0%A4%A',
    'gatehouse://app/assets/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(appUrlToRelativePath(url)).toBeNull();
  });

  it('never yields a path with a dot-dot segment for traversal attempts the URL parser normalises', () => {
    for (const url of [
      'gatehouse://app/../../etc/passwd',
      'gatehouse://app/%2e%2e/%2e%2e/etc/passwd',
      'gatehouse://app/%2E%2E/secret',
      'gatehouse://app/assets/.%2e/.%2e/etc/passwd',
    ]) {
      const rel = appUrlToRelativePath(url);
      expect(rel === null || !rel.split('/').includes('..'), url).toBe(true);
    }
  });
});

describe('resolveAppFile', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'gatehouse-appfiles-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(base, 'secret.txt'), 'outside the root');
    mkdirSync(join(base, 'etc'));
    writeFileSync(join(base, 'etc', 'passwd'), 'outside the root');
    try {
      symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
    } catch {
      // No symlink permission (Windows): that case is then not exercised.
    }
  });

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('finds files inside the root', async () => {
    expect(await resolveAppFile(root, 'gatehouse://app/')).toMatch(/index\.html$/);
    expect(await resolveAppFile(root, 'gatehouse://app/assets/app.js')).toMatch(/app\.js$/);
  });

  it('returns null (404) for a missing file or a directory', async () => {
    expect(await resolveAppFile(root, 'gatehouse://app/missing.js')).toBeNull();
    expect(await resolveAppFile(root, 'gatehouse://app/assets')).toBeNull();
  });

  it.each([
    'gatehouse://app/../secret.txt',
    'gatehouse://app/../../etc/passwd',
    'gatehouse://app/%2e%2e/secret.txt',
    'gatehouse://app/%2e%2e/etc/passwd',
    'gatehouse://app/..%2fsecret.txt',
    'gatehouse://app/assets/..%2f..%2fsecret.txt',
    'gatehouse://app/..%5csecret.txt',
  ])('never serves a file outside the root: %s', async (url) => {
    expect(await resolveAppFile(root, url)).toBeNull();
  });

  it('does not follow a symlink out of the root', async () => {
    expect(await resolveAppFile(root, 'gatehouse://app/assets/link.txt')).toBeNull();
  });
});

describe('responses', () => {
  it('adds the CSP, nosniff and an explicit Content-Type to a file response', async () => {
    const fetched = new Response('console.log(1)', { status: 200, headers: { 'Content-Type': 'text/plain' } });
    const response = withAppHeaders(fetched, '/x/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('sends no body for HEAD', async () => {
    const response = withAppHeaders(new Response('x'), '/x/index.html', 'HEAD');
    expect(await response.text()).toBe('');
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  });

  it('serves unknown extensions as octet-stream', () => {
    expect(contentTypeFor('/x/file.unknown')).toBe('application/octet-stream');
    expect(contentTypeFor('/x/Font.WOFF2')).toBe('font/woff2');
  });

  it('builds a 404 with the security headers', () => {
    const response = errorResponse(404);
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});

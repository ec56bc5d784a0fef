/**
 * The renderer's Content-Security-Policy, read directive by directive: no inline script, no eval,
 * no remote source, no plugin, no base or form target, no framing. The same policy reaches the
 * page three ways, and all three are checked: the app protocol's header, index.html's <meta>, and
 * the chromium e2e driver's header (which must come from the product's own module).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { BrowserContext, Route } from '@playwright/test';
import { errorResponse, SECURITY_HEADERS, withAppHeaders } from '../../src-main/electron/appFiles';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../src-main/electron/contentSecurityPolicy';
import { APP_ORIGIN, serveRenderer } from '../e2e/drivers/serveRenderer';
import { recordSecurityCheck } from '../support/securityCheck';

const projectRoot = resolve(__dirname, '..', '..');

function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

/** The strictest sources each directive may have. Fetch directives not listed fall back to default-src. */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};
/** Never acceptable in any directive. */
const UNSAFE = [
  "'unsafe-inline'",
  "'unsafe-eval'",
  "'wasm-unsafe-eval'",
  "'unsafe-hashes'",
  '*',
  'http:',
  'https:',
  'ws:',
  'wss:',
  'blob:',
  'filesystem:',
];

describe('Content-Security-Policy', () => {
  it('allows only our own scripts and styles, no eval, no network, no plugins, no framing; header, meta and test driver agree', async (ctx) => {
    let tried = 0;
    const header = parse(CONTENT_SECURITY_POLICY);
    expect([...header.keys()].sort()).toEqual(Object.keys(REQUIRED).sort());
    for (const [directive, sources] of Object.entries(REQUIRED)) {
      expect(header.get(directive), directive).toEqual(sources);
      for (const source of header.get(directive)!) expect(UNSAFE, `${directive} ${source}`).not.toContain(source);
      tried += 1;
    }
    // The <meta> policy is the header minus frame-ancestors (ignored in a meta tag), and index.html carries it.
    const meta = parse(META_CONTENT_SECURITY_POLICY);
    expect(Object.fromEntries(meta)).toEqual(Object.fromEntries([...header].filter(([name]) => name !== 'frame-ancestors')));
    const indexHtml = resolve(projectRoot, 'src-renderer', 'index.html');
    expect(existsSync(indexHtml)).toBe(true);
    const content = readFileSync(indexHtml, 'utf8').match(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/)?.[1];
    expect(content?.replace(/\s+/g, ' ').trim()).toBe(META_CONTENT_SECURITY_POLICY);
    tried += 2;

    // Every app-protocol response carries it, errors included.
    const responses = [withAppHeaders(new Response('x'), '/r/index.html'), ...([404, 405, 500] as const).map(errorResponse)];
    for (const response of responses) {
      expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      tried += 1;
    }

    // The chromium driver serves the page (and its 404s) with the product's own headers.
    const fulfilled: Record<string, string>[] = [];
    let routeHandler: ((route: Route) => Promise<void>) | undefined;
    const context = { route: vi.fn(async (_pattern: string, handler: typeof routeHandler) => void (routeHandler = handler)) };
    await serveRenderer(context as unknown as BrowserContext, resolve(projectRoot, 'src-renderer'));
    for (const url of [`${APP_ORIGIN}/index.html`, `${APP_ORIGIN}/missing.js`, 'https://elsewhere.example/']) {
      const route = {
        request: () => ({ url: () => url, method: () => 'GET' }),
        fulfill: vi.fn(async ({ headers }: { headers: Record<string, string> }) => void fulfilled.push(headers)),
      };
      await routeHandler!(route as unknown as Route);
      tried += 1;
    }
    expect(fulfilled).toHaveLength(3);
    for (const headers of fulfilled) expect(headers).toMatchObject(SECURITY_HEADERS);
    recordSecurityCheck(ctx, {
      area: 'Electron shell',
      check: 'CSP strict, identical in header, meta and e2e driver',
      tried,
      unit: 'directives and responses',
    });
  });
});

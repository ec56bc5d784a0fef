import { readFile } from 'node:fs/promises';
import type { BrowserContext, Route } from '@playwright/test';
import { SECURITY_HEADERS, contentTypeFor, resolveAppFile } from '../../../src-main/electron/appFiles';
import { APP_ORIGIN as ELECTRON_APP_ORIGIN } from '../../../src-main/electron/origins';

/** The fixed origin the chromium driver serves the built renderer from. */
export const APP_ORIGIN = 'http://gatehouse.localhost';
export const APP_URL = `${APP_ORIGIN}/`;

function notFound(route: Route): Promise<void> {
  return route.fulfill({
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS },
    body: 'Not found',
  });
}

/**
 * Serves `rendererDir` (out/renderer) at APP_ORIGIN for every page of `context`, inside Playwright:
 * no port is opened and no request leaves the browser. It uses the Electron app protocol's own
 * file resolution (path-traversal and symlink safe) and headers, so the page gets the same bytes,
 * content types and Content-Security-Policy header as in the app; the CSP <meta> is left as is.
 * Every other request, on any origin, gets a 404.
 */
export async function serveRenderer(context: BrowserContext, rendererDir: string): Promise<void> {
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.origin !== APP_ORIGIN || (request.method() !== 'GET' && request.method() !== 'HEAD')) {
      return notFound(route);
    }
    // The same lookup gatehouse://app/<path> gets in Electron.
    const file = await resolveAppFile(rendererDir, `${ELECTRON_APP_ORIGIN}${url.pathname}`);
    if (file === null) return notFound(route);
    return route.fulfill({
      status: 200,
      headers: { 'content-type': contentTypeFor(file), 'cache-control': 'no-store', ...SECURITY_HEADERS },
      body: await readFile(file),
    });
  });
}

/** Where the renderer comes from, and how to compare URLs by origin. Electron-free. */

export const APP_SCHEME = 'gatehouse';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL, or null when it has none. WHATWG `URL.origin` is
 * "null" for non-special schemes such as gatehouse:, so the origin is rebuilt here.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

export function isSameOrigin(url: string, origin: string): boolean {
  return originOf(url) === origin;
}

export interface RendererSource {
  /** What the window loads first. */
  readonly startUrl: string;
  /** The only origin allowed to navigate the window and to call IPC. */
  readonly allowedOrigin: string;
  readonly isDevServer: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `electron-vite dev` sets ELECTRON_RENDERER_URL to its dev server. It is honoured only
 * in an unpackaged app and only for a loopback http(s) URL, so an environment variable
 * can never point a shipped Gatehouse at a remote page.
 */
export function resolveRendererSource(env: NodeJS.ProcessEnv, isPackaged: boolean): RendererSource {
  const devUrl = env['ELECTRON_RENDERER_URL'];
  if (!isPackaged && devUrl) {
    try {
      const parsed = new URL(devUrl);
      const origin = originOf(devUrl);
      if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && LOOPBACK_HOSTS.has(parsed.hostname) && origin) {
        return { startUrl: parsed.href, allowedOrigin: origin, isDevServer: true };
      }
    } catch {
      // Fall through to the bundled renderer.
    }
  }
  return { startUrl: APP_START_URL, allowedOrigin: APP_ORIGIN, isDevServer: false };
}

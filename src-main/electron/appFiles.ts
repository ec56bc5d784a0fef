/**
 * The file side of the gatehouse://app/ protocol: which file under the renderer
 * build a URL names (never one outside it), and the headers every response carries.
 * Electron-free; appProtocol.ts wires it to protocol.handle.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import { APP_HOST, APP_SCHEME } from './origins';

/**
 * The path, relative to the renderer root, that an app URL asks for; null when the URL
 * is not on gatehouse://app or its path could leave the root (`..` segments, including
 * percent-encoded ones and encoded slashes, backslashes, NUL bytes).
 */
export function appUrlToRelativePath(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (parsed.pathname === '' || parsed.pathname === '/') return 'index.html';
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.endsWith('/')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.length === 0 || segments.some((segment) => segment === '.' || segment === '..')) return null;
  return segments.join('/');
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The absolute path of the existing regular file an app URL names inside rootDir, or null (→ 404). */
export async function resolveAppFile(rootDir: string, url: string): Promise<string | null> {
  const rel = appUrlToRelativePath(url);
  if (rel === null) return null;
  const root = resolve(rootDir);
  const candidate = resolve(root, rel);
  if (!isInside(root, candidate)) return null;
  try {
    // Resolve symlinks too: a link inside the root must not lead outside it.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!isInside(realRoot, realFile)) return null;
    return (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Explicit, because every response says nosniff. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

/** A copy of a file response with our Content-Type and security headers (fetched headers are immutable). */
export function withAppHeaders(response: Response, filePath: string, method = 'GET'): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Type', contentTypeFor(filePath));
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  return new Response(method === 'HEAD' ? null : response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

export function errorResponse(status: 404 | 405 | 500): Response {
  const text = { 404: 'Not found', 405: 'Method not allowed', 500: 'Internal error' }[status];
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS },
  });
}

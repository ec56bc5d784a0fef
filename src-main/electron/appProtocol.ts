/** Serves the built renderer from gatehouse://app/ with our security headers. */
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { errorResponse, resolveAppFile, withAppHeaders } from './appFiles';
import { APP_SCHEME } from './origins';

/**
 * Before `ready`. standard: real origin, relative URLs, storage; secure: a secure
 * context; supportFetchAPI: module scripts and fetch. Not corsEnabled, so no other
 * origin can read our files. registerSchemesAsPrivileged replaces earlier calls:
 * every custom scheme must be listed in this one call.
 */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** After `ready`: map gatehouse://app/<path> to files under rootDir (out/renderer). */
export function serveAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405);
    try {
      const file = await resolveAppFile(rootDir, request.url);
      if (file === null) return errorResponse(404);
      const response = await net.fetch(pathToFileURL(file).toString());
      return withAppHeaders(response, file, request.method);
    } catch {
      return errorResponse(500);
    }
  });
}

/**
 * The only way Gatehouse opens anything outside itself: an https URL whose origin is
 * on this allow-list goes to the default browser; everything else is dropped.
 */
import { shell } from 'electron';

/** Exact https origins, e.g. 'https://gatehouse.example'. None yet. */
export const EXTERNAL_ORIGIN_ALLOW_LIST: readonly string[] = [];

export function isAllowedExternalUrl(url: string, allowList: readonly string[] = EXTERNAL_ORIGIN_ALLOW_LIST): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  return allowList.some((entry) => {
    try {
      return new URL(entry).origin === parsed.origin;
    } catch {
      return false;
    }
  });
}

/** Opens the URL in the default browser when allowed; returns whether it did. */
export function openExternalSafely(
  url: string,
  allowList: readonly string[] = EXTERNAL_ORIGIN_ALLOW_LIST,
  open: (url: string) => Promise<void> = (target) => shell.openExternal(target),
): boolean {
  if (!isAllowedExternalUrl(url, allowList)) return false;
  open(new URL(url).href).catch(() => {
    // Nothing useful to tell the page: the browser simply did not open.
  });
  return true;
}

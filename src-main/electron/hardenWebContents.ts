/** Navigation and window-opening rules for the main window's webContents. */
import type { Event, WebContents } from 'electron';
import { openExternalSafely } from './openExternalSafely';
import { isSameOrigin } from './origins';

export function hardenWebContents(
  contents: WebContents,
  allowedOrigin: string,
  openExternal: (url: string) => boolean = openExternalSafely,
): void {
  // Any frame leaving our origin is stopped. A main-frame link to an allow-listed https page
  // opens in the browser instead (only from will-navigate, which fires once per click).
  const block = (event: Event, url: string, openExternally: boolean): void => {
    if (isSameOrigin(url, allowedOrigin)) return;
    event.preventDefault();
    if (openExternally) openExternal(url);
  };
  contents.on('will-navigate', (event) => block(event, event.url, true));
  contents.on('will-frame-navigate', (event) => block(event, event.url, false));
  contents.on('will-redirect', (event) => block(event, event.url, false));

  // No new windows, ever: window.open and target=_blank at most open an allow-listed link externally.
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });

  // webviewTag is off; refuse an attach attempt anyway.
  contents.on('will-attach-webview', (event) => event.preventDefault());

  // navigator.bluetooth.requestDevice: without preventDefault Electron picks the first device found.
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}

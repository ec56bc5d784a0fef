/**
 * Gatehouse needs no web permission (camera, notifications, clipboard-read, …), no device, no
 * screen capture and no browser download: refuse them all on the session, so even a compromised
 * renderer cannot ask for them.
 */
import type { Session } from 'electron';

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // getDisplayMedia: no stream, ever.
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  // Device pickers (navigator.hid/usb/serial): cancel the request rather than leave it to a default.
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _webContents, callback) => {
    event.preventDefault();
    callback('');
  });
  // Files are saved only by the main process, through the save dialog (desktopIntegration.ts).
  // A download the page starts (<a download>, a navigation to a file) would write to disk unasked.
  session.on('will-download', (event) => event.preventDefault());
}

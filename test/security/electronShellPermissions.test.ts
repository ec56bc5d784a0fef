/**
 * The session refuses everything a web page can ask the browser for: every permission Electron
 * knows (read from its own type definitions, so a new Electron's new permissions are covered),
 * device access and pickers, screen capture, and downloads the page starts.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { denyAllPermissions } from '../../src-main/electron/permissions';
import { recordSecurityCheck } from '../support/securityCheck';

/** The permission names of Electron's setPermissionRequestHandler, from electron.d.ts. */
function electronPermissionNames(): string[] {
  const dts = readFileSync(createRequire(__filename).resolve('electron/electron.d.ts'), 'utf8');
  const signature = dts.split('\n').find((line) => line.includes('setPermissionRequestHandler(handler'));
  const union = signature?.match(/permission: ((?:'[^']+' \| )+'[^']+')/)?.[1] ?? '';
  return [...union.matchAll(/'([^']+)'/g)].map((match) => match[1]!);
}

function lockedSession() {
  const session = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setDisplayMediaRequestHandler: vi.fn(),
  });
  denyAllPermissions(session as unknown as Session);
  return session;
}

describe('the session denies everything', () => {
  it('refuses every permission request and check, every device, screen capture, device pickers and page downloads', (ctx) => {
    const permissions = electronPermissionNames();
    // Sanity: the parse found the real list (Electron 45 has about fifty), including the risky ones.
    expect(permissions.length).toBeGreaterThan(30);
    expect(permissions).toEqual(expect.arrayContaining(['media', 'openExternal', 'clipboard-read', 'geolocation', 'hid', 'usb']));
    const session = lockedSession();
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (...args: unknown[]) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    let tried = 0;
    for (const permission of permissions) {
      const callback = vi.fn();
      request({}, permission, callback, { requestingUrl: 'gatehouse://app/index.html', isMainFrame: true });
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(check({}, permission, 'gatehouse://app', { requestingUrl: 'gatehouse://app/index.html' }), permission).toBe(false);
      tried += 2;
    }
    for (const deviceType of ['hid', 'serial', 'usb', 'bluetooth']) {
      expect(device({ deviceType, origin: 'gatehouse://app', device: {} }), deviceType).toBe(false);
      tried += 1;
    }

    const displayMedia = vi.fn();
    (session.setDisplayMediaRequestHandler.mock.calls[0]![0] as (...args: unknown[]) => void)({ frame: null }, displayMedia);
    expect(displayMedia).toHaveBeenCalledExactlyOnceWith(null);
    tried += 1;

    // Pickers: the default would be left to Electron; ours cancels, with no device chosen.
    const pickers: [event: string, args: unknown[], cancelled: unknown[]][] = [
      ['select-hid-device', [{ deviceList: [{ deviceId: 'h1' }] }], []],
      ['select-usb-device', [{ deviceList: [{ deviceId: 'u1' }] }], []],
      ['select-serial-port', [[{ portId: 's1' }], {}], ['']],
    ];
    for (const [event, args, cancelled] of pickers) {
      const preventDefault = vi.fn();
      const callback = vi.fn();
      session.emit(event, { preventDefault }, ...args, callback);
      expect(preventDefault, event).toHaveBeenCalled();
      expect(callback, event).toHaveBeenCalledExactlyOnceWith(...cancelled);
      tried += 1;
    }

    const download = { preventDefault: vi.fn() };
    session.emit('will-download', download, { getFilename: () => 'payload.exe' }, {});
    expect(download.preventDefault).toHaveBeenCalled();
    tried += 1;

    recordSecurityCheck(ctx, {
      area: 'Electron shell',
      check: 'session denies every permission, device, picker, screen capture and page download',
      tried,
      unit: 'requests',
    });
  });
});

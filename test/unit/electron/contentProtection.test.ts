/**
 * Screen-capture protection (src-main/electron/contentProtection.ts) with the shared fake `electron`: the
 * wanted state is applied to each window as it is attached, and again whenever the window's state
 * or the displays change, so nothing the OS resets sticks (Bitwarden lost it after a minimise or a
 * new window; Electron once dropped it on hide).
 */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';

vi.mock('electron', () => import('../../support/fakeElectron').then((fake) => fake.electronModule));

import { resetFakeElectron, type FakeElectron } from '../../support/fakeElectron';
import {
  createContentProtection,
  REAPPLY_ON_DISPLAY_EVENTS,
  REAPPLY_ON_POWER_EVENTS,
  REAPPLY_ON_WINDOW_EVENTS,
} from '../../../src-main/electron/contentProtection';

/** A window whose protection the OS drops whenever it likes (dropProtection()), as the real ones have. */
class FakeWindow extends EventEmitter {
  protectedNow = false;
  destroyed = false;
  readonly setContentProtection = vi.fn((enable: boolean) => {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.protectedNow = enable;
  });
  isDestroyed = (): boolean => this.destroyed;
  dropProtection(): void {
    this.protectedNow = false;
  }
}
const asWindow = (window: FakeWindow) => window as unknown as BrowserWindow;

let electron: FakeElectron;
beforeEach(() => {
  electron = resetFakeElectron();
});

describe('content protection', () => {
  it('is off to start with and applies every change to the attached window', () => {
    const protection = createContentProtection();
    const window = new FakeWindow();
    protection.attach(asWindow(window));
    expect(window.setContentProtection.mock.calls).toEqual([[false]]);
    protection.set(true);
    expect(window.protectedNow).toBe(true);
    expect(protection.wanted).toBe(true);
    protection.set(false);
    expect(window.protectedNow).toBe(false);
  });

  it.each(REAPPLY_ON_WINDOW_EVENTS)('is applied again after the window emits %s (the OS may have dropped it)', (event) => {
    const protection = createContentProtection();
    const window = new FakeWindow();
    protection.attach(asWindow(window));
    protection.set(true);
    window.dropProtection();
    window.emit(event);
    expect(window.protectedNow).toBe(true);
  });

  it('covers a minimise followed by a restore, and hide followed by show', () => {
    expect(REAPPLY_ON_WINDOW_EVENTS).toEqual(expect.arrayContaining(['restore', 'show']));
  });

  it.each([
    ...REAPPLY_ON_DISPLAY_EVENTS.map((event) => ['screen', event] as const),
    ...REAPPLY_ON_POWER_EVENTS.map((event) => ['powerMonitor', event] as const),
  ])('is applied again after %s emits %s', (source, event) => {
    const protection = createContentProtection();
    const window = new FakeWindow();
    protection.attach(asWindow(window));
    protection.set(true);
    window.dropProtection();
    electron[source].emit(event);
    expect(window.protectedNow).toBe(true);
  });

  it('a window attached later (re-created) gets the current state at once, and the closed one is left alone', () => {
    const protection = createContentProtection();
    const first = new FakeWindow();
    protection.attach(asWindow(first));
    protection.set(true);
    first.emit('closed');
    first.destroyed = true;
    electron.screen.emit('display-added');
    protection.set(true); // nothing to apply it to, and no throw

    const second = new FakeWindow();
    protection.attach(asWindow(second));
    expect(second.setContentProtection.mock.calls).toEqual([[true]]);
    protection.set(false);
    expect(second.protectedNow).toBe(false);
    expect(first.setContentProtection).toHaveBeenCalledTimes(2); // only before it closed
  });

  it('closing a window that was already replaced does not detach the new one', () => {
    const protection = createContentProtection();
    const first = new FakeWindow();
    const second = new FakeWindow();
    protection.attach(asWindow(first));
    protection.attach(asWindow(second));
    second.setContentProtection.mockClear();
    first.emit('closed');
    protection.set(true);
    expect(second.protectedNow).toBe(true);
  });
});

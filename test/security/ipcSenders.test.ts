/**
 * Sender validation: the real registerIpc (the shared fake electron: the real one cannot load in plain Node) in
 * front of a real backend. Calls with valid payloads (the right password of an existing
 * account, a new account) from any frame but the main window's top frame on the app's origin
 * are refused before validation, and nothing behind the boundary moves.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../support/fakeElectron').then((fake) => fake.electronModule));

import { resetFakeElectron, type FakeElectron } from '../support/fakeElectron';
import type { Result } from '../../src-shared/result';
import { channelFor, OPERATION_NAMES } from '../../src-shared/operations';
import type { FrameLike, IpcEventLike } from '../../src-main/electron/ipcSenderPolicy';
import { APP_ORIGIN, APP_START_URL } from '../../src-main/electron/origins';
import { registerIpc } from '../../src-main/electron/registerIpc';
import { expectOk } from '../support/backendHarness';
import { expectForbidden } from './support/expectRefused';
import { createFuzzTarget, expectCountersSeeARealCall, type FuzzTarget } from './support/fuzzTarget';
import { recordSecurityCheck } from '../support/securityCheck';
import { GRACE, VALID_EXAMPLES } from './support/validExamples';

const WINDOW_ID = 7;
const frame = (url: string, parent: FrameLike | null = null, detached = false): FrameLike => ({ url, parent, detached });
const mainFrame = frame(APP_START_URL);
const fromMainWindow = (senderFrame: FrameLike | null): IpcEventLike => ({ sender: { id: WINDOW_ID, mainFrame }, senderFrame });
/** A window whose top frame shows `url`: the frame is its own webContents' main frame. */
const topFrameOn = (url: string, id = WINDOW_ID): IpcEventLike => {
  const top = frame(url);
  return { sender: { id, mainFrame: top }, senderFrame: top };
};

interface HostileSender {
  readonly label: string;
  readonly event: IpcEventLike;
  /** The main window's webContents id at the time; undefined: no window (yet, or any more). */
  readonly windowId?: number | undefined;
}

const HOSTILE_SENDERS: HostileSender[] = [
  { label: 'a null sender frame', event: fromMainWindow(null) },
  { label: 'a sub-frame of the main window, same origin', event: fromMainWindow(frame(APP_START_URL, mainFrame)) },
  { label: 'a sub-frame of the main window, another origin', event: fromMainWindow(frame('https://evil.example/', mainFrame)) },
  { label: 'a detached main frame', event: fromMainWindow(frame(APP_START_URL, null, true)) },
  { label: 'a look-alike of the main frame (same URL, another frame)', event: fromMainWindow(frame(APP_START_URL)) },
  ...[
    'https://evil.example/index.html',
    'file:///work/main/out/renderer/index.html',
    'gatehouse://other/index.html',
    'gatehouse://app.evil/index.html',
    'http://localhost:5173/', // the dev server, not allowed in this (packaged) configuration
    'about:blank',
    'data:text/html,<script>gatehouse.signIn()</script>',
  ].map((url) => ({ label: `the main frame on ${url}`, event: topFrameOn(url) })),
  { label: 'another webContents on the app origin', event: topFrameOn(APP_START_URL, WINDOW_ID + 1) },
  { label: 'the right frame while no main window exists', event: fromMainWindow(mainFrame), windowId: undefined },
  {
    label: 'a destroyed frame (throws on access)',
    event: {
      sender: { id: WINDOW_ID, mainFrame },
      get senderFrame(): FrameLike {
        throw new TypeError('Object has been destroyed');
      },
    },
  },
];

describe('IPC sender validation', () => {
  let target: FuzzTarget;
  let windowId: number | undefined = WINDOW_ID;
  const dispatch = vi.fn((operation: string, payload: unknown) => target.harness.backend.dispatch(operation, payload));
  const invoke = (operation: string, event: IpcEventLike, payload: unknown) =>
    electron.ipcHandlers.get(channelFor(operation as never))!(event, structuredClone(payload)) as Promise<Result<unknown>>;

  let electron: FakeElectron;

  beforeAll(async () => {
    electron = resetFakeElectron();
    target = await createFuzzTarget();
    registerIpc(() => ({ dispatch }), { allowedOrigin: APP_ORIGIN, getTrustedWebContentsId: () => windowId });
  });
  afterAll(() => target.cleanup());

  it('refuses every channel from a null, sub-, detached or foreign frame, before validation, touching nothing', async (ctx) => {
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(OPERATION_NAMES.map(channelFor).sort());
    const before = target.snapshot();
    let refused = 0;
    for (const sender of HOSTILE_SENDERS) {
      windowId = 'windowId' in sender ? sender.windowId : WINDOW_ID;
      for (const operation of OPERATION_NAMES) {
        // A valid payload, and one validation would refuse: FORBIDDEN either way, so the sender check comes first.
        for (const payload of [VALID_EXAMPLES[operation], { bogus: '\u0000' }]) {
          expectForbidden(await invoke(operation, sender.event, payload));
          refused += 1;
        }
      }
    }
    windowId = WINDOW_ID;
    expect(dispatch).not.toHaveBeenCalled();
    expect(target.touched()).toEqual({ handlers: 0, sqlite: 0, keychain: 0, desktop: 0 });
    expect(target.snapshot()).toEqual({ ...before, database: { ...before.database, integrity: 'ok' } });
    expect(refused).toBe(HOSTILE_SENDERS.length * OPERATION_NAMES.length * 2);
    await expectCountersSeeARealCall(target);
    recordSecurityCheck(ctx, {
      area: 'Hostile input at the IPC boundary',
      check: `IPC senders: null, sub-, detached and foreign frames, other webContents (${HOSTILE_SENDERS.length} kinds) refused`,
      tried: refused,
      unit: 'calls',
    });
  });

  it('serves the main window’s top frame on the app origin (the control)', async () => {
    const result = await invoke('createAccount', fromMainWindow(mainFrame), VALID_EXAMPLES.createAccount);
    expect(expectOk(result)).toMatchObject({ session: { account: { email: GRACE.email } } });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('createAccount', VALID_EXAMPLES.createAccount);
    expect(target.touched().sqlite).toBeGreaterThan(0);
    const listed = expectOk(await invoke('listAccounts', fromMainWindow(mainFrame), {})) as { accounts: { email: string }[] };
    expect(listed.accounts.map((account) => account.email)).toContain(GRACE.email);
  });
});

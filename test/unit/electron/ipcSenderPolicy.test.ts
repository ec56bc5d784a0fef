import { describe, expect, it } from 'vitest';
import { isTrustedFrame, isTrustedIpcSender, type FrameLike } from '../../../src-main/electron/ipcSenderPolicy';
import { APP_ORIGIN } from '../../../src-main/electron/origins';

const topFrame = (url: string): FrameLike => ({ url, parent: null, detached: false });

describe('isTrustedFrame', () => {
  it('refuses a missing frame', () => {
    expect(isTrustedFrame(null, APP_ORIGIN)).toBe(false);
    expect(isTrustedFrame(undefined, APP_ORIGIN)).toBe(false);
  });

  it('refuses a sub-frame even on our origin', () => {
    const parent = topFrame('gatehouse://app/index.html');
    expect(isTrustedFrame({ url: 'gatehouse://app/index.html', parent }, APP_ORIGIN)).toBe(false);
  });

  it('refuses a detached frame', () => {
    expect(isTrustedFrame({ url: 'gatehouse://app/index.html', parent: null, detached: true }, APP_ORIGIN)).toBe(false);
  });

  it.each([
    'https://evil.example/index.html',
    'gatehouse://evil/index.html',
    'gatehouse://app.evil/index.html',
    'file:///work/main/out/renderer/index.html',
    'about:blank',
    'data:text/html,<p>hi</p>',
    '',
    'not a url',
  ])('refuses the wrong origin: %s', (url) => {
    expect(isTrustedFrame(topFrame(url), APP_ORIGIN)).toBe(false);
  });

  it('accepts a top-level frame on gatehouse://app, whatever the path, query or hash', () => {
    expect(isTrustedFrame(topFrame('gatehouse://app/index.html'), APP_ORIGIN)).toBe(true);
    expect(isTrustedFrame(topFrame('gatehouse://app/index.html?x=1#/accounts'), APP_ORIGIN)).toBe(true);
  });

  it('accepts the dev server origin only when that is the allowed origin', () => {
    const frame = topFrame('http://localhost:5173/#/sign-in');
    expect(isTrustedFrame(frame, 'http://localhost:5173')).toBe(true);
    expect(isTrustedFrame(frame, APP_ORIGIN)).toBe(false);
    expect(isTrustedFrame(topFrame('http://localhost:5174/'), 'http://localhost:5173')).toBe(false);
  });
});

describe('isTrustedIpcSender', () => {
  const mainFrame = topFrame('gatehouse://app/index.html');
  const trust = { allowedOrigin: APP_ORIGIN, getTrustedWebContentsId: () => 7 };

  it('accepts the main frame of the main window', () => {
    expect(isTrustedIpcSender({ sender: { id: 7, mainFrame }, senderFrame: mainFrame }, trust)).toBe(true);
  });

  it('refuses another webContents', () => {
    expect(isTrustedIpcSender({ sender: { id: 8, mainFrame }, senderFrame: mainFrame }, trust)).toBe(false);
  });

  it('refuses every sender while there is no main window', () => {
    const noWindow = { ...trust, getTrustedWebContentsId: () => undefined };
    expect(isTrustedIpcSender({ sender: { id: 7, mainFrame }, senderFrame: mainFrame }, noWindow)).toBe(false);
  });

  it('refuses a null senderFrame (navigated away or destroyed)', () => {
    expect(isTrustedIpcSender({ sender: { id: 7, mainFrame }, senderFrame: null }, trust)).toBe(false);
  });

  it('refuses a frame that is not the main frame, even if it claims to be top-level', () => {
    const other = topFrame('gatehouse://app/index.html');
    expect(isTrustedIpcSender({ sender: { id: 7, mainFrame }, senderFrame: other }, trust)).toBe(false);
  });

  it('refuses the main frame once it shows another origin', () => {
    const navigated = topFrame('https://evil.example/');
    expect(isTrustedIpcSender({ sender: { id: 7, mainFrame: navigated }, senderFrame: navigated }, trust)).toBe(false);
  });

  it('refuses, rather than throws, when reading the event throws', () => {
    const event = {
      sender: { id: 7, mainFrame },
      get senderFrame(): FrameLike | null {
        throw new Error('Object has been destroyed');
      },
    };
    expect(isTrustedIpcSender(event, trust)).toBe(false);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { SESSION_IDLE_TIMEOUT_MS } from '../../../src-shared/models';
import { createSessionManager } from '../../../src-main/core/session/sessionManager';
import { createFakeClock } from '../../support/fakeClock';

describe('session manager', () => {
  function setup() {
    const clock = createFakeClock(1_000_000);
    const onEnded = vi.fn();
    return { clock, onEnded, sessions: createSessionManager(clock, onEnded) };
  }

  it('starts a session that expires 15 minutes after the last activity', () => {
    const { clock, sessions, onEnded } = setup();
    expect(sessions.start('a1')).toEqual({ id: 1, accountId: 'a1', expiresAt: 1_000_000 + SESSION_IDLE_TIMEOUT_MS });
    clock.advance(SESSION_IDLE_TIMEOUT_MS - 1);
    expect(sessions.touch()?.expiresAt).toBe(clock.now() + SESSION_IDLE_TIMEOUT_MS);
    clock.advance(SESSION_IDLE_TIMEOUT_MS - 1);
    expect(sessions.peek()).not.toBeNull();
    clock.advance(1);
    expect(sessions.peek()).toBeNull();
    expect(onEnded).toHaveBeenCalledWith('a1', 'inactivity', clock.now());
  });

  it('does not extend the session when only asked about it', () => {
    const { clock, sessions } = setup();
    sessions.start('a1');
    for (let minute = 0; minute < 14; minute += 1) {
      clock.advance(60_000);
      sessions.peek();
    }
    clock.advance(60_000);
    expect(sessions.peek()).toBeNull();
  });

  it('ends with the given reason, once', () => {
    const { sessions, onEnded } = setup();
    sessions.start('a1');
    sessions.end('screen_locked');
    sessions.end('user');
    expect(onEnded).toHaveBeenCalledTimes(1);
    expect(onEnded).toHaveBeenCalledWith('a1', 'screen_locked', expect.any(Number));
    expect(sessions.touch()).toBeNull();
  });

  it('signing in another account ends the previous session', () => {
    const { sessions, onEnded } = setup();
    sessions.start('a1');
    sessions.start('a2');
    expect(onEnded).toHaveBeenCalledWith('a1', 'user', expect.any(Number));
    expect(sessions.peek()?.accountId).toBe('a2');
  });
});

describe('session manager end reasons', () => {
  it('remembers why the last session ended until the next one starts', () => {
    const clock = createFakeClock();
    const sessions = createSessionManager(clock, () => {});
    expect(sessions.lastEndReason()).toBeNull();
    sessions.start('a1');
    expect(sessions.lastEndReason()).toBeNull();
    clock.advance(SESSION_IDLE_TIMEOUT_MS);
    expect(sessions.lastEndReason()).toBe('inactivity');
    sessions.start('a1');
    sessions.end('screen_locked');
    expect(sessions.lastEndReason()).toBe('screen_locked');
  });
});

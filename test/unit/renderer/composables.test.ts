import { createPinia, setActivePinia } from 'pinia';
import { effectScope, nextTick, ref } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setGatehouseApi } from '../../../src-renderer/api/gatehouseApi';
import { useCountdown } from '../../../src-renderer/composables/useCountdown';
import { useSessionRefreshOnFocus } from '../../../src-renderer/composables/useSessionRefreshOnFocus';
import { useSignInStore } from '../../../src-renderer/stores/signIn';
import { ADA, installFakeApi } from './fakeApi';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2025-03-01T10:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setGatehouseApi(null);
});

describe('useCountdown', () => {
  it('counts whole seconds down to the target and stops', async () => {
    const target = ref<number | null>(Date.now() + 2_500);
    const scope = effectScope();
    const countdown = scope.run(() => useCountdown(() => target.value))!;
    expect(countdown.secondsLeft.value).toBe(3);
    expect(countdown.active.value).toBe(true);

    await vi.advanceTimersByTimeAsync(500);
    expect(countdown.secondsLeft.value).toBe(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(countdown.secondsLeft.value).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(countdown.secondsLeft.value).toBe(0);
    expect(countdown.active.value).toBe(false);
    expect(vi.getTimerCount()).toBe(0);

    target.value = Date.now() + 10_000;
    await nextTick();
    expect(countdown.secondsLeft.value).toBe(10);
    scope.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('useSessionRefreshOnFocus', () => {
  it('re-reads the session on focus and when the window becomes visible, until disposed', async () => {
    const fakeWindow = new EventTarget();
    const fakeDocument = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    vi.stubGlobal('window', fakeWindow);
    vi.stubGlobal('document', fakeDocument);
    setActivePinia(createPinia());
    const api = installFakeApi();
    const signIn = useSignInStore();

    const scope = effectScope();
    scope.run(() => useSessionRefreshOnFocus());

    fakeWindow.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(0);
    expect(api.getSession).not.toHaveBeenCalled(); // signed out: nothing to check

    await signIn.signIn({ email: ADA.email, password: 'correct horse battery' });
    fakeWindow.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(0);
    expect(api.getSession).toHaveBeenCalledTimes(1);

    fakeDocument.visibilityState = 'hidden';
    fakeDocument.dispatchEvent(new Event('visibilitychange'));
    fakeDocument.visibilityState = 'visible';
    fakeDocument.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(api.getSession).toHaveBeenCalledTimes(2);

    scope.stop();
    fakeWindow.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(0);
    expect(api.getSession).toHaveBeenCalledTimes(2);
  });
});

import { effectScope, nextTick, ref } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDeadline } from '../../../src-renderer/composables/useDeadline';
import { anyModalOpen, modalClosed, modalOpened } from '../../../src-renderer/composables/useModalBackground';
import { useTransientMessage } from '../../../src-renderer/composables/useTransientMessage';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2025-03-01T10:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('useDeadline', () => {
  it('fires once when the time passes, re-arms for a new target and cleans up', async () => {
    const target = ref<number | null>(Date.now() + 5_000);
    const onPassed = vi.fn();
    const scope = effectScope();
    scope.run(() => useDeadline(() => target.value, onPassed));

    await vi.advanceTimersByTimeAsync(4_999);
    expect(onPassed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onPassed).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);

    target.value = Date.now() + 1_000;
    await nextTick();
    expect(vi.getTimerCount()).toBe(1);
    target.value = null;
    await nextTick();
    expect(vi.getTimerCount()).toBe(0);

    target.value = Date.now() + 1_000;
    await nextTick();
    scope.stop();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(onPassed).toHaveBeenCalledTimes(1);
  });

  it('fires at once for a time already past', () => {
    const onPassed = vi.fn();
    const scope = effectScope();
    scope.run(() => useDeadline(() => Date.now() - 1, onPassed));
    expect(onPassed).toHaveBeenCalledTimes(1);
    scope.stop();
  });
});

describe('useTransientMessage', () => {
  it('shows a message for a while, restarts on show, and stops its timer with the scope', async () => {
    const scope = effectScope();
    const copied = scope.run(() => useTransientMessage(3_000))!;
    copied.show('Copied');
    expect(copied.message.value).toBe('Copied');
    await vi.advanceTimersByTimeAsync(2_000);
    copied.show('Copied');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(copied.message.value).toBe('Copied');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(copied.message.value).toBeNull();

    copied.show('Copied');
    scope.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('modal background', () => {
  it('hides the app while any dialog is open', () => {
    expect(anyModalOpen.value).toBe(false);
    modalOpened();
    modalOpened();
    modalClosed();
    expect(anyModalOpen.value).toBe(true);
    modalClosed();
    modalClosed();
    expect(anyModalOpen.value).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { createKeyedMutex } from '../../../src-main/core/security/keyedMutex';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('keyed mutex', () => {
  it('runs tasks for the same key one at a time, in order', async () => {
    const withLock = createKeyedMutex();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([withLock('a', task('1')), withLock('a', task('2')), withLock('a', task('3'))]);
    expect(results).toEqual(['1', '2', '3']);
    expect(log).toEqual(['1 start', '1 end', '2 start', '2 end', '3 start', '3 end']);
  });

  it('runs different keys concurrently', async () => {
    const withLock = createKeyedMutex();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
    };
    await Promise.all([withLock('a', task('a')), withLock('b', task('b'))]);
    expect(log.slice(0, 2)).toEqual(['a start', 'b start']);
  });

  it('keeps going after a task fails', async () => {
    const withLock = createKeyedMutex();
    const failing = withLock('a', async () => {
      throw new Error('boom');
    });
    const next = withLock('a', async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });
});

/**
 * Runs tasks one at a time per key. Password checks are slow and asynchronous;
 * without this, many attempts fired at once would all pass the throttle before
 * the first failure is recorded.
 */
export function createKeyedMutex() {
  const tails = new Map<string, Promise<unknown>>();

  return async function withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}

export type WithLock = ReturnType<typeof createKeyedMutex>;

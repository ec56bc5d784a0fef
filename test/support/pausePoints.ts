/**
 * Named points a test can hold an asynchronous call at: the call does its work, then its answer
 * waits until the test releases it (a keychain or a hash that is slow to answer). Lets a test end
 * the session at exactly that moment, deterministically, without timing anything.
 */
export interface HeldCall {
  /** Resolves once the held call has done its work and is waiting. */
  readonly reached: Promise<void>;
  /** Lets the held call answer. */
  release(): void;
}

export function createPausePoints<Name extends string>() {
  const calls = new Map<Name, number>();
  const held = new Map<string, { reached: () => void; released: Promise<void> }>();

  return {
    /** Holds the (afterCalls+1)-th further call of `name` once it has done its work. */
    hold(name: Name, { afterCalls = 0 } = {}): HeldCall {
      const at = (calls.get(name) ?? 0) + afterCalls + 1;
      let reached!: () => void;
      let release!: () => void;
      const handle: HeldCall = {
        reached: new Promise<void>((resolve) => (reached = resolve)),
        release: () => release(),
      };
      held.set(`${name}#${at}`, { reached, released: new Promise<void>((resolve) => (release = resolve)) });
      return handle;
    },
    /** Runs `work` as call number n of `name`, holding its answer if a test asked for that. */
    async pass<T>(name: Name, work: () => Promise<T>): Promise<T> {
      const n = (calls.get(name) ?? 0) + 1;
      calls.set(name, n);
      const result = await work();
      const point = held.get(`${name}#${n}`);
      if (point) {
        held.delete(`${name}#${n}`);
        point.reached();
        await point.released;
      }
      return result;
    },
  };
}

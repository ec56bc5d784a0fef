/** Receives each chunk written to this process's stdout or stderr while subscribed. */
type OutputListener = (stream: 'stdout' | 'stderr', text: string) => void;

const listeners = new Set<OutputListener>();
let installed = false;

function decode(chunk: unknown, encoding: unknown): string {
  if (typeof chunk === 'string') return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk).toString(typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  return String(chunk);
}

/**
 * Passes every write to process.stdout/stderr through unchanged and also hands it to the listeners.
 * Installed once per process and never removed, so it composes with whoever else wraps write()
 * (Playwright's worker forwards these streams to the runner) regardless of the order of restores.
 */
function install(): void {
  if (installed) return;
  installed = true;
  for (const name of ['stdout', 'stderr'] as const) {
    const stream = process[name];
    const write = stream.write;
    stream.write = function tappedWrite(this: typeof stream, chunk: unknown, ...rest: unknown[]): boolean {
      const encoding = typeof rest[0] === 'string' ? rest[0] : undefined;
      for (const listener of listeners) listener(name, decode(chunk, encoding));
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof stream.write;
  }
}

/**
 * Records what this process writes to stdout/stderr from now until the returned stop() — the
 * chromium driver runs the app's core in this process, so that is everything the core printed.
 */
export function tapProcessOutput(listener: OutputListener): () => void {
  install();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

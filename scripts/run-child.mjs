// Runs one child process in the foreground for `npm start` and `npm run dev`: this script exits as
// the child does, and signals meant for the pair reach the child once. Plain Node, no dependencies.
import { spawn } from 'node:child_process';

/**
 * Electron quits gracefully (ending the session) on its first SIGINT/SIGTERM, but a second one kills
 * it at once. Ctrl+C already reaches the child from the terminal (same process group), so SIGINT is
 * only passed on if the child is still running a moment later, e.g. when this script alone was
 * signalled. SIGTERM and SIGHUP are passed on once, straight away.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env: NodeJS.ProcessEnv, what: string, shell?: boolean }} options `what` names
 *   the child in errors; `shell` for npm's .cmd shims on Windows
 */
export function runChild(command, args, { cwd, env, what, shell = false }) {
  const child = spawn(command, args, { cwd, env, stdio: 'inherit', windowsHide: false, shell });

  const running = () => child.exitCode === null && child.signalCode === null;
  const forwarded = new Set();
  const forward = (signal) => {
    if (forwarded.has(signal)) return;
    forwarded.add(signal);
    if (signal === 'SIGINT') {
      setTimeout(() => running() && child.kill(signal), 2000).unref();
    } else if (running()) {
      child.kill(signal);
    }
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, forward);

  child.on('error', (error) => {
    process.stderr.write(`Gatehouse could not launch ${what}: ${error.message}\n`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    for (const s of signals) process.off(s, forward);
    if (signal) {
      process.kill(process.pid, signal); // end the same way the child did
      return;
    }
    process.exitCode = code ?? 1;
  });
}

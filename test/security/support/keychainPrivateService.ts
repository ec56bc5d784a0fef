import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The login keyring's password. Non-empty: gnome-keyring refuses to unlock with an empty one. */
const KEYRING_PASSWORD = 'gatehouse test keyring';
const LOGIN = '/org/freedesktop/secrets/collection/login';

/**
 * A Secret Service of this test file's own: a session bus (dbus-daemon) with gnome-keyring on it,
 * under a throwaway HOME. Locking its login collection cannot disturb other test files, which share
 * the one scripts/with-private-keyring.sh started. Processes given `env` use it.
 */
export interface PrivateSecretService {
  readonly env: NodeJS.ProcessEnv;
  /** org.freedesktop.Secret.Service.Lock on the login collection, as the desktop's "Lock" does. */
  lock(): void;
  /** Unlocks with the password, as typing it at login does; a new daemon reads the keyring file. */
  unlock(): void;
  isLocked(): boolean;
  stop(): void;
}

export async function startPrivateSecretService(): Promise<PrivateSecretService> {
  const home = mkdtempSync(join(tmpdir(), 'gatehouse-own-keyring-'));
  const bus: ChildProcess = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const address = await firstLine(bus);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DBUS_SESSION_BUS_ADDRESS: address,
    HOME: home,
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_RUNTIME_DIR: home,
  };
  const run = (command: string, args: string[], input?: string) => {
    const result = spawnSync(command, args, { env, input, encoding: 'utf8', timeout: 15_000 });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
    return result.stdout;
  };
  const startKeyring = (extra: string[]) => {
    run('gnome-keyring-daemon', [...extra, '--unlock', '--components=secrets', '--daemonize'], `${KEYRING_PASSWORD}\n`);
    // Returns once the daemon owns its bus name (an event, not a poll).
    run('gdbus', ['wait', '--session', '--timeout', '10', 'org.freedesktop.secrets']);
  };
  const gdbusCall = (path: string, method: string, ...args: string[]) =>
    run('gdbus', ['call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path', path, '--method', method, ...args]);

  startKeyring([]);
  return {
    env,
    lock: () => void gdbusCall('/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.Lock', `['${LOGIN}']`),
    unlock: () => startKeyring(['--replace']),
    isLocked: () => gdbusCall(LOGIN, 'org.freedesktop.DBus.Properties.Get', 'org.freedesktop.Secret.Collection', 'Locked').includes('true'),
    stop() {
      bus.kill(); // gnome-keyring-daemon leaves with its bus
      rmSync(home, { recursive: true, force: true });
    },
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      lines.close();
      resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`dbus-daemon exited (${code}) before printing its address`)));
  });
}

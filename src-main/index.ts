/**
 * Electron main process entry: hands Electron, the environment, the bundle's paths and the
 * backend's start-up step to the lifecycle (./electron/appLifecycle), which wires the shell
 * (./electron) to the Electron-free backend (./core).
 */
import { join } from 'node:path';
import { app, powerMonitor, session } from 'electron';
import { keytarKeychainFor } from './core/secrets/keytarSecretStore';
import { openBackend } from './core/storage/openBackend';
import { runGatehouse } from './electron/appLifecycle';

runGatehouse({
  electron: { app, powerMonitor, session },
  env: process.env,
  platform: process.platform,
  rendererDir: join(__dirname, '../renderer'),
  preloadPath: join(__dirname, '../preload/index.cjs'),
  openBackend,
  createSecretStore: keytarKeychainFor,
});

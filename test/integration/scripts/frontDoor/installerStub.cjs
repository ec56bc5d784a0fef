/**
 * Stands in for node_modules/electron/install.js (the electron package's installer) in the front-door
 * test's throwaway project: the process boundary that would download Electron. It records that it
 * ran and with which environment, then, as FAKE_INSTALLER says, either "installs" — the stand-in
 * executable as dist/electron and path.txt naming it, as the real installer leaves them — or fails the
 * way the real one does: `console.error(err.stack)`, exit 1. Test code only.
 */
const fs = require('node:fs');
const path = require('node:path');

const logDir = process.env.FAKE_LOG_DIR;
fs.appendFileSync(
  path.join(logDir, 'installer.jsonl'),
  `${JSON.stringify({ cwd: process.cwd(), mirror: process.env.ELECTRON_MIRROR ?? null })}\n`,
);

if (process.env.FAKE_INSTALLER === 'succeed') {
  console.log('Downloading electron-v45.5.0-linux-x64.zip: [====] 100% (stand-in)');
  fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
  fs.copyFileSync(process.env.FAKE_STANDIN, path.join(__dirname, 'dist', 'electron'));
  fs.chmodSync(path.join(__dirname, 'dist', 'electron'), 0o755);
  fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
} else {
  const error = new Error('getaddrinfo ENOTFOUND github.com');
  error.name = 'RequestError';
  console.error(error.stack);
  process.exit(1);
}

/**
 * Stands in for the Electron executable in the front-door test (the process boundary `npm start`
 * and `npm run dev` launch). A shell wrapper named `electron` runs it as
 * `node electronStandIn.cjs <wrapper path> <Electron's arguments…>`. It records its arguments and
 * environment, then, like Electron, loads the app folder it was given (package.json "main", the
 * real build) with a recording `electron` module, long enough to see which identity the app takes:
 * app name, paths, keychain service. Under `electron-vite dev` it also fetches the dev server's page.
 * Test code only.
 *
 * Env: FAKE_LOG_DIR (where to write launch-<n>.json), FAKE_ELECTRON_EXIT (exit code),
 * FAKE_WAIT_FOR_TERM (wait for SIGTERM instead, and record it).
 */
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const [executable, ...args] = process.argv.slice(2);
const logDir = process.env.FAKE_LOG_DIR;
const launch = fs.readdirSync(logDir).filter((name) => name.startsWith('launch-')).length + 1;
const report = { executable, args, cwd: process.cwd(), env: { ...process.env }, setName: [], setPath: [], keychainServices: [] };
const write = () => fs.writeFileSync(path.join(logDir, `launch-${launch}.json`), JSON.stringify(report, null, 2));
write();

if (process.env.FAKE_WAIT_FOR_TERM) {
  process.on('SIGTERM', () => {
    report.gotSigterm = true;
    write();
    process.exit(0);
  });
  fs.writeFileSync(path.join(logDir, 'waiting'), '');
  setInterval(() => {}, 1000);
} else {
  void probeApp().finally(() => {
    write();
    process.exit(Number(process.env.FAKE_ELECTRON_EXIT ?? 0));
  });
}

async function probeApp() {
  if (process.env.ELECTRON_RENDERER_URL) {
    const response = await fetch(process.env.ELECTRON_RENDERER_URL);
    const html = await response.text();
    report.devServer = { status: response.status, csp: /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? null };
  }
  const appDir = path.resolve(args.find((arg) => !arg.startsWith('-')) ?? '.');
  const main = path.resolve(appDir, JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')).main);
  const done = new Promise((resolve) => {
    stubModules(resolve);
  });
  require(main);
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 15_000))]);
}

/** `electron` (recording the app's identity) and `keytar` (recording the service name); everything else is real. */
function stubModules(finished) {
  const home = process.env.HOME;
  // Whatever else the app asks of Electron: a do-nothing object that is never a promise.
  const anything = new Proxy(function () {}, {
    get: (_target, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => 0 : anything),
    apply: () => anything,
    construct: () => anything,
  });
  const app = {
    // Electron's own rule: packaged unless the executable is Electron's.
    isPackaged: !['electron', 'electron.exe'].includes(path.basename(executable).toLowerCase()),
    getPath: (name) => ({ appData: path.join(home, '.config'), home })[name] ?? path.join(home, name),
    setName: (name) => report.setName.push(name),
    setPath: (name, value) => report.setPath.push([name, value]),
    commandLine: { hasSwitch: () => false },
    requestSingleInstanceLock: () => true,
    whenReady: async () => {
      // As Electron does before `ready` (Browser::DidFinishLaunching): create userData.
      const userData = report.setPath.findLast(([name]) => name === 'userData')?.[1];
      if (userData) fs.mkdirSync(userData, { recursive: true, mode: 0o700 });
    },
    exit: (code) => {
      report.appExit = code;
      finished();
    },
  };
  const electron = new Proxy(
    { app: new Proxy(app, { get: (target, key) => (key in target ? target[key] : anything) }) },
    {
      get: (target, key) => (key in target ? target[key] : anything),
    },
  );
  const record = (service) => {
    report.keychainServices.push(service);
    finished(); // reconciliation reached the keychain: the app is up
  };
  const keytar = {
    getPassword: async (service) => (record(service), null),
    setPassword: async (service) => record(service),
    deletePassword: async (service) => (record(service), false),
    findCredentials: async (service) => (record(service), []),
  };
  const load = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'electron') return electron;
    if (request === 'keytar') return keytar;
    return load.call(this, request, ...rest);
  };
}

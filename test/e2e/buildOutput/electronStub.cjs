/**
 * A stand-in for the `electron` module, preloaded with `node -r` to smoke-test the BUILT main
 * bundle (out/main/index.js) on machines without the Electron binary. It records what the bundle
 * asks of Electron, then plays the renderer once: IPC calls from the main window's frame and one
 * from a sub-frame, then two-factor enrollment far enough to use the desktop port — copying the
 * secret key (an in-memory clipboard that keeps every format written), screen-capture protection,
 * and downloading the recovery codes (a save dialog that answers with a path in
 * $GATEHOUSE_STUB_DOWNLOADS, then "Cancel") — and closes the window. It prints a JSON report and
 * exits. Test code only.
 */
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const { join } = require('node:path');

const report = {
  setPath: [],
  singleInstanceLock: 0,
  channels: [],
  windows: [],
  calls: {},
  saveDialogs: [],
  contentProtection: [],
  clipboardFormats: [],
};
let clipboardText = '';
/** Answers for the save dialogs to come: a file name inside $GATEHOUSE_STUB_DOWNLOADS, or null for "Cancel". */
const saveAnswers = ['codes-from-the-stub.txt', null];
const handlers = new Map();
const emitters = [];
const track = (emitter) => (emitters.push(emitter), emitter);

const app = track(new EventEmitter());
Object.assign(app, {
  isPackaged: true,
  getPath: (name) => (name === 'home' ? '/nonexistent/home' : '/nonexistent/default-user-data'),
  setName: (name) => (report.name = name),
  setPath: (name, value) => report.setPath.push([name, value]),
  enableSandbox: () => undefined,
  commandLine: { hasSwitch: () => false },
  requestSingleInstanceLock: () => ((report.singleInstanceLock += 1), true),
  whenReady: () => Promise.resolve(),
  quit: () => undefined,
  exit: (code) => finish({ exitCode: code }),
  getName: () => 'Gatehouse',
  getVersion: () => '0.1.0',
  setAboutPanelOptions: (options) => (report.aboutPanel = options),
});

let nextId = 1;
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    const id = nextId++;
    const mainFrame = { url: 'gatehouse://app/index.html', parent: null, detached: false };
    this.webContents = Object.assign(track(new EventEmitter()), { id, mainFrame, setWindowOpenHandler() {} });
    report.windows.push({ webPreferences: options.webPreferences });
    track(this);
  }
  loadURL(url) {
    this.loadedUrl = url;
    setImmediate(() => playRenderer(this));
    return Promise.resolve();
  }
  show() {}
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  isDestroyed() {
    return false;
  }
  maximize() {}
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 40, y: 30, width: 1000, height: 700 };
  }
  setContentProtection(enable) {
    report.contentProtection.push(enable);
  }
}

/** Electron 45's ClipboardItem: keeps its entries until clipboard.write() commits them. */
class ClipboardItem {
  constructor(items) {
    this.items = items;
  }
}

function saveDialog(args) {
  const [parent, options] = args.length > 1 ? args : [undefined, args[0]];
  report.saveDialogs.push({ parentIsWindow: parent instanceof BrowserWindow, options });
  const name = saveAnswers.shift();
  if (!name) return { canceled: true, filePath: '' };
  return { canceled: false, filePath: join(process.env.GATEHOUSE_STUB_DOWNLOADS, name) };
}

async function playRenderer(window) {
  const invoke = (channel, frame, payload) => handlers.get(channel)({ sender: window.webContents, senderFrame: frame }, payload);
  const { mainFrame } = window.webContents;
  const call = (operation, payload = {}) => invoke(`gatehouse:${operation}`, mainFrame, payload);
  report.loadedUrl = window.loadedUrl;
  report.calls.listAccounts = await call('listAccounts');
  report.calls.fromSubFrame = await invoke('gatehouse:listAccounts', { url: mainFrame.url, parent: mainFrame }, {});
  report.calls.invalid = await call('signIn', { email: 'x' });

  const password = 'bundle smoke test password';
  report.calls.createAccount = await call('createAccount', { name: 'Bundle Test', email: 'bundle@example.com', password });
  const begin = await call('beginTwoFactorEnrollment', { password });
  report.calls.beginTwoFactorEnrollment = begin;
  report.calls.copySecretKey = await call('copyToClipboard', { item: 'secretKey' });
  report.clipboardAfterCopy = clipboardText;
  report.protectedDuringEnrollment = report.contentProtection.at(-1);
  if (begin.ok) {
    const { generate } = require('otplib');
    const code = await generate({ secret: begin.value.enrollment.secretKey.replace(/\s+/g, '') });
    report.calls.confirmTwoFactorEnrollment = await call('confirmTwoFactorEnrollment', { code });
  }
  report.calls.downloadSaved = await call('downloadRecoveryCodes');
  report.calls.downloadCancelled = await call('downloadRecoveryCodes');
  report.calls.markSecretsHidden = await call('markSecretsHidden');
  report.protectedAfterHidden = report.contentProtection.at(-1);
  window.emit('close', { preventDefault() {} }); // saves the window state
  finish({});
}

function finish(extra) {
  report.mainBundleRequires = [...requested].sort();
  process.stdout.write(`${JSON.stringify({ ...report, ...extra })}\n`);
  process.exit(0);
}

const noop = () => undefined;
const electron = {
  app,
  BrowserWindow,
  ipcMain: { handle: (channel, handler) => (report.channels.push(channel), handlers.set(channel, handler)), removeHandler: noop },
  protocol: { registerSchemesAsPrivileged: noop, handle: noop },
  net: { fetch: () => Promise.reject(new Error('not in the stub')) },
  session: {
    defaultSession: Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: noop,
      setPermissionCheckHandler: noop,
      setDevicePermissionHandler: noop,
      setDisplayMediaRequestHandler: noop,
    }),
  },
  powerMonitor: track(new EventEmitter()),
  nativeTheme: { shouldUseDarkColors: false },
  Menu: { buildFromTemplate: () => ({}), setApplicationMenu: noop },
  dialog: {
    showErrorBox: (title, message) => (report.errorBox = { title, message }),
    showSaveDialog: async (...args) => saveDialog(args),
  },
  ClipboardItem,
  clipboard: {
    readText: async () => clipboardText,
    write: async (items) => {
      const formats = Object.assign({}, ...items.map((item) => item.items));
      report.clipboardFormats = Object.keys(formats);
      clipboardText = formats['text/plain'];
    },
    clear: () => {
      clipboardText = '';
    },
  },
  shell: { openExternal: () => Promise.resolve(), openPath: () => Promise.resolve('') },
  screen: Object.assign(track(new EventEmitter()), {
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
  }),
};

// Every module the main bundle itself loads, as it asks for it (its lazy keytar load included).
const mainBundle = require('node:path').resolve(process.argv[1]);
const requested = new Set();
const load = Module._load;
Module._load = function (request, parent, ...rest) {
  if (parent?.filename === mainBundle) requested.add(request);
  return load.call(this, request, parent, ...rest);
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? __filename : resolveFilename.call(this, request, ...rest);
};
require.cache[__filename].exports = electron;
// A hang guard only (no test here asserts a time); GATEHOUSE_STUB_TIMEOUT_MS overrides it.
setTimeout(() => finish({ timedOut: true }), Number(process.env.GATEHOUSE_STUB_TIMEOUT_MS) || 120_000).unref();

// The smallest Electron main for the start-up baseline (bench --driver electron): one sandboxed
// window on the built baseline app, the way electron-vite's template loads a renderer.
const { join } = require('node:path');
const { app, BrowserWindow } = require('electron');

app.whenReady().then(() => {
  const window = new BrowserWindow({ webPreferences: { sandbox: true, contextIsolation: true } });
  void window.loadFile(join(process.env.GATEHOUSE_BENCH_BASELINE_DIR, 'index.html'));
});
app.on('window-all-closed', () => app.quit());

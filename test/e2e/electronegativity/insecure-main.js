// A deliberately insecure Electron main file. Never loaded: electronegativity.spec.ts scans it to
// prove the scan and the SARIF parser do see findings (a scan that reports nothing proves nothing).
import { BrowserWindow } from 'electron';

export function openInsecureWindow() {
  const window = new BrowserWindow({
    webPreferences: {
      nodeIntegration: true,
      contextIsolation: false,
      sandbox: false,
      webSecurity: false,
      allowRunningInsecureContent: true,
      experimentalFeatures: true,
    },
  });
  window.loadURL('http://insecure.example/');
  return window;
}

// Reported on its own: the tool skips nodeIntegration when the same window also turns sandbox off.
export function openNodeWindow() {
  return new BrowserWindow({ webPreferences: { nodeIntegration: true } });
}

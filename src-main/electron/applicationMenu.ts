/**
 * A minimal application menu of standard roles (developer items only in an unpackaged app), a
 * Help menu, and the About panel it opens (./aboutPanel).
 */
import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { aboutPanelOptions } from './aboutPanel';

/** What the Help menu does; the shell supplies it, tests pass their own. */
export interface HelpActions {
  readonly appName: string;
  /** Opens the data folder in the file manager. */
  openDataFolder(): void;
}

/** The Help menu's item names (the accessible-name contract in docs/testing.md lists them). */
export const OPEN_DATA_FOLDER_LABEL = 'Open Data Folder';
export const aboutLabel = (appName: string): string => `About ${appName}`;

function helpMenu(platform: NodeJS.Platform, help: HelpActions): MenuItemConstructorOptions {
  return {
    role: 'help',
    submenu: [
      { label: OPEN_DATA_FOLDER_LABEL, click: () => help.openDataFolder() },
      // macOS has About in the app menu; elsewhere it belongs here.
      ...(platform === 'darwin' ? [] : ([{ type: 'separator' }, { role: 'about', label: aboutLabel(help.appName) }] as const)),
    ],
  };
}

export function applicationMenuTemplate(
  platform: NodeJS.Platform,
  includeDevTools: boolean,
  help: HelpActions,
): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(includeDevTools ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const) : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    helpMenu(platform, help),
  ];
}

/** Installs the menu and the About panel's text; `dataDir` is where this Gatehouse keeps its data. */
export function installApplicationMenu(includeDevTools: boolean, dataDir: string): void {
  const appName = app.getName();
  app.setAboutPanelOptions(aboutPanelOptions(process.platform, { name: appName, version: app.getVersion(), dataDir }));
  const help: HelpActions = {
    appName,
    openDataFolder: () => {
      shell.openPath(dataDir).then(
        (problem) => problem && console.error('Gatehouse could not open its data folder.'),
        () => console.error('Gatehouse could not open its data folder.'),
      );
    },
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform, includeDevTools, help)));
}

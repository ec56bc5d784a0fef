/**
 * The Help menu and the About panel (src-main/electron/applicationMenu.ts, aboutPanel.ts) with
 * the shared fake `electron` (test/support/fakeElectron.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => import('../../support/fakeElectron').then((fake) => fake.electronModule));

import { resetFakeElectron, type FakeElectron } from '../../support/fakeElectron';
import { aboutPanelOptions, LICENSE } from '../../../src-main/electron/aboutPanel';
import {
  aboutLabel,
  applicationMenuTemplate,
  installApplicationMenu,
  OPEN_DATA_FOLDER_LABEL,
} from '../../../src-main/electron/applicationMenu';

const DATA_DIR = '/home/ada/.config/Gatehouse';

let electron: FakeElectron;
beforeEach(() => {
  electron = resetFakeElectron();
  electron.app.getVersion.mockReturnValue('1.2.3');
});

/** The Help menu of a template, and its items' visible names. */
function help(template: MenuItemConstructorOptions[]) {
  const menu = template.at(-1)!;
  const items = menu.submenu as MenuItemConstructorOptions[];
  return { menu, items, names: items.filter((item) => item.type !== 'separator').map((item) => item.label) };
}

describe('the Help menu', () => {
  const actions = { appName: 'Gatehouse', openDataFolder: vi.fn() };

  it.each(['linux', 'win32'] as const)('on %s: "Open Data Folder" and "About Gatehouse"', (platform) => {
    const { menu, items, names } = help(applicationMenuTemplate(platform, false, actions));
    expect(menu.role).toBe('help');
    expect(names).toEqual([OPEN_DATA_FOLDER_LABEL, 'About Gatehouse']);
    expect(items.find((item) => item.label === 'About Gatehouse')?.role).toBe('about');
  });

  it('on macOS: "Open Data Folder" only (About is in the app menu)', () => {
    const template = applicationMenuTemplate('darwin', false, actions);
    expect(help(template).names).toEqual([OPEN_DATA_FOLDER_LABEL]);
    expect(template[0]).toEqual({ role: 'appMenu' });
  });

  it('"Open Data Folder" runs the action it was given', () => {
    const { items } = help(applicationMenuTemplate('linux', false, actions));
    const open = items.find((item) => item.label === OPEN_DATA_FOLDER_LABEL)!;
    (open.click as () => void)();
    expect(actions.openDataFolder).toHaveBeenCalledTimes(1);
  });

  it('names the development build by its own name', () => {
    expect(aboutLabel('Gatehouse Dev')).toBe('About Gatehouse Dev');
  });
});

describe('installApplicationMenu', () => {
  it('sets the About panel from the app name, version and data folder, and installs the menu', () => {
    installApplicationMenu(false, DATA_DIR);
    expect(electron.app.setAboutPanelOptions).toHaveBeenCalledWith(
      aboutPanelOptions(process.platform, { name: 'Gatehouse', version: '1.2.3', dataDir: DATA_DIR }),
    );
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });

  it('opens the data folder with the OS, and logs (without the path) when it cannot', async () => {
    installApplicationMenu(false, DATA_DIR);
    const template = electron.Menu.buildFromTemplate.mock.calls[0]![0] as MenuItemConstructorOptions[];
    const open = help(template).items.find((item) => item.label === OPEN_DATA_FOLDER_LABEL)!;
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      (open.click as () => void)();
      expect(electron.shell.openPath).toHaveBeenCalledWith(DATA_DIR);
      electron.shell.openPath.mockResolvedValueOnce('Failed to open path');
      (open.click as () => void)();
      await vi.waitFor(() => expect(log).toHaveBeenCalledTimes(1), { timeout: 30_000 });
      expect(String(log.mock.calls[0])).not.toContain(DATA_DIR);
    } finally {
      log.mockRestore();
    }
  });
});

describe('aboutPanelOptions', () => {
  const facts = { name: 'Gatehouse', version: '1.2.3', dataDir: DATA_DIR };

  it.each(['darwin', 'win32'] as const)('on %s: version, licence, and the data folder in the credits', (platform) => {
    const options = aboutPanelOptions(platform, facts);
    expect(options).toMatchObject({ applicationName: 'Gatehouse', applicationVersion: '1.2.3', copyright: 'MIT License' });
    expect(options.credits).toBe(`Your data is stored in ${DATA_DIR}`);
  });

  it('on Linux (no credits field there): the data folder goes under the licence', () => {
    const options = aboutPanelOptions('linux', facts);
    expect(options).toEqual({
      applicationName: 'Gatehouse',
      applicationVersion: '1.2.3',
      copyright: `MIT License\nYour data is stored in ${DATA_DIR}`,
    });
  });

  it("states package.json's licence", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { license: string };
    expect(LICENSE).toBe(pkg.license);
  });
});

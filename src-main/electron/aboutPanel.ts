/**
 * The About panel (app.setAboutPanelOptions): name, version, licence and where the data lives.
 * Each OS shows other fields: macOS and Windows show `credits`, Linux (a GTK about dialog) shows
 * no credits, so there the data folder goes into `copyright`.
 */
import type { AboutPanelOptionsOptions } from 'electron';

/** package.json's "license" (test/unit/electron/aboutPanel.test.ts keeps them equal). */
export const LICENSE = 'MIT';

export interface AboutFacts {
  readonly name: string;
  readonly version: string;
  readonly dataDir: string;
}

export function aboutPanelOptions(platform: NodeJS.Platform, { name, version, dataDir }: AboutFacts): AboutPanelOptionsOptions {
  const licence = `${LICENSE} License`;
  const dataLine = `Your data is stored in ${dataDir}`;
  const common = { applicationName: name, applicationVersion: version };
  if (platform === 'linux') return { ...common, copyright: `${licence}\n${dataLine}` };
  return { ...common, ...(platform === 'darwin' ? { version } : {}), copyright: licence, credits: dataLine };
}

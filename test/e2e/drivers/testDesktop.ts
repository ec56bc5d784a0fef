import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DesktopIntegration } from '../../../src-main/core/desktop/desktopIntegration';

/** The chromium driver's desktop port, plus what a test may ask of it. */
export interface TestDesktop extends DesktopIntegration {
  /** What the app last copied ('' before any copy). */
  clipboardText(): string;
  /** The next save "dialog" answers as if the person clicked Cancel. */
  cancelNextSave(): void;
  /** Whether the core has the window protected from screen capture now. */
  screenProtected(): boolean;
}

/**
 * Test code, not product code: the DesktopIntegration the chromium driver composes the core with,
 * where there is no Electron. The clipboard is a string in memory (no clearing after a minute: the
 * Electron adapter's unit tests cover that). Screen protection is a flag a spec can read. The save "dialog" accepts the suggested name as is and
 * writes into `downloadsDir` (the test's downloads folder), owner-only like the Electron adapter;
 * a suggested name that is not a bare file name fails the save, so a bad suggestion is not hidden.
 * Asked about a damaged database, it answers as a person keeping their data would: restore the
 * backup when one is offered, else start with no accounts.
 */
export function createTestDesktop(downloadsDir: string): TestDesktop {
  let clipboard = '';
  let cancelNext = false;
  let screenProtected = false;
  return {
    async copyText(text) {
      clipboard = text;
    },
    protectScreen(on) {
      screenProtected = on;
    },
    async saveTextFile({ suggestedName, contents }) {
      if (cancelNext) {
        cancelNext = false;
        return null;
      }
      if (suggestedName === '' || basename(suggestedName) !== suggestedName) {
        throw new Error(`Gatehouse e2e: the suggested file name is not a bare file name: ${JSON.stringify(suggestedName)}`);
      }
      await writeFile(join(downloadsDir, suggestedName), contents, { encoding: 'utf8', mode: 0o600 });
      return { fileName: suggestedName };
    },
    async chooseDatabaseRecovery(report) {
      return report.newestBackup ? 'restore' : 'start-empty';
    },
    clipboardText: () => clipboard,
    screenProtected: () => screenProtected,
    cancelNextSave() {
      cancelNext = true;
    },
  };
}

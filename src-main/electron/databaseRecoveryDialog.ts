/**
 * The native dialog shown at start-up when the database was damaged. By then the damaged file has
 * already been moved aside, so whatever the person chooses, nothing can write over it.
 */
import { dialog, type MessageBoxOptions } from 'electron';
import type { DamagedDatabaseReport, RecoveryChoice } from '../core/desktop/desktopIntegration';

export const RECOVERY_DIALOG_TITLE = 'Gatehouse found a damaged database';

/** What restoring undoes and what it keeps (the two-factor state comes back from the keychain, see syncWitness). */
export const RESTORE_UNDOES =
  'Restoring undoes every change made since that backup: accounts created since are not in it, and names and passwords are as they were then, so sign in with the password you had then. ' +
  'Two-factor authentication is not rolled back: used codes stay used, a replaced set of recovery codes stays replaced, and a lock stays in place. ' +
  'Accounts deleted since stay deleted.';

/** A backup's time as the person reads dates, e.g. "28 Nov 2026, 14:30". */
const formatTakenAt = (takenAt: number): string => new Date(takenAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The dialog's text and buttons, with the choice each button stands for (the first is the default). */
export function recoveryDialog(report: DamagedDatabaseReport): { options: MessageBoxOptions; choices: RecoveryChoice[] } {
  const backup = report.newestBackup;
  const buttons = backup
    ? [`Restore backup from ${formatTakenAt(backup.takenAt)}`, 'Start with no accounts', 'Quit']
    : ['Start with no accounts', 'Quit'];
  const choices: RecoveryChoice[] = backup ? ['restore', 'start-empty', 'quit'] : ['start-empty', 'quit'];
  const next = backup
    ? `You can restore the most recent backup, from ${formatTakenAt(backup.takenAt)}, or start with no accounts.\n\n${RESTORE_UNDOES}`
    : 'There is no backup to restore. You can start with no accounts, or quit and keep the data folder as it is.';
  return {
    options: {
      type: 'warning',
      title: RECOVERY_DIALOG_TITLE,
      message: "Gatehouse's database is damaged and can't be opened.",
      detail: `The damaged file was moved to:\n${report.movedTo}\n\nNothing in it was deleted. ${next}`,
      buttons,
      defaultId: 0,
      cancelId: buttons.length - 1,
      noLink: true,
    },
    choices,
  };
}

export async function askDatabaseRecovery(report: DamagedDatabaseReport): Promise<RecoveryChoice> {
  const { options, choices } = recoveryDialog(report);
  const { response } = await dialog.showMessageBox(options);
  return choices[response] ?? 'quit';
}

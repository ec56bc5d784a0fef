import type { DamagedDatabaseReport, DesktopIntegration, RecoveryChoice } from '../../src-main/core/desktop/desktopIntegration';

/**
 * A desktop that records what was copied and saved, and each change of screen protection; the next
 * save can be made to cancel or fail. Asked about a damaged database, it records the report and
 * answers `recoveryAnswer` ('quit' unless set).
 */
export function createFakeDesktop() {
  const copied: string[] = [];
  /** Every protectScreen call, in order. */
  const protections: boolean[] = [];
  const saved: { suggestedName: string; contents: string }[] = [];
  const recoveryReports: DamagedDatabaseReport[] = [];
  let nextSave: 'save' | 'cancel' | 'fail' = 'save';
  const state = { recoveryAnswer: 'quit' as RecoveryChoice };

  const desktop: DesktopIntegration = {
    async copyText(text) {
      copied.push(text);
    },
    protectScreen(on) {
      protections.push(on);
    },
    async saveTextFile(request) {
      const outcome = nextSave;
      nextSave = 'save';
      if (outcome === 'fail') throw new Error('EACCES: permission denied');
      if (outcome === 'cancel') return null;
      saved.push(request);
      return { fileName: request.suggestedName };
    },
    async chooseDatabaseRecovery(report) {
      recoveryReports.push(report);
      return state.recoveryAnswer;
    },
  };
  return {
    desktop,
    copied,
    saved,
    protections,
    /** Whether the window would be protected now (the last protectScreen call; off before any). */
    screenProtected: (): boolean => protections.at(-1) ?? false,
    recoveryReports,
    /** What the next damaged-database question is answered with. */
    answerRecoveryWith(choice: RecoveryChoice): void {
      state.recoveryAnswer = choice;
    },
    /** The next saveTextFile behaves like the person cancelling the dialog, or like a failed write. */
    nextSaveWill(outcome: 'cancel' | 'fail'): void {
      nextSave = outcome;
    },
  };
}

export type FakeDesktop = ReturnType<typeof createFakeDesktop>;

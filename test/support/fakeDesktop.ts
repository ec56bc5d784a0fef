import type { DesktopIntegration } from '../../src-main/core/desktop/desktopIntegration';

/** A desktop that records what was copied and saved; the next save can be made to cancel or fail. */
export function createFakeDesktop() {
  const copied: string[] = [];
  const saved: { suggestedName: string; contents: string }[] = [];
  let nextSave: 'save' | 'cancel' | 'fail' = 'save';

  const desktop: DesktopIntegration = {
    async copyText(text) {
      copied.push(text);
    },
    async saveTextFile(request) {
      const outcome = nextSave;
      nextSave = 'save';
      if (outcome === 'fail') throw new Error('EACCES: permission denied');
      if (outcome === 'cancel') return null;
      saved.push(request);
      return { fileName: request.suggestedName };
    },
  };
  return {
    desktop,
    copied,
    saved,
    /** The next saveTextFile behaves like the person cancelling the dialog, or like a failed write. */
    nextSaveWill(outcome: 'cancel' | 'fail'): void {
      nextSave = outcome;
    },
  };
}

export type FakeDesktop = ReturnType<typeof createFakeDesktop>;

/**
 * The port for the few things only the desktop shell can do: the system clipboard, the
 * native save dialog, keeping secrets on screen out of screen capture, and asking what to do
 * about a damaged database at start-up. The Electron shell implements it (src-main/electron); the
 * core never imports Electron, and tests pass their own implementation.
 */
export interface DesktopIntegration {
  /**
   * Puts a secret on the system clipboard, marked for clipboard managers and the OS clipboard
   * history as not to be kept or synced. The shell clears it again after a while if it still
   * holds this text.
   */
  copyText(text: string): Promise<void>;
  /**
   * While `on`, the window is kept out of screenshots, screen recording and screen sharing (where
   * the OS can). The core turns it on before it returns the QR code, the secret key or recovery
   * codes, and off when the renderer says they are hidden (markSecretsHidden) or the session ends.
   * The shell keeps the setting across whatever can reset it (a minimised, hidden or new window).
   */
  protectScreen(on: boolean): void;
  /**
   * Asks where to save a text file (native save dialog, `suggestedName` pre-filled) and writes
   * `contents` there, readable by the user only. Resolves to the chosen file's name, or null when
   * the person cancelled. Rejects when the file could not be written.
   */
  saveTextFile(request: { suggestedName: string; contents: string }): Promise<{ fileName: string } | null>;
  /**
   * Start-up found the database damaged and has already moved it to `report.movedTo`. Asks the
   * person (native dialog) whether to restore `report.newestBackup` (offered only when there is
   * one), start with no accounts, or quit.
   */
  chooseDatabaseRecovery(report: DamagedDatabaseReport): Promise<RecoveryChoice>;
}

/** What the person is told when the database was damaged. */
export interface DamagedDatabaseReport {
  /** The full path the damaged file was moved to. */
  readonly movedTo: string;
  /** The newest backup that passed its check, or null when there is none to restore. */
  readonly newestBackup: { readonly takenAt: number } | null;
}

/** 'restore' is only a valid answer when a backup was offered. */
export type RecoveryChoice = 'restore' | 'start-empty' | 'quit';

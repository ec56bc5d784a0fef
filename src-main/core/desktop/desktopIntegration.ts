/**
 * The port for the few things only the desktop shell can do: the system clipboard and the
 * native save dialog. The Electron shell implements it (src-main/electron); the core never
 * imports Electron, and tests pass their own implementation.
 */
export interface DesktopIntegration {
  /** Puts text on the system clipboard. The shell clears it again after a while if it still holds this text. */
  copyText(text: string): Promise<void>;
  /**
   * Asks where to save a text file (native save dialog, `suggestedName` pre-filled) and writes
   * `contents` there, readable by the user only. Resolves to the chosen file's name, or null when
   * the person cancelled. Rejects when the file could not be written.
   */
  saveTextFile(request: { suggestedName: string; contents: string }): Promise<{ fileName: string } | null>;
}

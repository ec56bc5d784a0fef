/**
 * The clipboard entries that mark a copied secret for the OS and for clipboard managers, written
 * in the same clipboard.write() as the text (Electron 45 commits one write atomically, through one
 * Chromium ScopedClipboardWriter). Electron's `electron application/osclipboard;format="<name>"`
 * type hands the bytes to Chromium's raw-format writer under exactly that platform name:
 *
 * - Windows: registered clipboard formats. ExcludeClipboardContentFromMonitorProcessing keeps the
 *   entry out of clipboard history, cloud clipboard and clipboard monitors; CanIncludeInClipboardHistory
 *   and CanUploadToCloudClipboard as a DWORD 0 say the same to Windows' own history and sync
 *   (learn.microsoft.com, "Cloud Clipboard and Clipboard History Formats").
 * - macOS: the pasteboard type org.nspasteboard.ConcealedType (nspasteboard.org), which clipboard
 *   managers honour by not recording the entry or masking it.
 * - Linux: no OS-wide convention. KDE's Klipper skips an entry offering x-kde-passwordManagerHint
 *   with the value "secret"; other managers see plain text, cleared after a minute like everywhere.
 */

/** The ClipboardItem key for a raw platform clipboard format. */
export function platformFormat(name: string): string {
  return `electron application/osclipboard;format="${name}"`;
}

/** A little-endian DWORD 0, as the Windows formats expect. */
const DWORD_ZERO = new Uint8Array(4);

export function secretClipboardMarkers(platform: NodeJS.Platform): Record<string, Blob | string> {
  switch (platform) {
    case 'win32':
      return {
        [platformFormat('ExcludeClipboardContentFromMonitorProcessing')]: new Blob([DWORD_ZERO]),
        [platformFormat('CanIncludeInClipboardHistory')]: new Blob([DWORD_ZERO]),
        [platformFormat('CanUploadToCloudClipboard')]: new Blob([DWORD_ZERO]),
      };
    case 'darwin':
      // The type's presence is the mark; its data is not read. Not empty, so no writer drops it.
      return { [platformFormat('org.nspasteboard.ConcealedType')]: 'secret' };
    default:
      return { [platformFormat('x-kde-passwordManagerHint')]: 'secret' };
  }
}

/**
 * Who may call an operation over IPC. Electron-free so it can be unit-tested: the
 * shapes below are the parts of IpcMainInvokeEvent / WebFrameMain the check reads.
 */
import { originOf } from './origins';

export interface FrameLike {
  readonly url: string;
  /** null for a top-level frame. */
  readonly parent: unknown;
  readonly detached?: boolean;
}

export interface IpcEventLike {
  readonly sender: { readonly id: number; readonly mainFrame: unknown };
  readonly senderFrame: FrameLike | null;
}

export interface SenderTrust {
  readonly allowedOrigin: string;
  /** The main window's webContents id; undefined while there is no window. */
  getTrustedWebContentsId(): number | undefined;
}

/** A frame may call IPC only if it exists, is a top-level frame, and shows our origin. */
export function isTrustedFrame(frame: FrameLike | null | undefined, allowedOrigin: string): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  if (frame.detached === true) return false;
  return originOf(frame.url) === allowedOrigin;
}

/** The full check: a trusted frame that is the main frame of the main window's webContents. */
export function isTrustedIpcSender(event: IpcEventLike, trust: SenderTrust): boolean {
  try {
    const trustedId = trust.getTrustedWebContentsId();
    if (trustedId === undefined || event.sender.id !== trustedId) return false;
    const frame = event.senderFrame;
    if (!frame || frame !== event.sender.mainFrame) return false;
    return isTrustedFrame(frame, trust.allowedOrigin);
  } catch {
    // A destroyed frame or webContents throws on access: refuse.
    return false;
  }
}

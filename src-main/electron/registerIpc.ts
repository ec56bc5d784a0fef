/**
 * The single place IPC is registered: one invoke handler per operation. Each checks
 * the sender before the backend sees anything, and never lets an exception cross IPC.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { MESSAGES } from '../../src-shared/errors';
import { channelFor, OPERATION_NAMES, type OperationName } from '../../src-shared/operations';
import { fail, type Result } from '../../src-shared/result';
import { isTrustedIpcSender, type IpcEventLike, type SenderTrust } from './ipcSenderPolicy';

export interface IpcBackend {
  dispatch(operation: string, payload: unknown): Promise<Result<unknown>>;
}

/** Returns the backend, or null once it has been closed (the app is quitting). */
export type BackendProvider = () => IpcBackend | null;

export function createOperationHandler(
  operation: OperationName,
  getBackend: BackendProvider,
  trust: SenderTrust,
): (event: IpcEventLike, payload: unknown) => Promise<Result<unknown>> {
  return async (event, payload) => {
    if (!isTrustedIpcSender(event, trust)) {
      return fail({ code: 'FORBIDDEN', message: MESSAGES.forbidden });
    }
    try {
      const backend = getBackend();
      if (backend === null) return fail({ code: 'INTERNAL', message: MESSAGES.internal });
      return await backend.dispatch(operation, payload);
    } catch (error) {
      // Only the name: messages can echo input, and input can be a password.
      console.error(`Gatehouse operation ${operation} failed: ${error instanceof Error ? error.name : typeof error}`);
      return fail({ code: 'INTERNAL', message: MESSAGES.internal });
    }
  };
}

/** Registers every operation; returns a function that removes them again. */
export function registerIpc(getBackend: BackendProvider, trust: SenderTrust): () => void {
  for (const operation of OPERATION_NAMES) {
    const handler = createOperationHandler(operation, getBackend, trust);
    ipcMain.handle(channelFor(operation), (event: IpcMainInvokeEvent, payload: unknown) => handler(event, payload));
  }
  return () => {
    for (const operation of OPERATION_NAMES) ipcMain.removeHandler(channelFor(operation));
  };
}

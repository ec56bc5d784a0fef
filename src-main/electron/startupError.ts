/** The native dialog shown when Gatehouse cannot start (the only dialog the shell needs so far). */
import { dialog } from 'electron';
import { DatabaseOpenError } from '../core/db/openDatabase';

export const STARTUP_ERROR_TITLE = "Gatehouse can't start";

const GENERIC_STARTUP_MESSAGE = 'Gatehouse ran into an unexpected problem while starting. Nothing was changed. Please try again.';

/** DatabaseOpenError messages are written for people; any other error's text stays out of the dialog. */
export function startupErrorMessage(error: unknown): string {
  return error instanceof DatabaseOpenError ? error.message : GENERIC_STARTUP_MESSAGE;
}

export function showStartupError(error: unknown): void {
  console.error(`Gatehouse failed to start: ${error instanceof Error ? error.name : typeof error}`);
  dialog.showErrorBox(STARTUP_ERROR_TITLE, startupErrorMessage(error));
}

import type { ApiError } from '../../src-shared/errors';

/** The message main gave for one field of an INVALID_INPUT error, if any. */
export function fieldError(error: ApiError | null | undefined, field: string): string | null {
  if (error?.code !== 'INVALID_INPUT') return null;
  return error.fields?.[field] ?? null;
}

/**
 * The text for a form's role="alert": the error's message, plus any field
 * messages the form has no field to show them next to.
 */
export function formAlertMessage(error: ApiError | null | undefined, shownFields: readonly string[]): string | null {
  if (!error) return null;
  const unshown =
    error.code === 'INVALID_INPUT' && error.fields
      ? Object.entries(error.fields)
          .filter(([field]) => !shownFields.includes(field))
          .map(([, message]) => message)
      : [];
  return [error.message, ...unshown].join(' ');
}

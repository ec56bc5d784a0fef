import type { ApiError } from './errors';

/** What every operation resolves to across the bridge: errors are values, never thrown exceptions. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: ApiError): Result<T> {
  return { ok: false, error };
}

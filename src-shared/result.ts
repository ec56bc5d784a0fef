import type { ApiError } from './errors';

/**
 * What every operation resolves to across the bridge: errors are values, never thrown exceptions.
 * A successful reply to an operation that acts within a session (see access.ts) also carries the
 * session's new inactivity expiry (epoch ms), so the renderer needs no second call to learn it.
 */
export type Result<T> =
  { readonly ok: true; readonly value: T; readonly sessionExpiresAt?: number } | { readonly ok: false; readonly error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: ApiError): Result<T> {
  return { ok: false, error };
}

/**
 * The only module that touches `window.gatehouse`, the bridge the preload exposes.
 * Stores call `getGatehouseApi()`; components never do. Tests inject a fake with
 * `setGatehouseApi(fake)` and remove it with `setGatehouseApi(null)`.
 */
import type { GatehouseApi, OperationInput, OperationOutput } from '../../src-shared/contract';
import { MESSAGES } from '../../src-shared/errors';
import type { OperationName } from '../../src-shared/operations';
import type { Result } from '../../src-shared/result';

let injected: GatehouseApi | null = null;

export function setGatehouseApi(api: GatehouseApi | null): void {
  injected = api;
}

export function getGatehouseApi(): GatehouseApi {
  if (injected) return injected;
  const bridge = typeof window === 'undefined' ? undefined : (window as Window & { readonly gatehouse?: GatehouseApi }).gatehouse;
  if (!bridge) {
    throw new Error(
      'Gatehouse: window.gatehouse is missing. The preload script did not expose the bridge, so the app cannot reach its data.',
    );
  }
  return bridge;
}

/**
 * Calls one operation and always resolves to a Result: a missing bridge, a
 * rejected promise or a malformed reply becomes an INTERNAL error with the
 * person-readable message (the details go to the console, never to the screen).
 */
export async function callGatehouse<K extends OperationName>(operation: K, input: OperationInput<K>): Promise<Result<OperationOutput<K>>> {
  try {
    const result: unknown = await getGatehouseApi()[operation](input);
    if (isResult(result)) return result as Result<OperationOutput<K>>;
    console.error(`Gatehouse: ${operation} returned a malformed reply.`);
  } catch (cause) {
    console.error(`Gatehouse: ${operation} failed.`, cause);
  }
  return { ok: false, error: { code: 'INTERNAL', message: MESSAGES.internal } };
}

function isResult(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  return (
    value.ok === false &&
    'error' in value &&
    typeof value.error === 'object' &&
    value.error !== null &&
    'message' in value.error &&
    typeof value.error.message === 'string'
  );
}

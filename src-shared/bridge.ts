/**
 * Builds the object exposed to the page: one named method per operation, each
 * forwarding its single argument to `transport`. The page can never choose a
 * channel. This function must stay self-contained (no imports, no outer
 * variables): the chromium test driver injects its source text into the page.
 */
export function buildBridgeApi(
  operationNames: readonly string[],
  transport: (operation: string, payload: unknown) => Promise<unknown>,
): Record<string, (payload?: unknown) => Promise<unknown>> {
  const api: Record<string, (payload?: unknown) => Promise<unknown>> = {};
  for (const name of operationNames) {
    api[name] = (payload?: unknown) => transport(name, payload === undefined ? {} : payload);
  }
  return Object.freeze(api);
}

/**
 * The fuzz tests of one shard of the contract's operations. The operations are split between
 * two test files (every other one), so vitest's two workers share the work; a new operation
 * joins a shard by itself.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, type OperationName } from '../../../src-shared/operations';
import { operationSchemas } from '../../../src-shared/schemas';
import { expectForbidden, expectInvalidInput, payloadStrings } from './expectRefused';
import { createFuzzTarget, expectCountersSeeARealCall, type FuzzTarget } from './fuzzTarget';
import { hostileOperationName, hostilePayload, LOOK_ALIKE_NAMES, TEN_MEGABYTES } from './hostilePayloads';
import { recordSecurityCheck } from '../../support/securityCheck';
import { VALID_EXAMPLES } from './validExamples';

/** The issue asks for at least 1,000 per operation; GATEHOUSE_FUZZ_RUNS may ask for more. */
const RUNS = Math.max(1000, Number(process.env['GATEHOUSE_FUZZ_RUNS']) || 0);
export const FUZZ_SHARDS = [0, 1].map((shard) => OPERATION_NAMES.filter((_, index) => index % 2 === shard));
const UNTOUCHED = { handlers: 0, sqlite: 0, keychain: 0, desktop: 0 };

const carriesTenMegabytes = (payload: unknown): boolean => payloadStrings(payload).some((text) => text.length >= TEN_MEGABYTES);

export function defineOperationFuzz(shard: number, { withNames = false } = {}): void {
  const operations = FUZZ_SHARDS[shard]!;
  let target: FuzzTarget;
  beforeAll(async () => void (target = await createFuzzTarget()));
  afterAll(() => target.cleanup());

  it('fuzzes every operation of the contract, each from a valid example', () => {
    expect(FUZZ_SHARDS.flat().sort()).toEqual([...OPERATION_NAMES].sort());
    expect(Object.keys(VALID_EXAMPLES).sort()).toEqual([...OPERATION_NAMES].sort());
    for (const operation of operations) expect(v.safeParse(operationSchemas[operation], VALID_EXAMPLES[operation]).success, operation).toBe(true);
  });

  describe.each(operations)('%s', (operation: OperationName) => {
    it('refuses arbitrary and near-valid payloads as INVALID_INPUT, touching nothing', async (ctx) => {
      const before = target.snapshot();
      let counted = 0;
      let tenMegabytePayloads = 0;
      await fc.assert(
        fc.asyncProperty(hostilePayload(operation), async (payload) => {
          const sent = structuredClone(payload); // as Electron's IPC does
          // abortPipeEarly as dispatch does: same verdict, without running every check over 10 MB.
          fc.pre(!v.safeParse(operationSchemas[operation], sent, { abortPipeEarly: true }).success);
          counted += 1;
          if (carriesTenMegabytes(sent)) tenMegabytePayloads += 1;
          const result = await target.harness.backend.dispatch(operation, sent);
          expectInvalidInput(operation, result, sent);
          expect(target.touched()).toEqual(UNTOUCHED);
        }),
        { numRuns: RUNS },
      );
      expect(target.snapshot()).toEqual({ ...before, database: { ...before.database, integrity: 'ok' } });
      await expectCountersSeeARealCall(target);
      expect(counted).toBeGreaterThanOrEqual(1000);
      expect(tenMegabytePayloads).toBeGreaterThan(0);
      recordSecurityCheck(ctx, {
        area: 'Hostile input at the IPC boundary',
        check: `fuzz ${operation}: arbitrary and near-valid payloads`,
        tried: counted,
        unit: 'payloads',
      });
    });
  });

  if (withNames) it('refuses unknown and look-alike operation names as FORBIDDEN, touching nothing', async (ctx) => {
    const before = target.snapshot();
    let tried = 0;
    const payloads = fc.oneof(fc.constantFrom<unknown>(...Object.values(VALID_EXAMPLES)), hostilePayload('signIn'));
    await fc.assert(
      fc.asyncProperty(hostileOperationName, payloads, async (name, payload) => {
        tried += 1;
        expectForbidden(await target.harness.backend.dispatch(structuredClone(name), structuredClone(payload)));
        expect(target.touched()).toEqual(UNTOUCHED);
      }),
      { numRuns: RUNS, examples: LOOK_ALIKE_NAMES.map((name): [unknown, unknown] => [name, VALID_EXAMPLES.signIn]) },
    );
    expect(target.snapshot()).toEqual({ ...before, database: { ...before.database, integrity: 'ok' } });
    await expectCountersSeeARealCall(target);
    recordSecurityCheck(ctx, { area: 'Hostile input at the IPC boundary', check: 'fuzz operation names: unknown and look-alike', tried, unit: 'names' });
  });
}

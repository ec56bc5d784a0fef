/**
 * Hostile input at the IPC boundary: every operation of the contract fuzzed from a valid example,
 * the operation names, and a check that the refusal check itself fails when it should.
 *
 * One file, one worker: vitest runs a file's tests in sequence, and this file, though among the
 * longest, is far shorter than half the suite, so the pool (longest files first) keeps both workers
 * busy without a hand-made split. Focus on one operation with `-t`, e.g.
 * `npx vitest run test/security/fuzzOperations.test.ts -t signIn`.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src-shared/errors';
import { OPERATION_NAMES, type OperationName } from '../../src-shared/operations';
import { fail, ok } from '../../src-shared/result';
import { operationSchemas } from '../../src-shared/schemas';
import { recordSecurityCheck } from '../support/securityCheck';
import { expectForbidden, expectInvalidInput, payloadStrings } from './support/expectRefused';
import { createFuzzTarget, expectCountersSeeARealCall, type FuzzTarget } from './support/fuzzTarget';
import { hostileOperationName, hostilePayload, LOOK_ALIKE_NAMES, TEN_MEGABYTES } from './support/hostilePayloads';
import { VALID_EXAMPLES } from './support/validExamples';

/** The issue asks for at least 1,000 per operation; GATEHOUSE_FUZZ_RUNS may ask for more. */
const RUNS = Math.max(1000, Number(process.env['GATEHOUSE_FUZZ_RUNS']) || 0);
const UNTOUCHED = { handlers: 0, sqlite: 0, keychain: 0, desktop: 0 };
const PAYLOAD_FUZZ = 'refuses arbitrary and near-valid payloads as INVALID_INPUT, touching nothing';

const carriesTenMegabytes = (payload: unknown): boolean => payloadStrings(payload).some((text) => text.length >= TEN_MEGABYTES);

let target: FuzzTarget;
beforeAll(async () => void (target = await createFuzzTarget()));
afterAll(() => target.cleanup());

it('fuzzes every operation of the contract, each from a valid example', (ctx) => {
  const fuzzed = ctx.task.file.tasks.filter((task) => task.type === 'suite' && task.tasks.some((test) => test.name === PAYLOAD_FUZZ));
  expect(fuzzed.map((suite) => suite.name).sort()).toEqual([...OPERATION_NAMES].sort());
  expect(Object.keys(VALID_EXAMPLES).sort()).toEqual([...OPERATION_NAMES].sort());
  for (const operation of OPERATION_NAMES)
    expect(v.safeParse(operationSchemas[operation], VALID_EXAMPLES[operation]).success, operation).toBe(true);
});

describe.each(OPERATION_NAMES)('%s', (operation: OperationName) => {
  it(PAYLOAD_FUZZ, async (ctx) => {
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

it('refuses unknown and look-alike operation names as FORBIDDEN, touching nothing', async (ctx) => {
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
  recordSecurityCheck(ctx, {
    area: 'Hostile input at the IPC boundary',
    check: 'fuzz operation names: unknown and look-alike',
    tried,
    unit: 'names',
  });
});

describe('the refusal check', () => {
  const payload = { name: 7, 'hunter2 secret key': 'correct horse battery' };
  const invalid = (fields: Record<string, string>) => fail({ code: 'INVALID_INPUT', message: MESSAGES.invalidInput, fields });

  it('passes the real refusal and fails an acceptance, another code, a foreign field, a made-up message or an echo', () => {
    expect(() =>
      expectInvalidInput('updateProfile', invalid({ name: 'Enter your name.', form: 'This value is not accepted.' }), payload),
    ).not.toThrow();
    expect(() => expectInvalidInput('updateProfile', ok({}), payload)).toThrow();
    expect(() => expectInvalidInput('updateProfile', fail({ code: 'INTERNAL', message: MESSAGES.internal }), payload)).toThrow();
    expect(() => expectInvalidInput('updateProfile', invalid({ 'hunter2 secret key': 'This value is not accepted.' }), payload)).toThrow();
    expect(() => expectInvalidInput('updateProfile', invalid({ name: 'Name 7 is not accepted.' }), payload)).toThrow();
    expect(() => expectInvalidInput('updateProfile', invalid({ form: 'correct horse battery' }), payload)).toThrow();
  });
});

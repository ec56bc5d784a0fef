/**
 * What a compromised renderer could send: arbitrary structured-clone values, and near-valid
 * payloads made by mutating an operation's valid example (extra and prototype-named keys,
 * wrong types, numbers as strings and back, NUL bytes, lone surrogates, overlong, empty and
 * 10 MB strings, missing fields, the right object in the wrong container).
 */
import fc from 'fast-check';
import { isOperationName, type OperationName } from '../../../src-shared/operations';
import { validExample } from './validExamples';

type Payload = Record<string, unknown>;
type Edit = (payload: Payload) => Payload;

export const TEN_MEGABYTES = 10 * 1024 * 1024;
const TRICKY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'then', 'length', '', ' ', '\u0000'];
const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];

// Built once, and one byte per character (a lone surrogate would double the size and the clone
// time; surrogates are fuzzed in short strings): a 10 MB string costs ~10 ms to clone.
let tenMegabyteStrings: readonly string[] | undefined;
const huge = fc.integer({ min: 0, max: 2 }).map((index) => {
  tenMegabyteStrings ??= ['a', '1', '\u0000'].map((unit) => unit.repeat(TEN_MEGABYTES));
  return tenMegabyteStrings[index]!;
});

const binaryString = fc.string({ unit: 'binary', maxLength: 40 });
// Weights: about one payload in forty carries a 10 MB string, enough to be sure it is refused, few enough to stay fast.
const hostileKey = fc.oneof(
  { arbitrary: fc.constantFrom(...TRICKY_KEYS), weight: 30 },
  { arbitrary: binaryString, weight: 30 },
  { arbitrary: huge, weight: 1 },
);

/** Any value structuredClone accepts: null, undefined, bigint, Dates, Maps, Sets, typed arrays, boxed and sparse values. */
export const anyValue: fc.Arbitrary<unknown> = fc.anything({
  key: hostileKey.filter((key) => key.length < 64),
  maxDepth: 3,
  maxKeys: 5,
  stringUnit: 'binary',
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Sets an own, enumerable property even for '__proto__', which plain assignment would not create. */
function withOwnKey(payload: Payload, key: string, value: unknown): Payload {
  const copy = { ...payload };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Edits that copy a string character by character skip 10 MB values: seconds each, nothing new tested. */
const isHuge = (value: string): boolean => value.length > 10_000;

/** Hostile variants of a field's current value (assumed a string; others are stringified first). */
const hostileString: fc.Arbitrary<(value: string) => string> = fc.oneof(
  { arbitrary: fc.nat().map((at) => (value: string) => insertAt(value, at, '\u0000')), weight: 4 },
  {
    arbitrary: fc.tuple(fc.nat(), fc.constantFrom(...LONE_SURROGATES)).map(
      ([at, unit]) =>
        (value: string) =>
          insertAt(value, at, unit),
    ),
    weight: 4,
  },
  {
    arbitrary: fc.integer({ min: 2, max: 400 }).map((times) => (value: string) => (isHuge(value) ? value : value.repeat(times))),
    weight: 3,
  },
  { arbitrary: fc.constantFrom('', ' ', '\t\n', '\u200B').map((blank) => () => blank), weight: 3 },
  {
    arbitrary: fc.constant((value: string) =>
      isHuge(value) ? value : value.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit))),
    ),
    weight: 1,
  },
  { arbitrary: binaryString.map((text) => () => text), weight: 3 },
  { arbitrary: huge.map((text) => () => text), weight: 1 },
);

function insertAt(value: string, at: number, text: string): string {
  const index = at % (value.length + 1);
  return value.slice(0, index) + text + value.slice(index);
}

/** A value of another type, or the right value in the wrong wrapper. */
const wrongType: fc.Arbitrary<(value: unknown) => unknown> = fc.oneof(
  fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.bigInt()).map((other) => () => other),
  fc
    .oneof(fc.date({ noInvalidDate: false }), fc.uint8Array({ maxLength: 8 }), fc.array(binaryString, { maxLength: 3 }))
    .map((other) => () => other),
  fc.constantFrom(
    (value: unknown) => new String(value),
    (value: unknown) => [value],
    (value: unknown) => ({ value }),
    (value: unknown) => new Map([['value', value]]),
  ),
);

/** "123456" becomes 123456, 20 becomes "20" (or " 20", "20.0"). */
const swapNumberAndString = fc.constantFrom('plain', 'padded', 'decimal').map((style) => (value: unknown) => {
  if (typeof value !== 'number') return Number(String(value).replace(/\s/g, '')) || 0;
  return style === 'plain' ? String(value) : style === 'padded' ? ` ${value}` : `${value}.0`;
});

function fieldEdits(fields: readonly string[]): fc.Arbitrary<Edit>[] {
  const addKey = fc.tuple(hostileKey, anyValue).map(
    ([key, value]): Edit =>
      (payload) =>
        withOwnKey(payload, key, value),
  );
  if (fields.length === 0) return [addKey];
  const field = fc.constantFrom(...fields);
  const change = (arbitrary: fc.Arbitrary<(value: never) => unknown>) =>
    fc.tuple(field, arbitrary).map(
      ([name, edit]): Edit =>
        (payload) =>
          withOwnKey(payload, name, edit(payload[name] as never)),
    );
  return [
    addKey,
    change(wrongType),
    change(swapNumberAndString),
    change(hostileString.map((edit) => (value: unknown) => edit(String(value)))),
    field.map(
      (name): Edit =>
        ({ [name]: _removed, ...rest }) =>
          rest,
    ),
  ];
}

/** JSON for the "payload sent as a string" case; long strings are cut, escaping 10 MB of NULs takes seconds. */
const jsonSafe = (_key: string, value: unknown): unknown =>
  typeof value === 'bigint' ? `${value}` : typeof value === 'string' && value.length > 1000 ? value.slice(0, 1000) : value;

/** Most results stay plain objects; some are the right object in the wrong container. */
const container: fc.Arbitrary<(payload: Payload) => unknown> = fc.oneof(
  { arbitrary: fc.constant((payload: Payload) => payload), weight: 12 },
  {
    arbitrary: fc.constantFrom(
      (payload: Payload) => [payload],
      (payload: Payload) => new Map(Object.entries(payload)),
      (payload: Payload) => new Set([payload]),
      (payload: Payload) => JSON.stringify(payload, jsonSafe),
      (payload: Payload) => ({ payload }),
    ),
    weight: 1,
  },
);

/** One to three edits of the operation's valid example, then maybe a wrong container. */
export function nearValidPayload(operation: OperationName): fc.Arbitrary<unknown> {
  const example = validExample(operation);
  const edits = fc.array(fc.oneof(...fieldEdits(Object.keys(example))), { minLength: 1, maxLength: 3 });
  return fc.tuple(edits, container).map(([list, wrap]) => wrap(list.reduce((payload, edit) => edit(payload), { ...example })));
}

/** The payloads fuzzed for one operation: one in five arbitrary, the rest near-valid. */
export function hostilePayload(operation: OperationName): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: anyValue, weight: 1 }, { arbitrary: nearValidPayload(operation), weight: 4 });
}

/** Operation names that must be refused: look-alikes, prototype members, arbitrary strings and non-strings. */
export const LOOK_ALIKE_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'signIn ',
  ' signIn',
  'SIGNIN',
  'signin',
  'sign-in',
  'gatehouse:signIn',
  '',
  'signIn\u0000',
  'sıgnIn',
];
export const hostileOperationName: fc.Arbitrary<unknown> = fc
  .oneof(fc.constantFrom(...LOOK_ALIKE_NAMES), fc.string({ unit: 'binary' }), anyValue)
  .filter((name) => !isOperationName(name));

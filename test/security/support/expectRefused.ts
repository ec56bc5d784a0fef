/**
 * What a refused call must look like: exactly the typed error, with messages from a fixed
 * catalogue, field names from the contract, and nothing of the payload echoed back.
 */
import { expect } from 'vitest';
import { MESSAGES } from '../../../src-shared/errors';
import type { OperationName } from '../../../src-shared/operations';
import { describePasswordProblem, type PasswordProblem } from '../../../src-shared/passwordPolicy';
import type { Result } from '../../../src-shared/result';
import { operationSchemas } from '../../../src-shared/schemas';

/** Every `message` a schema can produce, found by walking the valibot schema objects. */
function schemaMessages(node: unknown, found = new Set<string>()): Set<string> {
  if (node === null || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'message' && typeof value === 'string') found.add(value);
    else if (typeof value === 'object') schemaMessages(value, found);
  }
  return found;
}

const PASSWORD_PROBLEMS: PasswordProblem[] = ['too-short', 'too-long', 'malformed'];
/** dispatch's fallback for schema steps without their own message (it never quotes the value). */
const GENERIC_MESSAGE = 'This value is not accepted.';
const FIELD_MESSAGES = new Set([...schemaMessages(operationSchemas), ...PASSWORD_PROBLEMS.map(describePasswordProblem), GENERIC_MESSAGE]);
const FIELD_NAMES = (operation: OperationName) => ['form', ...Object.keys(operationSchemas[operation].entries)];
/** Text the error may legitimately contain; a payload string inside it proves no echo. */
const VOCABULARY = [...FIELD_MESSAGES, ...Object.keys(operationSchemas).flatMap((name) => FIELD_NAMES(name as OperationName))].join('\n');

/** Every string a payload carries, as keys or values, through arrays, objects, Maps, Sets and boxes. */
export function payloadStrings(value: unknown, found: string[] = [], seen = new Set<object>()): string[] {
  if (typeof value === 'string') found.push(value);
  if (value === null || typeof value !== 'object' || seen.has(value)) return found;
  seen.add(value);
  // A boxed string's characters are also its indexed properties: take the value, not 10 M entries.
  if (value instanceof String) {
    found.push(value.valueOf());
    return found;
  }
  const children = value instanceof Map ? [...value].flat() : value instanceof Set ? [...value] : Object.entries(value).flat();
  for (const child of children) payloadStrings(child, found, seen);
  return found;
}

function expectNoEcho(error: unknown, payload: unknown): void {
  const text = JSON.stringify(error);
  for (const value of payloadStrings(payload)) {
    if (value.length >= 4 && !VOCABULARY.includes(value)) expect(text.includes(value), 'payload string echoed').toBe(false);
  }
}

/** Resolved (not thrown), INVALID_INPUT, the fixed message, known fields with catalogue messages, no echo. */
export function expectInvalidInput(operation: OperationName, result: Result<unknown>, payload: unknown): void {
  if (result.ok) expect.fail(`${operation} accepted a payload its schema refuses`);
  const { code, message, fields, ...rest } = result.error;
  expect({ code, message, rest }).toEqual({ code: 'INVALID_INPUT', message: MESSAGES.invalidInput, rest: {} });
  for (const [field, text] of Object.entries(fields ?? {})) {
    expect(FIELD_NAMES(operation)).toContain(field);
    expect(FIELD_MESSAGES).toContain(text);
  }
  expectNoEcho(result.error, payload);
  // The reply crosses IPC again, so it must be cloneable too.
  expect(structuredClone(result)).toEqual(result);
}

/** FORBIDDEN with the fixed message and nothing else. */
export function expectForbidden(result: Result<unknown>): void {
  expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: MESSAGES.forbidden } });
}

/**
 * core/operations/ shows the use cases: exactly one file per operation of the contract, named
 * after it and exporting a function of that name (issue 14, item 3). Helpers live elsewhere.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../../src-shared/operations';

const folder = resolve(__dirname, '..', '..', '..', 'src-main', 'core', 'operations');

describe('core/operations', () => {
  it('holds exactly one file per operation, named after it', () => {
    expect(readdirSync(folder).sort()).toEqual(OPERATION_NAMES.map((name) => `${name}.ts`).sort());
  });

  it.each(OPERATION_NAMES)('operations/%s.ts exports %s', async (name) => {
    const module = (await import(resolve(folder, `${name}.ts`))) as Record<string, unknown>;
    expect(module[name]).toEqual(expect.any(Function));
  });
});

import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../src-main/core/resolveDataDir';

describe('resolveDataDir', () => {
  it("uses the platform's app-data folder by default", () => {
    expect(resolveDataDir({}, '/home/ada/.config/Gatehouse')).toBe('/home/ada/.config/Gatehouse');
    expect(resolveDataDir({ GATEHOUSE_DATA_DIR: '   ' }, '/default')).toBe('/default');
  });

  it('uses GATEHOUSE_DATA_DIR when set, made absolute', () => {
    expect(resolveDataDir({ GATEHOUSE_DATA_DIR: '/tmp/gatehouse-e2e-1' }, '/default')).toBe('/tmp/gatehouse-e2e-1');
    expect(resolveDataDir({ GATEHOUSE_DATA_DIR: 'relative/dir' }, '/default')).toBe(resolve('relative/dir'));
  });
});

/** Where Chromium's own data goes (src-main/electron/appPaths.ts): the per-user cache folder, one per data directory. */
import { describe, expect, it } from 'vitest';
import { chromiumDirName, userCacheDir } from '../../../src-main/electron/appPaths';

describe('userCacheDir', () => {
  it.each([
    ['linux', {}, '/home/ada/.cache'],
    ['linux', { XDG_CACHE_HOME: '/var/cache/ada' }, '/var/cache/ada'],
    ['linux', { XDG_CACHE_HOME: 'relative/cache' }, '/home/ada/.cache'],
    ['freebsd', {}, '/home/ada/.cache'],
    ['darwin', { XDG_CACHE_HOME: '/ignored' }, '/home/ada/Library/Caches'],
    ['win32', { LOCALAPPDATA: '/c/Users/ada/AppData/Local' }, '/c/Users/ada/AppData/Local'],
    ['win32', {}, '/home/ada/AppData/Local'],
  ] as const)('on %s with %o is %s', (platform, env, expected) => {
    expect(userCacheDir(platform, env, '/home/ada')).toBe(expected);
  });
});

describe('chromiumDirName', () => {
  it('is "Chromium" for the default data directory', () => {
    expect(chromiumDirName('/home/ada/.config/Gatehouse', '/home/ada/.config/Gatehouse')).toBe('Chromium');
  });

  it('is stable per data directory and differs between them', () => {
    const one = chromiumDirName('/srv/gatehouse/one', '/home/ada/.config/Gatehouse');
    expect(one).toMatch(/^Chromium-[0-9a-f]{16}$/);
    expect(chromiumDirName('/srv/gatehouse/one', '/home/ada/.config/Gatehouse')).toBe(one);
    expect(chromiumDirName('/srv/gatehouse/two', '/home/ada/.config/Gatehouse')).not.toBe(one);
  });
});

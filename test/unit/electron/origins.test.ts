import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, APP_START_URL, isSameOrigin, originOf, resolveRendererSource } from '../../../src-main/electron/origins';

describe('originOf', () => {
  it('builds an origin for the non-special gatehouse: scheme (URL.origin would be "null")', () => {
    expect(originOf('gatehouse://app/index.html')).toBe('gatehouse://app');
    expect(originOf('http://localhost:5173/x')).toBe('http://localhost:5173');
    expect(originOf('https://example.com:443/x')).toBe('https://example.com');
  });

  it('has none for URLs without a host', () => {
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('data:text/plain,x')).toBeNull();
    expect(originOf('nonsense')).toBeNull();
  });

  it('compares by origin', () => {
    expect(isSameOrigin('gatehouse://app/a/b?c#d', APP_ORIGIN)).toBe(true);
    expect(isSameOrigin('gatehouse://app.evil/', APP_ORIGIN)).toBe(false);
  });
});

describe('resolveRendererSource', () => {
  it('serves the bundled renderer by default', () => {
    expect(resolveRendererSource({}, false)).toEqual({
      startUrl: APP_START_URL,
      allowedOrigin: APP_ORIGIN,
      isDevServer: false,
    });
  });

  it('uses the electron-vite dev server in an unpackaged app', () => {
    expect(resolveRendererSource({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toEqual({
      startUrl: 'http://localhost:5173/',
      allowedOrigin: 'http://localhost:5173',
      isDevServer: true,
    });
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    expect(resolveRendererSource({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true).isDevServer).toBe(false);
  });

  it.each(['https://evil.example/', 'http://192.168.1.5:5173/', 'file:///etc/passwd', 'not a url'])(
    'ignores a non-loopback dev URL: %s',
    (url) => {
      expect(resolveRendererSource({ ELECTRON_RENDERER_URL: url }, false).startUrl).toBe(APP_START_URL);
    },
  );
});

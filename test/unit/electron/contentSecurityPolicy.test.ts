import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../src-main/electron/contentSecurityPolicy';

const projectRoot = resolve(__dirname, '..', '..', '..');

function metaPolicy(htmlFile: string): string | undefined {
  const html = readFileSync(htmlFile, 'utf8');
  const tag = html.match(/<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i)?.[0];
  const content = tag?.match(/content=(?:"([^"]*)"|'([^']*)')/i);
  return (content?.[1] ?? content?.[2])?.replace(/\s+/g, ' ').trim();
}

describe('Content-Security-Policy', () => {
  it('is strict: nothing but our own scripts and styles, no network, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  const indexHtml = resolve(projectRoot, 'src-renderer', 'index.html');
  it('is the header policy minus the header-only frame-ancestors in a meta tag', () => {
    expect(META_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });

  it.skipIf(!existsSync(indexHtml))('matches the meta tag in src-renderer/index.html', () => {
    expect(metaPolicy(indexHtml)).toBe(META_CONTENT_SECURITY_POLICY);
  });
});

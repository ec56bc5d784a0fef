/**
 * The one Content-Security-Policy of the renderer. The app protocol sends it as a
 * response header. src-renderer/index.html carries it in a meta tag too, minus
 * `frame-ancestors`, which browsers ignore (with a console warning) in a meta tag;
 * a unit test keeps the two in step.
 */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

/** Directives that only work as a header. */
const HEADER_ONLY = ['frame-ancestors'];

/** The Content-Security-Policy response header of every gatehouse://app response. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** The same policy as it must appear in the renderer's `<meta http-equiv="Content-Security-Policy">`. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((directive) => !HEADER_ONLY.includes(directive.split(' ')[0]!)).join('; ');

/**
 * One CSP for both hosts (Electron's app:// handler and the headless host's static server):
 * only our own scripts, no eval, no plugins, no framing, network only to our own origin.
 * `style-src 'unsafe-inline'` is not granted: React sets styles through the CSSOM, which CSP
 * does not govern, and our CSS ships as files.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

import { describe, expect, it } from 'vitest';
import { mimeTypeOf, resolveStaticPath } from '../../../electron/services/shared/static-files';

describe('resolveStaticPath', () => {
  const root = '/srv/app/out/renderer';
  it.each([
    ['/', '/srv/app/out/renderer/index.html'],
    ['/index.html', '/srv/app/out/renderer/index.html'],
    ['/assets/index-abc.js?v=1', '/srv/app/out/renderer/assets/index-abc.js'],
    ['/assets/a%20b.css', '/srv/app/out/renderer/assets/a b.css'],
  ])('%s → %s', (url, expected) => {
    expect(resolveStaticPath(root, url)).toBe(expected);
  });

  it.each([
    '/../../etc/passwd',
    '/assets/../../secret',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/a%00.js',
    '/..%5c..%5cwin.ini',
    '/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveStaticPath(root, url)).toBeNull();
  });

  it('knows the types it serves', () => {
    expect(mimeTypeOf('a.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('a.unknown')).toBe('application/octet-stream');
  });
});

/** Which content codings a request's Accept-Encoding allows (RFC 9110 §12.5.3). */
import { describe, expect, it } from 'vitest';
import { acceptsEncoding, encodingWeight } from '../../server/http/accept-encoding.ts';

describe('acceptsEncoding', () => {
  it.each([
    // [header, br, gzip]
    ['gzip, deflate, br, zstd', true, true],
    ['gzip', false, true],
    ['BR', true, false],
    ['br;q=0, gzip', false, true],
    ['br; q=0.5, gzip;q=0', true, false],
    ['gzip;q=0.000', false, false],
    ['*', true, true],
    ['*;q=0', false, false],
    ['*, gzip;q=0', true, false],
    ['identity', false, false],
    ['', false, false],
    [' , ,br', true, false],
    ['gzip;level=9', false, true],
    ['brotli, xgzip', false, false],
    ['x-gzip', false, true],
    ['gzip;q=, br;q=abc', true, true],
  ] as const)('%j → br %s, gzip %s', (header, br, gzip) => {
    expect(acceptsEncoding(header, 'br')).toBe(br);
    expect(acceptsEncoding(header, 'gzip')).toBe(gzip);
  });

  it('gives each coding its weight, so that a server can follow a stated preference', () => {
    expect(encodingWeight('br;q=0.1, gzip', 'br')).toBe(0.1);
    expect(encodingWeight('br;q=0.1, gzip', 'gzip')).toBe(1);
    expect(encodingWeight('*;q=0.5, br', 'gzip')).toBe(0.5);
    expect(encodingWeight('gzip;q=1.5', 'gzip')).toBe(1);
  });

  it('reads a header sent twice as one list, and no header as nothing accepted', () => {
    expect(acceptsEncoding(['gzip;q=0', 'br'], 'br')).toBe(true);
    expect(acceptsEncoding(['gzip;q=0', 'br'], 'gzip')).toBe(false);
    expect(acceptsEncoding(undefined, 'gzip')).toBe(false);
  });
});

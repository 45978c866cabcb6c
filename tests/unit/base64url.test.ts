import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode } from '../../src/domain/base64url.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('base64url without padding', () => {
  it('encodes the RFC 4648 test vectors (url alphabet, padding dropped)', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(base64urlEncode(text(''))).toBe('');
    expect(base64urlEncode(text('f'))).toBe('Zg');
    expect(base64urlEncode(text('fo'))).toBe('Zm8');
    expect(base64urlEncode(text('foo'))).toBe('Zm9v');
    expect(base64urlEncode(text('foob'))).toBe('Zm9vYg');
    expect(base64urlEncode(text('fooba'))).toBe('Zm9vYmE');
    expect(base64urlEncode(text('foobar'))).toBe('Zm9vYmFy');
    expect(base64urlEncode(bytes(0xfb, 0xff, 0xbf))).toBe('-_-_');
  });

  it('decodes back', () => {
    expect(base64urlDecode('-_-_')).toEqual(bytes(0xfb, 0xff, 0xbf));
    expect(base64urlDecode('Zm9vYg')).toEqual(new TextEncoder().encode('foob'));
  });

  it.each([
    ['padding', 'Zg=='],
    ['standard alphabet +', 'a+b/'],
    ['impossible length', 'Zm9vY'],
    ['non-zero spare bits', 'Zh'],
    ['non-ASCII', 'Zé'],
    ['whitespace', 'Zm9v '],
  ])('refuses %s', (_label, text) => {
    expect(base64urlDecode(text)).toBeUndefined();
  });

  it('round-trips any bytes, and agrees with the platform base64 with the url alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (input) => {
        const text = base64urlEncode(input);
        expect(base64urlDecode(text)).toEqual(input);
        const standard = btoa(String.fromCharCode(...input));
        expect(text).toBe(standard.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, ''));
      }),
    );
  });
});

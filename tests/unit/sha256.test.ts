import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex, utf8 } from '../../src/domain/hashing.ts';
import { sha256HexSync } from '../../src/domain/sha256.ts';

describe('sha256HexSync', () => {
  it('matches the FIPS 180-2 vectors, including two blocks and a million a', () => {
    expect(sha256HexSync(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexSync(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256HexSync(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256HexSync(new Uint8Array(1_000_000).fill(0x61))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with WebCrypto for any bytes, across the padding boundaries 55/56/64', async () => {
    for (const n of [55, 56, 57, 63, 64, 65, 119, 120, 128]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
      expect(sha256HexSync(bytes)).toBe(await sha256Hex(bytes));
    }
    // A short message after a long one: the padding buffer kept between calls holds no stale bytes.
    const long = new Uint8Array(5_000).fill(0xff);
    const short = new Uint8Array(60).fill(0x01);
    expect(sha256HexSync(long)).toBe(await sha256Hex(long));
    expect(sha256HexSync(short)).toBe(await sha256Hex(short));
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 700 }), async (bytes) => {
        expect(sha256HexSync(bytes)).toBe(await sha256Hex(bytes));
      }),
      { numRuns: 200 },
    );
  });
});

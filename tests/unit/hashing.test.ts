import { describe, expect, it } from 'vitest';
import { entryHash, entrySigningBytes, sha256Hex } from '../../src/domain/hashing.ts';
import { PY_ENTRY_1 } from './entry-test-kit.ts';

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 vectors', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex(new TextEncoder().encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('hashes a string as its UTF-8 bytes', async () => {
    expect(await sha256Hex('café')).toBe(await sha256Hex(new Uint8Array([0x63, 0x61, 0x66, 0xc3, 0xa9])));
  });
});

describe('entryHash (CONTRACT §2)', () => {
  it('equals the hash an independent Python client computed for the same entry', async () => {
    expect(await entryHash(PY_ENTRY_1.entry)).toBe(PY_ENTRY_1.entry.hash);
    expect(new TextDecoder().decode(entrySigningBytes(PY_ENTRY_1.entry))).toBe(PY_ENTRY_1.canonical);
  });

  it('ignores hash and sig but covers every other field', async () => {
    const base = await entryHash(PY_ENTRY_1.entry);
    expect(await entryHash({ ...PY_ENTRY_1.entry, hash: 'x', sig: 'y' })).toBe(base);
    expect(await entryHash({ ...PY_ENTRY_1.entry, seq: 2 })).not.toBe(base);
    expect(await entryHash({ ...PY_ENTRY_1.entry, data: { ...PY_ENTRY_1.entry.data, amount: 20001 } })).not.toBe(base);
  });
});

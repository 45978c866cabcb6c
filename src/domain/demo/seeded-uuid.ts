/**
 * UUIDv7 ids for the demo's entries, members and loans, made from the business date's instant and
 * the seeded generator instead of the clock and WebCrypto: the demo is the same every time.
 */
import type { SeededRandom } from './prng.ts';

export function seededUuidv7(instantMs: number, random: SeededRandom): string {
  const bytes = new Uint8Array(16);
  for (let i = 6; i < 16; i++) bytes[i] = random.byte();
  let ms = Math.max(0, Math.floor(instantMs));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

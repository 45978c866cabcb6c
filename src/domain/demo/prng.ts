/**
 * A small seeded pseudo-random generator (mulberry32) for the demo cooperative: the same seed gives
 * the same cooperative on every phone and server, so a demo can be reproduced and tested. Not for
 * anything secret — keys and real ids use WebCrypto.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    // `>>> 0` folds any integer seed (negative, large) into the 32-bit state mulberry32 works on.
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** A whole amount of rupiah in [min, max], rounded down to a multiple of `step` (cash is counted in notes). */
  amount(min: number, max: number, step: number): number {
    return Math.max(step, Math.floor(this.int(min, max) / step) * step);
  }

  /** A byte (0–255), for ids. */
  byte(): number {
    return Math.floor(this.next() * 256);
  }
}

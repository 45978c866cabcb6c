/**
 * Terbilang: an amount in Indonesian words, as written on a kwitansi (receipt) so that a figure
 * cannot be altered. `1500000` → `satu juta lima ratus ribu rupiah`.
 *
 * Rules: 10 sepuluh, 11 sebelas, 12–19 "dua belas"…, 100 seratus, 1000 seribu (only when the whole
 * thousands group is one: 1 001 000 is "satu juta seribu"), then juta, miliar, triliun; beyond
 * 999 triliun the triliun count is itself spelled ("seribu triliun"). Zero is "nol", negatives
 * "minus …". The formal "satu juta" is used, never the colloquial "sejuta".
 */

const ONES = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;
const SCALES = ['', 'ribu', 'juta', 'miliar', 'triliun'] as const;
const TRILLION = 1_000_000_000_000n;

function one(digit: number): string {
  return ONES[digit] ?? '';
}

/** 1..999 in words. */
function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(one(hundreds), 'ratus');
  if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest > 11 && rest < 20) words.push(one(rest - 10), 'belas');
  else if (rest >= 20) {
    words.push(one(Math.floor(rest / 10)), 'puluh');
    if (rest % 10 > 0) words.push(one(rest % 10));
  } else if (rest > 0) words.push(one(rest));
  return words;
}

/** 1..999 999 999 999 999 in words. */
function belowQuadrillion(n: bigint): string[] {
  const groups: number[] = [];
  for (let rest = n; rest > 0n; rest /= 1000n) groups.push(Number(rest % 1000n));
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0;
    if (group === 0) continue;
    const scale = SCALES[i] ?? '';
    if (i === 1 && group === 1) words.push('seribu');
    else words.push(...belowThousand(group), ...(scale === '' ? [] : [scale]));
  }
  return words;
}

function positiveWords(n: bigint): string[] {
  if (n < 1000n * TRILLION) return belowQuadrillion(n);
  // Past 999 triliun Indonesians keep counting triliun: 10^15 is "seribu triliun".
  const trillions = n / TRILLION;
  return [...positiveWords(trillions), 'triliun', ...belowQuadrillion(n % TRILLION)];
}

/** The number alone in words: `terbilangAngka(2500)` → `dua ribu lima ratus`. */
export function terbilangAngka(value: number | bigint): string {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`terbilang needs a safe integer, got ${String(value)}`);
  }
  const n = BigInt(value);
  if (n === 0n) return 'nol';
  const words = positiveWords(n < 0n ? -n : n);
  return (n < 0n ? ['minus', ...words] : words).join(' ');
}

/** An amount in words with the currency: `terbilang(1500000)` → `satu juta lima ratus ribu rupiah`. */
export function terbilang(value: number | bigint): string {
  return `${terbilangAngka(value)} rupiah`;
}

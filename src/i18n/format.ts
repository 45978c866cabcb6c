// Formatting lives in the domain (the server's reports use the same code); the UI imports it from
// here so screens have one place to look for words, numbers and dates.
export { formatRupiah, formatThousands } from '../domain/money-format.ts';
export { formatDateId } from '../domain/dates.ts';
export { formatDateLong } from '../domain/date-long.ts';

/** Bytes as a short Indonesian/English-neutral size: `1,5 MB`, `820 KB`. Used for storage usage. */
export function formatBytes(bytes: number, language: 'id' | 'en'): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const text = new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    maximumFractionDigits: digits,
  }).format(value);
  return `${text} ${units[unit] ?? 'B'}`;
}

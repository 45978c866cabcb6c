import type { Language } from '../../i18n/catalog.ts';

/** `2026-11` → "November 2026" (id) / "November 2026" (en); `Desember` vs `December`. */
export function monthLabel(month: string, language: Language): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1;
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, index, 1)));
}

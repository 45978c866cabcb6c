/**
 * Long dates with month names (`29 November 2026`, `17 Agustus 2026`). Apart from dates.ts because
 * the month names come from date-fns' locales: a screen that only needs `29/11/2026` (the first
 * screen, receipts) must not load them.
 */
import { format } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { id as idLocale } from 'date-fns/locale/id';
import type { BusinessDate } from './dates.ts';

/** `29 November 2026` (id) or `29 November 2026` (en). */
export function formatDateLong(date: BusinessDate, lang: 'id' | 'en'): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  // A local-time Date built from the parts and formatted in local time shows the same calendar
  // date in every timezone; the time of day is never shown.
  const local = new Date(y, m - 1, d);
  local.setFullYear(y);
  return format(local, 'd MMMM yyyy', { locale: lang === 'id' ? idLocale : enUS });
}

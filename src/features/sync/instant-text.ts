/**
 * An instant as the treasurer reads it: `29/11/2026 10.54 WIB`, on the Jakarta clock whatever the
 * phone's timezone (the same rule as business dates, src/domain/dates.ts).
 */
import { formatDateId, toJakartaDate } from '../../domain/dates.ts';

const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;

export function formatInstantWib(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + JAKARTA_OFFSET_MS);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${formatDateId(toJakartaDate(ms))} ${hh}.${mm} WIB`;
}

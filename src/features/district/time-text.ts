/**
 * Instants from the server (ISO-8601 UTC) for the office staff: the absolute time on the Jakarta
 * clock (`29/11/2026 10.54 WIB`) and how long ago (`3 hari yang lalu`). "Now" is the server's time
 * from the same answer where there is one, so a wrong clock on the office PC cannot hide a
 * cooperative that stopped syncing.
 */
import { formatDateId, toJakartaDate } from '../../domain/dates.ts';
import type { Language } from '../../i18n/catalog.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A cooperative is marked when its last sync (or, never synced, its creation) is older than this. */
export const STALE_AFTER_DAYS = 30;

export function formatInstant(iso: string, language: Language): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const time = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Jakarta',
  }).format(ms);
  return `${formatDateId(toJakartaDate(ms))} ${time} WIB`;
}

/** "5 menit yang lalu", "kemarin", "45 hari yang lalu", "3 bulan yang lalu". */
export function formatAge(iso: string, nowMs: number, language: Language): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const elapsed = Math.max(0, nowMs - ms);
  const format = new Intl.RelativeTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', { numeric: 'auto' });
  if (elapsed < HOUR) return format.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return format.format(-Math.floor(elapsed / HOUR), 'hour');
  const days = Math.floor(elapsed / DAY);
  if (days < 90) return format.format(-days, 'day');
  return format.format(-Math.floor(days / 30), 'month');
}

export function isStale(lastSyncAt: string | null, createdAt: string, nowMs: number): boolean {
  const since = Date.parse(lastSyncAt ?? createdAt);
  return !Number.isNaN(since) && nowMs - since > STALE_AFTER_DAYS * DAY;
}

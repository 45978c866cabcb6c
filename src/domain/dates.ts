/**
 * Business dates: `YYYY-MM-DD` strings in the calendar of Asia/Jakarta (WIB, UTC+7, no daylight
 * saving). A treasurer in Jawa Timur closes the day by the Jakarta clock whatever timezone the phone
 * is set to, so "today" is computed from the instant, never from the phone's local calendar.
 *
 * Arithmetic is done on UTC day numbers, so it does not depend on the runtime's timezone either.
 */
export type BusinessDate = string;

const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

type Ymd = { y: number; m: number; d: number };

function parts(date: BusinessDate): Ymd {
  const match = DATE_PATTERN.exec(date);
  if (match === null || !isValidBusinessDate(date)) throw new RangeError(`not a business date: ${date}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

function fromParts({ y, m, d }: Ymd): BusinessDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian). */
function dayNumber(date: BusinessDate): number {
  const { y, m, d } = parts(date);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

function fromDayNumber(day: number): BusinessDate {
  const probe = new Date(day * DAY_MS);
  return fromParts({ y: probe.getUTCFullYear(), m: probe.getUTCMonth() + 1, d: probe.getUTCDate() });
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidBusinessDate(value: unknown): value is BusinessDate {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (match === null) return false;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The Jakarta calendar date of an instant (epoch milliseconds). */
export function toJakartaDate(instantMs: number): BusinessDate {
  return fromDayNumber(Math.floor((instantMs + JAKARTA_OFFSET_MS) / DAY_MS));
}

/** Today in Jakarta, whatever the phone's timezone. */
export function todayInJakarta(nowMs: number = Date.now()): BusinessDate {
  return toJakartaDate(nowMs);
}

/**
 * The anchor's day of the month, `months` months later, clamped to that month's end.
 * Always measured from the anchor, never step by step: 31 Jan + 1 = 28 Feb, 31 Jan + 2 = 31 Mar
 * (a cumulative walk would drift to the 28th for the rest of the loan).
 */
export function addMonthsClamped(anchor: BusinessDate, months: number): BusinessDate {
  if (!Number.isSafeInteger(months)) throw new RangeError(`months must be an integer: ${String(months)}`);
  const { y, m, d } = parts(anchor);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return fromParts({ y: year, m: month, d: Math.min(d, daysInMonth(year, month)) });
}

export function addDays(date: BusinessDate, days: number): BusinessDate {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be an integer: ${String(days)}`);
  return fromDayNumber(dayNumber(date) + days);
}

/** `to − from` in whole days (negative when `to` is earlier). */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Orders business dates; the ISO form sorts as text, but we validate instead of trusting it. */
export function compareDates(a: BusinessDate, b: BusinessDate): number {
  return Math.sign(dayNumber(a) - dayNumber(b));
}

export function yearOf(date: BusinessDate): number {
  return parts(date).y;
}

export function startOfYear(year: number): BusinessDate {
  return fromParts({ y: year, m: 1, d: 1 });
}

export function endOfYear(year: number): BusinessDate {
  return fromParts({ y: year, m: 12, d: 31 });
}

/** `29/11/2026`: the short form Indonesian forms and receipts use. */
export function formatDateId(date: BusinessDate): string {
  const { y, m, d } = parts(date);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${String(y).padStart(4, '0')}`;
}

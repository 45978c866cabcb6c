import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonthsClamped,
  compareDates,
  daysBetween,
  endOfYear,
  formatDateId,
  isValidBusinessDate,
  startOfYear,
  toJakartaDate,
  todayInJakarta,
  yearOf,
} from '../../src/domain/dates.ts';
import { formatDateLong } from '../../src/domain/date-long.ts';

describe('Jakarta calendar', () => {
  it('turns an instant into the WIB (UTC+7) date', () => {
    // 17:00 UTC is midnight in Jakarta: the business day has already changed.
    expect(toJakartaDate(Date.UTC(2026, 10, 28, 16, 59, 59, 999))).toBe('2026-11-28');
    expect(toJakartaDate(Date.UTC(2026, 10, 28, 17, 0, 0, 0))).toBe('2026-11-29');
    expect(toJakartaDate(Date.UTC(2026, 11, 31, 17, 30))).toBe('2027-01-01');
    expect(todayInJakarta(Date.UTC(2026, 10, 29, 3, 54, 29, 123))).toBe('2026-11-29');
  });
});

describe('addMonthsClamped', () => {
  it('keeps the anchor day and clamps to the month end, without drifting', () => {
    expect(addMonthsClamped('2026-01-31', 0)).toBe('2026-01-31');
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonthsClamped('2026-01-31', 3)).toBe('2026-04-30');
    expect(addMonthsClamped('2027-01-31', 13)).toBe('2028-02-29');
    expect(addMonthsClamped('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-01-15', -13)).toBe('2024-12-15');
  });

  it('always lands on a valid date in the right month (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: -400, max: 400 }),
        (y, m, d, months) => {
          const anchor = `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
          const out = addMonthsClamped(anchor, months);
          expect(isValidBusinessDate(out)).toBe(true);
          const monthIndex = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7));
          expect(monthIndex(out) - monthIndex(anchor)).toBe(months);
        },
      ),
    );
  });
});

describe('day arithmetic', () => {
  it('counts days across months, leap years and years', () => {
    expect(daysBetween('2026-01-31', '2026-02-15')).toBe(15);
    expect(daysBetween('2026-02-28', '2026-04-05')).toBe(36);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('compares, and gives years and year bounds', () => {
    expect(compareDates('2026-02-01', '2026-01-31')).toBe(1);
    expect(compareDates('2026-01-31', '2026-02-01')).toBe(-1);
    expect(compareDates('2026-01-31', '2026-01-31')).toBe(0);
    expect(yearOf('2026-11-29')).toBe(2026);
    expect(startOfYear(2026)).toBe('2026-01-01');
    expect(endOfYear(2026)).toBe('2026-12-31');
  });

  it('rejects dates that do not exist', () => {
    expect(isValidBusinessDate('2026-02-29')).toBe(false);
    expect(isValidBusinessDate('2028-02-29')).toBe(true);
    expect(isValidBusinessDate('2026-13-01')).toBe(false);
    expect(isValidBusinessDate('2026-1-01')).toBe(false);
    expect(isValidBusinessDate(20260101)).toBe(false);
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it('writes dates the Indonesian way', () => {
    expect(formatDateId('2026-11-29')).toBe('29/11/2026');
    expect(formatDateId('2026-01-05')).toBe('05/01/2026');
    expect(formatDateLong('2026-11-29', 'id')).toBe('29 November 2026');
    expect(formatDateLong('2026-08-17', 'id')).toBe('17 Agustus 2026');
    expect(formatDateLong('2026-05-01', 'id')).toBe('1 Mei 2026');
    expect(formatDateLong('2026-08-17', 'en')).toBe('17 August 2026');
  });
});

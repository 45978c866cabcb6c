/**
 * The district table as a spreadsheet (CSV and XLSX through src/features/export): one row per
 * cooperative with the same figures as the screen. Money stays integer rupiah in number cells so
 * the office can sum it; the last sync is the server's UTC instant, unambiguous in any spreadsheet.
 */
import type { ExportColumn } from '../export/index.ts';
import type { CooperativeSummary } from './api-schemas.ts';
import type { DistrictMessages } from './messages.ts';
import { isStale } from './time-text.ts';

export function cooperativeColumns(m: DistrictMessages, nowMs: number): ExportColumn<CooperativeSummary>[] {
  const c = m.list.columns;
  const x = m.list.exportColumns;
  return [
    { header: c.name, value: (row) => row.name },
    { header: c.village, value: (row) => row.village },
    { header: x.district, value: (row) => row.district },
    { header: c.members, value: (row) => row.members },
    { header: x.lastSyncAt, value: (row) => row.lastSyncAt },
    { header: x.stale, value: (row) => (isStale(row.lastSyncAt, row.createdAt, nowMs) ? x.yes : x.no) },
    { header: c.savings, value: (row) => row.totals.savings },
    { header: c.loans, value: (row) => row.totals.loansOutstanding },
    // Basis points to a percentage for the spreadsheet; a ratio, not money, so a decimal is right.
    { header: x.npl, value: (row) => row.totals.nplBp / 100 },
    { header: c.flags, value: (row) => row.pendingFlags },
    { header: c.devices, value: (row) => row.devices },
  ];
}

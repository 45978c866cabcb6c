import { formatDateId } from '../../domain/dates.ts';

/**
 * The memo of a day's shop sales: `Penjualan gerai 29/11/2026`. Indonesian whatever the screen's
 * language, since it is part of the signed books.
 */
export function shopSalesMemo(date: string): string {
  return `Penjualan gerai ${formatDateId(date)}`;
}

/**
 * The reads behind Beranda, each one bounded and each its own live query, so a saved deposit
 * re-runs only the reads whose projection rows it touched:
 *
 * - cash on hand per via: three account total rows, the three rows of today, and the few day rows
 *   dated after today (a post-dated entry must not count as money in the box today);
 * - wajib not yet paid this month: the member rows (5 000 small rows at most), with the same rule
 *   as the monthly collection screen (features/savings), so both show the same members;
 * - overdue loans: the loan rows, each positioned as of today by the same code as the loans report;
 * - open flags: a count over the flags range of the index, no rows read.
 */
import { Dexie } from 'dexie';
import type { LumbungDb } from '../../db/database.ts';
import type { ProjectionRow } from '../../db/projection-row.ts';
import { VIA_ACCOUNT } from '../../domain/chart.ts';
import { parseCollectibilityPreset, DEFAULT_COLLECTIBILITY } from '../../domain/collectibility.ts';
import { addDays } from '../../domain/dates.ts';
import { VIAS, type Via } from '../../domain/entry/schema.ts';
import type { AccountPeriodRow, AccountTotalRow, JsonValue, LoanRow, MemberRow } from '../../domain/ledger/index.ts';
import { rupiah, type Rupiah } from '../../domain/money.ts';
import { loanPosition } from '../../domain/reports/loan-position.ts';
import { unpaidMembers } from '../savings/wajib-collection.ts';

export type ViaCash = { readonly via: Via; readonly balance: Rupiah; readonly inToday: Rupiah; readonly outToday: Rupiah };

const range = (db: LumbungDb, t: string, from: string, to: string) =>
  db.projections.where('[t+k]').between([t, from], [t, to], true, true);

/** Balance of cash, bank and QRIS at the end of `today`, and what came in and went out today. */
export async function readCashToday(db: LumbungDb, today: string): Promise<ViaCash[]> {
  return db.transaction('r', db.projections, async () => {
    const codes = VIAS.map((via) => VIA_ACCOUNT[via]);
    const totals = await db.projections.bulkGet(codes.map((code) => ['accounts', code] as [string, string]));
    const days = await db.projections.bulkGet(codes.map((code) => ['accountPeriods', `d|${today}|${code}`] as [string, string]));
    // Day rows after today: keys `d|YYYY-MM-DD|code` sort by date, so this is one short range.
    const later = await range(db, 'accountPeriods', `d|${addDays(today, 1)}|`, `d|${String.fromCharCode(0xffff)}`).toArray();
    return VIAS.map((via, i) => {
      const code = VIA_ACCOUNT[via];
      const total = totals[i]?.v as AccountTotalRow | undefined;
      const day = days[i]?.v as AccountPeriodRow | undefined;
      let debit = total?.debit ?? 0;
      let credit = total?.credit ?? 0;
      for (const row of later) {
        const period = row.v as AccountPeriodRow;
        if (period.code !== code) continue;
        debit -= period.debit;
        credit -= period.credit;
      }
      return { via, balance: rupiah(debit - credit), inToday: day?.debit ?? rupiah(0), outToday: day?.credit ?? rupiah(0) };
    });
  });
}

export type WajibUnpaid = { readonly count: number; readonly active: number };

/** Whether the screen still wants the answer; false once it is gone. */
export type Wanted = () => boolean;
const always: Wanted = () => true;

/** Rows of a whole table read per page, each page its own read transaction (see `eachPage`). */
const PAGE_ROWS = 250;

/**
 * Visits every row of table `t` in key order, PAGE_ROWS at a time, each page in a read transaction
 * of its own. A save's read-write transaction waits for every read transaction over the
 * projections that began before it; read in one go, Beranda's 5 000 member rows and every loan
 * row (hundreds of milliseconds on a slow phone with years of history) held up the first save of
 * a treasurer who opened a form right after unlocking. Now such a save waits for one page.
 */
async function eachPage(db: LumbungDb, t: string, visit: (row: ProjectionRow) => void, wanted: Wanted): Promise<void> {
  let after: string | undefined;
  for (;;) {
    // The screen that asked is gone (the treasurer went on to a form): no use reading the rest.
    if (!wanted()) throw new DOMException('Beranda is closed', 'AbortError');
    const page = await db.projections
      .where('[t+k]')
      .between([t, after ?? ''], [t, String.fromCharCode(0xffff)], after === undefined, true)
      .limit(PAGE_ROWS)
      .toArray();
    for (const row of page) visit(row);
    if (page.length < PAGE_ROWS) return;
    after = page[page.length - 1]?.k;
  }
}

/** Active members who have not paid this month's wajib in full (the collection screen's list). */
export async function readWajibUnpaid(db: LumbungDb, month: string, wajib: Rupiah, wanted: Wanted = always): Promise<WajibUnpaid> {
  const members: MemberRow[] = [];
  await eachPage(db, 'members', (row) => members.push(row.v as MemberRow), wanted);
  return {
    count: unpaidMembers(members, month, wajib).length,
    active: members.filter((member) => member.status === 'active').length,
  };
}

export type OverdueLoans = { readonly count: number; readonly outstanding: Rupiah; readonly open: number };

/** Loans with an installment past its due date today, and what is still owed on them. */
export async function readOverdueLoans(db: LumbungDb, today: string, collectibility: JsonValue | undefined, wanted: Wanted = always): Promise<OverdueLoans> {
  const preset = parseCollectibilityPreset(collectibility) ?? DEFAULT_COLLECTIBILITY;
  let count = 0;
  let open = 0;
  let outstanding = 0;
  await eachPage(db, 'loans', (row) => {
    const position = loanPosition(row.v as LoanRow, today, preset);
    if (position === undefined || position.outstanding <= 0) return;
    open++;
    if (position.daysPastDue <= 0) return;
    count++;
    outstanding += position.outstanding;
  }, wanted);
  return { count, outstanding: rupiah(outstanding), open };
}

export async function countFlags(db: LumbungDb): Promise<number> {
  return db.projections.where('[t+k]').between(['flags', Dexie.minKey], ['flags', Dexie.maxKey]).count();
}

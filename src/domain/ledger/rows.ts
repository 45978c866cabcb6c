/**
 * The rows of the ledger projections. Every table is a map from a string key to a plain,
 * JSON-serialisable row, so the phone can keep each table in an IndexedDB object store and the
 * server can cache a cooperative's state in memory; `applyEntry` reports which keys it touched.
 *
 * Canonical form: a row whose every contribution has been reversed away is deleted, never left at
 * zero. That is what makes "an entry and its reversal" leave exactly the state of "neither".
 *
 * Rows are updated in place by the fold (a fold of 100 000 entries must not allocate a new row per
 * posting): whoever keeps a row beyond the next `applyEntry` copies it (IndexedDB's put does).
 */
import type { AccountType, EntryData, EntryType, JournalLine, Via } from '../entry/schema.ts';
import type { Rupiah } from '../money.ts';
import type { Installment } from '../loans/schedule.ts';

/** Month and day totals: any `asOf` or `from..to` is a few dozen key look-ups, never a scan. */
export type Grain = 'm' | 'd';

/** Posted totals of one account over all time. */
export type AccountTotalRow = { code: string; debit: Rupiah; credit: Rupiah };


/** Posted totals of one account in one month (`2026-11`) or day (`2026-11-29`). */
export type AccountPeriodRow = {
  key: string;
  code: string;
  grain: Grain;
  period: string;
  debit: Rupiah;
  credit: Rupiah;
};

/** An account of the cooperative's chart: the default chart (addedBy null) or an `account.added`. */
export type ChartRow = { code: string; name: string; type: AccountType; addedBy: string | null };

export type SavingsBalances = { pokok: Rupiah; wajib: Rupiah; sukarela: Rupiah };

export type MemberProfile = {
  number: string;
  name: string;
  nik: string | null;
  phone: string | null;
  address: string | null;
};

export type MemberJoin = MemberProfile & { entryId: string; joinedOn: string };

export type ProfileChanges = EntryData<'member.updated'>['changes'];

export type MemberEdit = {
  entryId: string;
  deviceId: string;
  /** Position in the server's order, when the folder knows it (the server does; see cursor.ts). */
  serverSeq: number | null;
  changes: ProfileChanges;
};

export type MemberDeparture = { entryId: string; leftOn: string };

export type MemberStatus = 'active' | 'left' | 'unknown';

/**
 * A member as the entries describe them. The lists hold every live contribution (so a reversal can
 * remove exactly one); the fields below them are derived from the lists and stored so reads stay cheap.
 * A member referenced by savings or a loan but never joined has `joins: []` and status `unknown`.
 */
export type MemberRow = {
  memberId: string;
  joins: MemberJoin[];
  edits: MemberEdit[];
  departures: MemberDeparture[];
  profile: MemberProfile | null;
  joinedOn: string | null;
  leftOn: string | null;
  status: MemberStatus;
  savings: SavingsBalances;
  /** Live savings entries: the row stays while any exists, so "as of" reports find the member. */
  savingsEntries: number;
  /** Wajib deposited per business-date month (`2026-11`), for "last wajib month paid". */
  wajibByMonth: Record<string, Rupiah>;
  lastWajibMonth: string | null;
};

/** Net savings moved on one day, per kind. */
export type DaySavingsMoves = { pokok: Rupiah; wajib: Rupiah; sukarela: Rupiah };

/**
 * A member's movements in one month (key `m|2026-11|memberId`): net savings per kind, loan interest
 * paid, purchases; and the month's savings day by day (`days['07']`), which "as of" a date inside
 * the month needs. The days live inside the month row rather than in rows of their own: a member's
 * posting then writes one period row, not two, and a month has at most 31 of them.
 */
export type MemberPeriodRow = {
  key: string;
  memberId: string;
  grain: 'm';
  period: string;
  pokok: Rupiah;
  wajib: Rupiah;
  sukarela: Rupiah;
  interest: Rupiah;
  purchases: Rupiah;
  /** Two-digit day of the month → that day's net savings; a day that nets to zero is absent. */
  days: Record<string, DaySavingsMoves>;
};

export type LoanDisbursal = EntryData<'loan.disbursed'> & { entryId: string; date: string };

export type LoanRepaymentRow = {
  entryId: string;
  date: string;
  memberId: string;
  principal: Rupiah;
  interest: Rupiah;
  fine: Rupiah;
};

/**
 * A loan: its disbursal (the first live one; more are flagged), schedule, repayments in the order
 * they were folded, and totals. A repayment of a loan not seen yet makes a row with no disbursal,
 * so nothing is lost and the balance sheet still reconciles.
 */
export type LoanRow = {
  loanId: string;
  disbursals: LoanDisbursal[];
  memberId: string | null;
  disbursedOn: string | null;
  principal: Rupiah;
  schedule: Installment[];
  repayments: LoanRepaymentRow[];
  paidPrincipal: Rupiah;
  paidInterest: Rupiah;
  paidFine: Rupiah;
  /** principal − paidPrincipal: negative only for an over-repaid or not-yet-seen loan (flagged). */
  outstanding: Rupiah;
};

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** `serverSeq`: the change's place in the server's order, null while only this phone holds it. */
export type SettingChange = { entryId: string; date: string; serverSeq: number | null; value: JsonValue };

/** A setting: every live change in the server's order (in-server-order.ts); the last one is the value. */
export type SettingRow = { key: string; history: SettingChange[]; value: JsonValue };

export type YearClosing = { entryId: string; date: string; shu: Rupiah };

/** A closed year (key: `"2026"`); more than one live closing is flagged. */
export type ClosedYearRow = { year: number; closings: YearClosing[] };

/** What a reversal needs of an entry. `year.closed` keeps only year and shu, not its member list. */
export type IndexedData<T extends EntryType> = T extends 'year.closed' ? { year: number; shu: Rupiah } : EntryData<T>;

export type EntryIndexRow = {
  [T in EntryType]: {
    entryId: string;
    type: T;
    date: string;
    deviceId: string;
    serverSeq: number | null;
    lines: JournalLine[];
    data: IndexedData<T>;
    /** The reversal that cancelled this entry, if any. */
    reversedBy: string | null;
  };
}[EntryType];

export type CashLeg = { via: Via; in: Rupiah; out: Rupiah };

/** Money in and out of cash, bank and QRIS by one entry; key `date|entryId` sorts as the cash book. */
export type CashMoveRow = {
  key: string;
  entryId: string;
  date: string;
  type: EntryType;
  memo: string;
  legs: CashLeg[];
};

export type FlagDetails = Readonly<Record<string, string | number | null>>;

/** A flag raised when an entry was folded (key `entryId|reason`). */
export type FlagRow = {
  key: string;
  entryId: string;
  reason: string;
  type: EntryType;
  date: string;
  deviceId: string;
  memberId: string | null;
  loanId: string | null;
  details: FlagDetails | null;
};

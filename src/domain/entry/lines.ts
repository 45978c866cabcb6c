/**
 * The journal lines of an entry, derived from its type and data exactly as CONTRACT §3 says. The
 * phone stores these lines in the entry it signs; every receiver derives them again and compares.
 *
 * Order: we emit lines in the order of the §3 table (debits first, then credits in the order
 * listed; for a year close the funds in the order of `data.funds`). Comparison (`sameLines`) is as
 * a multiset, so an independent client that emits the same lines in another order is accepted;
 * order carries no accounting meaning. Zero-amount lines are omitted.
 */
import { FUND_ACCOUNT, ACCOUNTS, KIND_ACCOUNT, VIA_ACCOUNT } from '../chart.ts';
import { rupiah, type Rupiah } from '../money.ts';
import type { EntryData, EntryType, JournalLine } from './schema.ts';

/** The part of an entry its lines depend on, as a union correlated on `type`. */
export type EntryBody = { [T in EntryType]: { type: T; data: EntryData<T> } }[EntryType];

const ZERO = rupiah(0);

function debit(account: string, amount: Rupiah): JournalLine {
  return { account, debit: amount, credit: ZERO };
}

function credit(account: string, amount: Rupiah): JournalLine {
  return { account, debit: ZERO, credit: amount };
}

const nonZero = (line: JournalLine): boolean => line.debit !== 0 || line.credit !== 0;

export class MissingOriginalError extends Error {
  override readonly name = 'MissingOriginalError';
}

/**
 * Lines for `body`. `original` is the reversed entry's lines, required for `entry.reversed` (a
 * reversal mirrors what it undoes; the caller looks the original up). Totals use BigInt so a year
 * close with many members cannot lose precision before `rupiah()` checks the range; a total beyond
 * MAX_RUPIAH throws a RangeError (such a line could never be valid).
 */
export function deriveLines(body: EntryBody, original?: readonly JournalLine[]): JournalLine[] {
  return linesFor(body, original).filter(nonZero);
}

function linesFor(body: EntryBody, original: readonly JournalLine[] | undefined): JournalLine[] {
  switch (body.type) {
    case 'member.joined':
    case 'member.updated':
    case 'member.left':
    case 'account.added':
    case 'settings.changed':
      return [];
    case 'savings.deposited':
      return [debit(VIA_ACCOUNT[body.data.via], body.data.amount), credit(KIND_ACCOUNT[body.data.kind], body.data.amount)];
    case 'savings.withdrawn':
      return [debit(KIND_ACCOUNT[body.data.kind], body.data.amount), credit(VIA_ACCOUNT[body.data.via], body.data.amount)];
    case 'loan.disbursed': {
      const { principal, adminFee, via } = body.data;
      // The admin fee is withheld from the cash handed over, so the member receives principal − fee.
      return [
        debit(ACCOUNTS.loansReceivable, principal),
        credit(VIA_ACCOUNT[via], rupiah(principal - adminFee)),
        credit(ACCOUNTS.adminIncome, adminFee),
      ];
    }
    case 'loan.repaid': {
      const { principal, interest, fine, via } = body.data;
      return [
        debit(VIA_ACCOUNT[via], rupiah(principal + interest + fine)),
        credit(ACCOUNTS.loansReceivable, principal),
        credit(ACCOUNTS.interestIncome, interest),
        credit(ACCOUNTS.fineIncome, fine),
      ];
    }
    case 'cash.received':
      return [debit(VIA_ACCOUNT[body.data.via], body.data.amount), credit(body.data.account, body.data.amount)];
    case 'cash.paid':
      return [debit(body.data.account, body.data.amount), credit(VIA_ACCOUNT[body.data.via], body.data.amount)];
    case 'cash.transferred':
      return [debit(VIA_ACCOUNT[body.data.to], body.data.amount), credit(VIA_ACCOUNT[body.data.from], body.data.amount)];
    case 'entry.reversed':
      if (original === undefined) throw new MissingOriginalError(`reversal of ${body.data.entryId} needs the original's lines`);
      return reverseLines(original);
    case 'year.closed': {
      const { shu, funds, members } = body.data;
      // A loss (or nothing) is not distributed: the close only marks the year.
      if (shu <= 0) return [];
      let membersTotal = 0n;
      for (const m of members) membersTotal += BigInt(m.capital) + BigInt(m.patronage);
      return [
        debit(ACCOUNTS.currentShu, shu),
        ...funds.map((f) => credit(FUND_ACCOUNT[f.fund], f.amount)),
        credit(ACCOUNTS.shuPayable, rupiah(Number(membersTotal))),
      ];
    }
  }
}

function compareLines(a: JournalLine, b: JournalLine): number {
  if (a.account !== b.account) return a.account < b.account ? -1 : 1;
  if (a.debit !== b.debit) return a.debit - b.debit;
  return a.credit - b.credit;
}

/** Equal as multisets of (account, debit, credit): the order of lines carries no meaning. */
export function sameLines(a: readonly JournalLine[], b: readonly JournalLine[]): boolean {
  if (a.length !== b.length) return false;
  const sa = [...a].sort(compareLines);
  const sb = [...b].sort(compareLines);
  return sa.every((line, i) => {
    const other = sb[i];
    return other !== undefined && compareLines(line, other) === 0;
  });
}

/** Swaps debit and credit: what a reversal posts. */
export function reverseLines(lines: readonly JournalLine[]): JournalLine[] {
  return lines.map((line) => ({ account: line.account, debit: line.credit, credit: line.debit }));
}

/**
 * What a receipt (kuitansi) says about an entry, independent of language: which transaction, the
 * breakdown (an angsuran splits into pokok, jasa and denda), the amount that changed hands, and
 * how. Only entries that move money have a receipt; the rest answer `null`.
 */
import type { Entry, SavingsKind, Via } from '../../domain/entry/schema.ts';
import { rupiah, type Rupiah } from '../../domain/money.ts';

export type ReceiptTitle =
  | { readonly what: 'savings-deposit' | 'savings-withdrawal'; readonly kind: SavingsKind }
  | { readonly what: 'loan-disbursal' | 'loan-repayment' }
  | { readonly what: 'cash-in' | 'cash-out'; readonly account: string; readonly memo: string }
  | { readonly what: 'transfer'; readonly from: Via; readonly to: Via };

export type ReceiptPartName = 'principal' | 'interest' | 'fine' | 'loanPrincipal' | 'adminFee';

export type ReceiptPart = { readonly name: ReceiptPartName; readonly amount: Rupiah };

export type ReceiptContent = {
  readonly title: ReceiptTitle;
  readonly memberId: string | null;
  /** The breakdown above the total; empty when the total says it all. */
  readonly parts: readonly ReceiptPart[];
  /** What changed hands: for a disbursal, what the member received after the admin fee. */
  readonly amount: Rupiah;
  /** How the money moved; a transfer names both sides in its title instead. */
  readonly via: Via | null;
};

export function receiptContent(entry: Entry): ReceiptContent | null {
  switch (entry.type) {
    case 'savings.deposited':
    case 'savings.withdrawn':
      return {
        title: { what: entry.type === 'savings.deposited' ? 'savings-deposit' : 'savings-withdrawal', kind: entry.data.kind },
        memberId: entry.data.memberId,
        parts: [],
        amount: entry.data.amount,
        via: entry.data.via,
      };
    case 'loan.disbursed': {
      const { principal, adminFee } = entry.data;
      return {
        title: { what: 'loan-disbursal' },
        memberId: entry.data.memberId,
        parts: adminFee > 0 ? [{ name: 'loanPrincipal', amount: principal }, { name: 'adminFee', amount: adminFee }] : [],
        amount: rupiah(principal - adminFee),
        via: entry.data.via,
      };
    }
    case 'loan.repaid': {
      const { principal, interest, fine } = entry.data;
      const parts: ReceiptPart[] = [
        { name: 'principal', amount: principal },
        { name: 'interest', amount: interest },
        { name: 'fine', amount: fine },
      ];
      return {
        title: { what: 'loan-repayment' },
        memberId: entry.data.memberId,
        // Jasa and denda may be zero; a zero line on paper only invites questions.
        parts: parts.filter((p) => p.amount > 0 || p.name === 'principal'),
        amount: rupiah(principal + interest + fine),
        via: entry.data.via,
      };
    }
    case 'cash.received':
      return {
        title: { what: 'cash-in', account: entry.data.account, memo: entry.data.memo },
        memberId: entry.data.memberId ?? null,
        parts: [],
        amount: entry.data.amount,
        via: entry.data.via,
      };
    case 'cash.paid':
      return {
        title: { what: 'cash-out', account: entry.data.account, memo: entry.data.memo },
        memberId: null,
        parts: [],
        amount: entry.data.amount,
        via: entry.data.via,
      };
    case 'cash.transferred':
      return {
        title: { what: 'transfer', from: entry.data.from, to: entry.data.to },
        memberId: null,
        parts: [],
        amount: entry.data.amount,
        via: null,
      };
    case 'member.joined':
    case 'member.updated':
    case 'member.left':
    case 'entry.reversed':
    case 'account.added':
    case 'settings.changed':
    case 'year.closed':
      return null;
  }
}

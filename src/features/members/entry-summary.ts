/** One line of a member's history: what happened and how much, from the entry itself. */
import type { Entry } from '../../domain/entry/schema.ts';
import { rupiah, type Rupiah } from '../../domain/money.ts';

export type EntrySummary = { amount: Rupiah | null; kind: 'pokok' | 'wajib' | 'sukarela' | null; sign: 1 | -1 | 0 };

export function summariseEntry(entry: Entry): EntrySummary {
  switch (entry.type) {
    case 'savings.deposited':
      return { amount: entry.data.amount, kind: entry.data.kind, sign: 1 };
    case 'savings.withdrawn':
      return { amount: entry.data.amount, kind: entry.data.kind, sign: -1 };
    case 'loan.disbursed':
      return { amount: entry.data.principal, kind: null, sign: -1 };
    case 'loan.repaid':
      return { amount: rupiah(entry.data.principal + entry.data.interest + entry.data.fine), kind: null, sign: 1 };
    case 'cash.received':
      return { amount: entry.data.amount, kind: null, sign: 1 };
    case 'cash.paid':
    case 'cash.transferred':
      return { amount: entry.data.amount, kind: null, sign: 0 };
    case 'member.joined':
    case 'member.updated':
    case 'member.left':
    case 'entry.reversed':
    case 'account.added':
    case 'settings.changed':
    case 'year.closed':
      return { amount: null, kind: null, sign: 0 };
  }
}

// The invariants every kill repetition checks (research/reliability.md I1, I2, I4, I6):
// - on the phone after a restart: every entry the app showed as "Tersimpan" (and every entry
//   known to have committed) is there exactly once, no id twice, and the stored account
//   projections equal a recompute from the stored entries with the shared domain fold;
// - on the server after a sync: the phone has nothing pending, the server holds exactly the
//   phone's entries, each once (its cash book lists every id once), and its balance sheet equals
//   the one recomputed from the phone's entries.
import { expect } from 'vitest';
import { todayInJakarta } from '../../src/domain/dates.ts';
import { foldEntries, type AccountTotalRow } from '../../src/domain/ledger/index.ts';
import { balanceSheet } from '../../src/domain/reports/balance-sheet.ts';
import type { AdminApi } from './e2e-flows.ts';
import type { PhoneStore } from './kill-phone-store.ts';

const byCode = (a: AccountTotalRow, b: AccountTotalRow) => a.code.localeCompare(b.code);

/** The ledger of the phone's own entries, folded afresh in the order the phone folded them. */
function recompute(store: PhoneStore) {
  return foldEntries(store.entries.map((row) => row.entry));
}

/** On the phone: `mustHave` ids present once each, no id twice, projections equal a recompute. */
export function expectPhoneKeeps(store: PhoneStore, mustHave: Iterable<string>): void {
  const ids = store.entries.map((row) => row.entry.id);
  expect(new Set(ids).size, 'an entry id stored twice on the phone').toBe(ids.length);
  const held = new Set<string>(ids);
  const missing = [...mustHave].filter((id) => !held.has(id));
  expect(missing, 'entries the phone confirmed are gone after the restart').toEqual([]);
  expect(store.entries.filter((row) => row.sync === 'rejected'), 'entries the server refused').toEqual([]);
  const recomputed = [...recompute(store).accounts.values()].sort(byCode);
  expect([...store.accountTotals].sort(byCode), 'stored account balances differ from a recompute').toEqual(recomputed);
}

type CashBook = { readonly rows: readonly { readonly entryId: string }[] };

/**
 * After a completed sync: nothing pending on the phone; the server's entry count, its cash book's
 * entry ids (each cash entry once) and its balance sheet equal the phone's.
 */
export async function expectServerHoldsPhoneOnce(admin: AdminApi, cooperativeId: string, store: PhoneStore): Promise<void> {
  expect(store.entries.filter((row) => row.sync !== 'acked').map((row) => row.entry.id), 'entries still unsent').toEqual([]);
  const summary = await admin.cooperative(cooperativeId);
  expect(summary.cooperative.entries, 'server entry count vs the phone').toBe(store.entries.length);

  const today = todayInJakarta();
  const book = await admin.report<CashBook>(cooperativeId, 'cash-book', { from: '2000-01-01', to: today });
  const onServer = book.rows.map((row) => row.entryId).sort();
  const cashOnPhone = store.entries
    .filter((row) => row.entry.type === 'cash.received' || row.entry.type === 'cash.paid')
    .map((row) => row.entry.id)
    .sort();
  expect(onServer, 'the server cash book lists each of the phone cash entries exactly once').toEqual(cashOnPhone);

  const serverSheet = await admin.report<unknown>(cooperativeId, 'balance-sheet', { asOf: today });
  expect(serverSheet, 'server balance sheet vs a recompute from the phone entries').toEqual(balanceSheet(recompute(store), today));
}

// The entries the kill tests save and kill, varied so that repetitions are not identical: shop
// sales and cash in (`cash.received` to 4-110 and to a revenue account with a memo) and cash out
// (`cash.paid`, small so the cash box never goes below zero), each with an amount used once in a
// run, so an entry the page was killed in is found (or not) by its type and amount.
import type { Locator, Page } from 'playwright-core';
import type { Entry } from '../../src/domain/entry/schema.ts';
import { openFresh, receiptEntryId, waitForSaved } from './e2e-flows.ts';
import { cashAmountOf, type PhoneStore, type StoredEntry } from './kill-phone-store.ts';

export type EntryKind = 'sales' | 'in' | 'out';
export const ENTRY_KINDS: readonly EntryKind[] = ['sales', 'in', 'out'];

export type PlannedEntry = {
  readonly kind: EntryKind;
  readonly type: Extract<Entry['type'], 'cash.received' | 'cash.paid'>;
  readonly amount: number;
  readonly memo: string | null;
};

/** The Kas screen's mode radio, its form's name and its save button, per kind. */
const FORMS: Record<EntryKind, { readonly mode: string; readonly save: string }> = {
  sales: { mode: 'Penjualan gerai', save: 'Simpan penjualan' },
  in: { mode: 'Kas masuk', save: 'Simpan kas masuk' },
  out: { mode: 'Kas keluar', save: 'Simpan kas keluar' },
};

/** Hands out entries with amounts never used twice in one run. */
export class EntryPlanner {
  private receipts = 11_000;
  private payments = 500;

  plan(kind: EntryKind): PlannedEntry {
    if (kind === 'out') {
      const amount = (this.payments += 100);
      return { kind, type: 'cash.paid', amount, memo: `Beli ATK ${rupiahText(amount)}` };
    }
    const amount = (this.receipts += 1_000);
    return { kind, type: 'cash.received', amount, memo: kind === 'in' ? `Iuran kegiatan ${rupiahText(amount)}` : null };
  }
}

/** `21000` → `21.000`, as a treasurer types it. */
export function rupiahText(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Kas → the entry's mode, its amount (and memo) typed in; returns the save button, not yet pressed. */
export async function fillEntry(page: Page, planned: PlannedEntry): Promise<Locator> {
  const form = FORMS[planned.kind];
  await openFresh(page, '/kas');
  await page.getByRole('radio', { name: form.mode }).check();
  const fields = page.getByRole('form', { name: form.mode });
  await fields.getByLabel('Jumlah').fill(rupiahText(planned.amount));
  if (planned.memo !== null) await fields.getByLabel('Keterangan').fill(planned.memo);
  return fields.getByRole('button', { name: form.save });
}

/** Saves the entry and waits for "Tersimpan"; returns the saved entry's id (its receipt link). */
export async function saveConfirmed(page: Page, planned: PlannedEntry): Promise<string> {
  await (await fillEntry(page, planned)).click();
  await waitForSaved(page);
  return receiptEntryId(page);
}

/** The stored entries that are this planned one (by type and amount). */
export function storedAs(store: PhoneStore, planned: PlannedEntry): StoredEntry[] {
  return store.entries.filter((row) => row.entry.type === planned.type && cashAmountOf(row.entry) === planned.amount);
}

/**
 * The review flags an entry would earn if it were saved now (an overdraft, a loan to someone who
 * left, a repayment beyond what is owed, a reversal of a disbursal with repayments). The ledger's
 * own rules decide (`previewFlags`), so the warning before saving is exactly the flag after it.
 */
import type { LumbungDb } from '../../db/database.ts';
import { readMeta } from '../../db/meta.ts';
import { askLedger } from '../../db/projections.ts';
import { deriveLines, type EntryBody } from '../../domain/entry/lines.ts';
import type { JournalLine } from '../../domain/entry/schema.ts';
import { newEntryId } from '../../domain/ids.ts';
import { previewFlags, type Flag } from '../../domain/ledger/index.ts';

export type Candidate = EntryBody & { readonly date: string };

export async function flagsIfSaved(db: LumbungDb, candidate: Candidate, original?: readonly JournalLine[]): Promise<Flag[]> {
  const identity = await readMeta(db, 'identity');
  let lines: JournalLine[];
  try {
    lines = deriveLines(candidate, original);
  } catch {
    // Lines that cannot be derived belong to a form that is not valid yet; it cannot be saved anyway.
    return [];
  }
  const entry = { ...candidate, id: newEntryId(), deviceId: identity?.deviceId ?? '', lines } as Parameters<typeof previewFlags>[1];
  // Only the rows the check reads (the member, the loan, the reversed entry), not the whole ledger.
  return askLedger(db, (state) => previewFlags(state, entry));
}

/**
 * Loans as the Pinjaman screens read them from the projections. The list keeps only each loan's
 * small position (not its schedule) while it walks the loans, so memory stays proportional to the
 * number of loans, not to their installments.
 */
import type { LumbungDb } from '../../db/database.ts';
import type { CollectibilityPreset } from '../../domain/collectibility.ts';
import type { LoanRow } from '../../domain/ledger/index.ts';
import { loanPosition, type LoanPosition } from '../../domain/reports/loan-position.ts';

export async function loanById(db: LumbungDb, loanId: string): Promise<LoanRow | undefined> {
  const row = await db.projections.get(['loans', loanId]);
  // Rows were written by this phone's own fold from the same LoanRow type (db/projections.ts).
  return row === undefined ? undefined : (row.v as LoanRow);
}

export async function loanPositions(db: LumbungDb, asOf: string, preset: CollectibilityPreset): Promise<LoanPosition[]> {
  const positions: LoanPosition[] = [];
  await db.projections
    .where('[t+k]')
    .between(['loans', ''], ['loans', '\uffff'])
    .each((row) => {
      const position = loanPosition(row.v as LoanRow, asOf, preset);
      if (position !== undefined) positions.push(position);
    });
  return positions;
}

/**
 * Three years of a small cooperative's books on a phone, shared by the tests that compare what a
 * screen reads in part (or from the SHU chunks) with the whole ledger: joins and pokok in 2023, a
 * wajib deposit saved wrong and reversed, nothing in 2024, then a loan, its interest, sales (one to a
 * member id that never joined), a cost, a withdrawal and Budi leaving in 2025.
 */
import type { LumbungDb } from '../../src/db/database.ts';
import type { MemberId } from '../../src/domain/ids.ts';
import { deposit, disburse, expense, join, newLoanId, newMemberId, repay, reversal, sale, save, withdraw } from './support.ts';

export type Books2023To2025 = { readonly siti: MemberId; readonly budi: MemberId; readonly stranger: MemberId };

export async function saveBooks2023To2025(db: LumbungDb): Promise<Books2023To2025> {
  const [siti, budi] = [newMemberId(), newMemberId()];
  const stranger = newMemberId(); // buys at the gerai under a member id that never joined
  const loan = newLoanId();
  await save(db, join(siti, 'S-001', 'Siti', '2023-02-01'));
  await save(db, join(budi, 'S-002', 'Budi', '2023-02-01'));
  await save(db, deposit(siti, 'pokok', 100_000, '2023-02-01'));
  await save(db, deposit(budi, 'pokok', 100_000, '2023-02-02'));
  const wrong = await save(db, deposit(budi, 'wajib', 900_000, '2023-03-05'));
  await save(db, reversal(wrong.id)); // reversed away: no capital from it in any year
  await save(db, deposit(siti, 'wajib', 25_000, '2023-12-31'));
  // 2024: no movement at all.
  await save(db, disburse(loan, budi, 1_000_000, '2025-01-10'));
  await save(db, repay(loan, budi, 100_000, 15_000, '2025-02-10'));
  await save(db, sale(40_000, siti, '2025-03-15'));
  await save(db, sale(10_000, stranger, '2025-04-01'));
  await save(db, expense(5_000, 'ATK', '2025-05-20'));
  await save(db, withdraw(budi, 'pokok', 100_000, '2025-06-30'));
  await save(db, { type: 'member.left', data: { memberId: budi, leftOn: '2025-06-30' }, date: '2025-06-30', actor: 'Bu Siti' });
  return { siti, budi, stranger };
}

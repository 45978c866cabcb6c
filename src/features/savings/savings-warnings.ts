/**
 * The savings rules a form checks before saving (research/domain.md §1): pokok is paid once;
 * pokok and wajib are withdrawn only on leaving; sukarela up to its balance; no deposits from a
 * member who left. Each broken rule is a warning the treasurer may override (the money moved) —
 * the entry is then recorded and the ledger flags it (same rules as src/domain/ledger/inspect.ts).
 */
import type { SavingsKind } from '../../domain/entry/schema.ts';
import type { MemberRow } from '../../domain/ledger/index.ts';

export type Direction = 'deposit' | 'withdraw';

export type SavingsWarning =
  | { kind: 'pokok-paid' }
  | { kind: 'member-left' }
  | { kind: 'locked' }
  | { kind: 'overdrawn'; balance: number };

export function savingsWarnings(member: MemberRow, direction: Direction, kind: SavingsKind, amount: number | undefined): SavingsWarning[] {
  const warnings: SavingsWarning[] = [];
  if (direction === 'deposit') {
    if (member.status === 'left') warnings.push({ kind: 'member-left' });
    if (kind === 'pokok' && member.savings.pokok > 0) warnings.push({ kind: 'pokok-paid' });
    return warnings;
  }
  if (kind !== 'sukarela' && member.status !== 'left') warnings.push({ kind: 'locked' });
  const balance = member.savings[kind];
  if (amount !== undefined && amount > balance) warnings.push({ kind: 'overdrawn', balance });
  return warnings;
}

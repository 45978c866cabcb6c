import type { LedgerState } from '../../domain/ledger/index.ts';

/** "A-001 Siti Aminah" for a member id, from the ledger's member rows; `fallback` for an unknown id. */
export function memberLabel(state: LedgerState, memberId: string | null, fallback: string): string {
  if (memberId === null) return fallback;
  const profile = state.members.get(memberId)?.profile;
  return profile == null ? fallback : `${profile.number} ${profile.name}`;
}

import type { LedgerState } from '../../domain/ledger/index.ts';
import type { reportsMessages } from './messages.ts';

type Messages = ReturnType<typeof reportsMessages.current>;

/** "A-001 Siti Aminah" for a member id, from the ledger's member rows; `fallback` for an unknown id. */
export function memberLabel(state: LedgerState, memberId: string | null, fallback: string): string {
  if (memberId === null) return fallback;
  const profile = state.members.get(memberId)?.profile;
  return profile == null ? fallback : `${profile.number} ${profile.name}`;
}

/** The same, bound to a ledger, with the report's words for an unknown member. */
export const memberNamer =
  (state: LedgerState, m: Messages) =>
  (memberId: string | null): string =>
    memberLabel(state, memberId, m.unknownMember);

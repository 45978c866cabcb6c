/**
 * Learning an entry's place in the server's order after it was folded. The phone folds its own
 * entries the moment they are saved, before the server has numbered them; the push answer (or a
 * later pull) tells it the serverSeq. Recording that number on the entry's index row and, for a
 * profile edit or a setting, on the member's edit or the setting's change is what lets every phone
 * resolve profiles and settings in server order, exactly as the server's fold does
 * (in-server-order.ts).
 *
 * Like applyEntry, this MUTATES `state` and reports the keys it touched.
 */
import { numberSetting } from './books.ts';
import { numberEdit } from './members.ts';
import type { Touched, LedgerState } from './state.ts';
import { TouchRecorder } from './tracker.ts';

export function recordServerSeq(state: LedgerState, entryId: string, serverSeq: number): Touched {
  const t = new TouchRecorder();
  const row = state.entries.get(entryId);
  if (row !== undefined && row.serverSeq !== serverSeq) {
    state.entries.set(entryId, { ...row, serverSeq });
    t.touch('entries', entryId);
    // A reversed edit is no longer among the member's edits: only its index row carries the number.
    if (row.type === 'member.updated') numberEdit(state, row.data.memberId, entryId, serverSeq, t);
    if (row.type === 'settings.changed') numberSetting(state, row.data.key, entryId, serverSeq, t);
  }
  return t.result();
}

import type { Flag } from '../../domain/ledger/index.ts';
import { flagMessages, flaggedNote } from './flag-text.ts';

/** After a confirmed save of a rule-breaking fact: says that, and why, the entry was flagged. */
export function FlagNote({ flags }: { readonly flags: readonly Flag[] }) {
  const reasons = flagMessages.useMessages();
  const m = flaggedNote.useMessages();
  if (flags.length === 0) return null;
  return (
    <p className="notice" role="status" data-testid="flag-note">
      {m.note(flags.map((f) => reasons[f.reason]).join('; '))}
    </p>
  );
}

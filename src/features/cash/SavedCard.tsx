import type { SavedEntry } from '../../db/append-entry.ts';
import { FlagNote, SaveFeedback } from '../forms/index.ts';
import { Link } from '../navigation/link.tsx';
import { cashMessages } from './messages.ts';

/** What a saved cash entry shows: "Tersimpan", any flags, its receipt and "Catat lagi". */
export function SavedCard({ saved, onAnother }: { readonly saved: SavedEntry; readonly onAnother: () => void }) {
  const m = cashMessages.useMessages();
  return (
    <section className="card" aria-live="polite">
      <SaveFeedback state={{ status: 'saved', saved }} />
      <FlagNote flags={saved.flags} />
      <p className="actions">
        <Link to={`/kuitansi/${saved.entry.id}`} className="button button--primary">
          {m.receipt}
        </Link>
        <button type="button" className="button" onClick={onAnother}>
          {m.another}
        </button>
      </p>
    </section>
  );
}

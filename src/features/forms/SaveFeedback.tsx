import type { SaveState } from './use-save-entry.ts';
import { FormError } from './FormError.tsx';
import { formsMessages } from './messages.ts';

/** The outcome of a save, announced to screen readers: "Menyimpan…", "Tersimpan", or why not. */
export function SaveFeedback({ state }: { readonly state: SaveState }) {
  const m = formsMessages.useMessages();
  switch (state.status) {
    case 'idle':
      return null;
    case 'saving':
      return (
        <p className="save-status" role="status">
          {m.save.saving}
        </p>
      );
    case 'saved':
      return (
        <p className="save-status save-status--saved" role="status">
          <strong>{m.save.saved}</strong> {m.save.savedNote}
        </p>
      );
    case 'failed':
      return <FormError code={state.error} />;
  }
}

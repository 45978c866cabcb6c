import { useId, useState, type ChangeEvent } from 'react';
import { formatDateId, toJakartaDate } from '../../domain/dates.ts';
import { downloadBlob } from '../export/download.ts';
import { FormError } from '../forms/FormError.tsx';
import { notifyEntrySaved } from '../forms/saved-listeners.ts';
import type { Cooperative } from '../session/cooperative.ts';
import { getDb } from '../session/database.ts';
import { useCanWrite } from '../session/use-session.ts';
import { makeBackup, previewRestore, restoreFromFile, type RestorePreview } from './backup-file.ts';
import { settingsMessages } from './messages.ts';
import { readText } from './read-text.ts';

type Made = { readonly kind: 'made'; readonly name: string; readonly entries: number } | { readonly kind: 'failed'; readonly code: string };

type Restore =
  | { readonly step: 'idle' }
  | { readonly step: 'reading' }
  | { readonly step: 'preview'; readonly preview: Extract<RestorePreview, { ok: true }> }
  | { readonly step: 'restoring' }
  | { readonly step: 'done'; readonly added: number; readonly skipped: number }
  | { readonly step: 'refused'; readonly code: string };

type ShareNavigator = Navigator & { canShare?: (data: ShareData) => boolean };

function shareableFile(name: string, blob: Blob): File | null {
  const nav = navigator as ShareNavigator;
  if (typeof nav.share !== 'function' || typeof nav.canShare !== 'function') return null;
  const file = new File([blob], name, { type: 'application/json' });
  return nav.canShare({ files: [file] }) ? file : null;
}

/** "Unduh cadangan" / "Bagikan cadangan" and "Pulihkan dari cadangan" with a preview before anything is written. */
export function BackupPanel({ cooperative }: { readonly cooperative: Cooperative }) {
  const m = settingsMessages.useMessages().backup;
  const canWrite = useCanWrite();
  const inputId = useId();
  const [made, setMade] = useState<Made | null>(null);
  const [restore, setRestore] = useState<Restore>({ step: 'idle' });

  const backUp = async (share: boolean) => {
    const result = await makeBackup(getDb(), cooperative.name);
    if (!result.ok) {
      setMade({ kind: 'failed', code: result.error });
      return;
    }
    const { name, blob, entries } = result.value;
    const file = share ? shareableFile(name, blob) : null;
    if (file !== null) {
      // The share sheet lets the treasurer send the file to WhatsApp or Drive: off the phone.
      await navigator.share({ files: [file], title: name }).catch(() => undefined);
    } else {
      downloadBlob(name, blob);
    }
    setMade({ kind: 'made', name, entries });
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    setRestore({ step: 'reading' });
    let text: string;
    try {
      text = await readText(file);
    } catch {
      setRestore({ step: 'refused', code: 'not-a-backup' });
      return;
    }
    const preview = await previewRestore(getDb(), text);
    setRestore(preview.ok ? { step: 'preview', preview } : { step: 'refused', code: preview.error });
  };

  const run = async (file: unknown) => {
    setRestore({ step: 'restoring' });
    const result = await restoreFromFile(getDb(), file);
    if (!result.ok) {
      setRestore({ step: 'refused', code: result.error });
      return;
    }
    // Restored entries of this phone are pending again: let the sync engine count and send them.
    if (result.value.pending > 0) notifyEntrySaved();
    setRestore({ step: 'done', added: result.value.added, skipped: result.value.skipped });
  };

  return (
    <section className="card" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} className="card__title">
        {m.title}
      </h2>
      <p>{m.intro}</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => void backUp(false)}>
          {m.download}
        </button>
        {typeof navigator.share === 'function' ? (
          <button type="button" className="button" onClick={() => void backUp(true)}>
            {m.share}
          </button>
        ) : null}
      </div>
      {made?.kind === 'made' ? (
        <p className="notice" role="status" data-testid="backup-made">
          {m.made(made.name, made.entries)}
        </p>
      ) : null}
      {made?.kind === 'failed' ? <FormError code={made.code} /> : null}

      {canWrite ? (
        <div className="backup-restore">
          <h3 className="card__subtitle">{m.restoreTitle}</h3>
          <p className="hint">{m.restoreIntro}</p>
          {/* The input comes first so the label (the visible button) can show its keyboard focus. */}
          <input
            id={inputId}
            className="visually-hidden"
            type="file"
            accept="application/json,.json"
            onChange={(event) => void choose(event)}
          />
          <label className="button file-button" htmlFor={inputId}>
            {m.choose}
          </label>
          {restore.step === 'reading' ? <p role="status">{m.reading}</p> : null}
          {restore.step === 'preview' ? (
            <div className="notice" data-testid="restore-preview">
              <p>{m.preview(restore.preview.added, restore.preview.present)}</p>
              {Number.isNaN(Date.parse(restore.preview.exportedAt)) ? null : (
                <p>{m.previewFrom(formatDateId(toJakartaDate(Date.parse(restore.preview.exportedAt))))}</p>
              )}
              {restore.preview.added === 0 ? (
                <p>{m.nothingNew}</p>
              ) : (
                <div className="actions">
                  <button type="button" className="button button--primary" onClick={() => void run(restore.preview.file)}>
                    {m.restore}
                  </button>
                  <button type="button" className="button" onClick={() => setRestore({ step: 'idle' })}>
                    {m.cancel}
                  </button>
                </div>
              )}
            </div>
          ) : null}
          {restore.step === 'restoring' ? <p role="status">{m.restoring}</p> : null}
          {restore.step === 'done' ? (
            <p className="notice" role="status" data-testid="restore-done">
              {m.restored(restore.added, restore.skipped)}
            </p>
          ) : null}
          {restore.step === 'refused' ? (
            <div data-testid="restore-refused">
              <p className="form-error" role="alert">
                {m.refused}
              </p>
              <FormError code={restore.code} />
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

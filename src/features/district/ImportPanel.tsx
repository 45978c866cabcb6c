import { useId, useState, type SyntheticEvent } from 'react';
import { isRejectReason, REJECT_REASON_TEXT } from '../../domain/entry/reasons.ts';
import { flagMessages } from '../forms/flag-text.ts';
import { useLanguageStore } from '../../i18n/language-store.ts';
import type { Language } from '../../i18n/catalog.ts';
import type { AdminFailure } from './admin-client.ts';
import type { ImportAnswer } from './api-schemas.ts';
import { useAdminSession } from './admin-session.ts';
import { checkBackupFile } from './backup-file.ts';
import { useAdminClient } from './client-context.ts';
import { failureText } from './error-text.ts';
import { districtMessages, type DistrictMessages } from './messages.ts';
import { lookup } from './lookup.ts';

type Props = { readonly cooperativeId: string; readonly onImported: () => void };

type Outcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'local'; readonly text: string }
  | { readonly kind: 'failed'; readonly error: AdminFailure }
  | { readonly kind: 'done'; readonly fileName: string; readonly answer: ImportAnswer };

const COUNT_KEYS = ['accepted', 'accepted_flagged', 'duplicate', 'rejected', 'gap', 'notProcessed'] as const;
const PROBLEMS_SHOWN = 50;

type Result = ImportAnswer['results'][number];

function reasonText(result: Result, m: DistrictMessages, language: Language): string {
  if (result.status === 'not-processed') return m.importing.notProcessedReason;
  if (result.status === 'gap') return result.expectedSeq === undefined ? m.importing.counts.gap : m.importing.expectedSeq(result.expectedSeq);
  const reason = result.reason ?? '';
  if (reason === 'device-unknown') return m.importing.deviceUnknown;
  if (isRejectReason(reason)) return REJECT_REASON_TEXT[reason][language];
  return lookup(flagMessages.in(language), reason) ?? reason;
}

/**
 * A broken phone's backup file → POST import → what happened to each entry, counted per status,
 * and the entries that did not enter the books with the reason in words. A file that is not a
 * backup, or of another cooperative, is refused as a whole and nothing is stored.
 */
export function ImportPanel({ cooperativeId, onImported }: Props) {
  const m = districtMessages.useMessages();
  const language = useLanguageStore((state) => state.language);
  const client = useAdminClient();
  const { signOut } = useAdminSession();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (file === null) {
      setOutcome({ kind: 'local', text: m.importing.chooseFirst });
      return;
    }
    setBusy(true);
    setOutcome({ kind: 'none' });
    const check = await checkBackupFile(file);
    if (!check.ok) {
      setBusy(false);
      setOutcome({ kind: 'local', text: m.importing[check.problem] });
      return;
    }
    const result = await client.importBackup(cooperativeId, check.text);
    setBusy(false);
    if (result.ok) {
      setOutcome({ kind: 'done', fileName: file.name, answer: result.value });
      onImported();
    } else if (result.error.code === 'admin-unauthorized') signOut('expired');
    else setOutcome({ kind: 'failed', error: result.error });
  };

  const problems = outcome.kind === 'done' ? outcome.answer.results.filter((r) => r.status !== 'accepted' && r.status !== 'accepted_flagged' && r.status !== 'duplicate') : [];
  return (
    <section className="card district-section" aria-labelledby="import-title">
      <h2 id="import-title" className="card__title">
        {m.importing.title}
      </h2>
      <p className="hint">{m.importing.intro}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label className="field__label" htmlFor={inputId}>
            {m.importing.file}
          </label>
          <input
            id={inputId}
            className="field__input"
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setOutcome({ kind: 'none' });
            }}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? m.importing.submitting : m.importing.submit}
          </button>
        </div>
      </form>
      {outcome.kind === 'local' ? (
        <p className="form-error" role="alert">
          {outcome.text}
        </p>
      ) : outcome.kind === 'failed' ? (
        <p className="form-error" role="alert">
          {failureText(outcome.error, m)}
        </p>
      ) : outcome.kind === 'done' ? (
        <div role="status" data-testid="import-result">
          <h3>{m.importing.resultTitle(outcome.fileName)}</h3>
          <p>{m.importing.total(outcome.answer.total)}</p>
          <dl className="facts">
            {COUNT_KEYS.map((key) => (
              <div key={key}>
                <dt>{m.importing.counts[key]}</dt>
                <dd data-testid={`import-count-${key}`}>{outcome.answer.counts[key]}</dd>
              </div>
            ))}
          </dl>
          {problems.length === 0 ? null : (
            <>
              <h4>{m.importing.problemsTitle}</h4>
              <ul className="plain-list">
                {problems.slice(0, PROBLEMS_SHOWN).map((result, index) => (
                  <li key={`${result.id ?? 'x'}-${String(index)}`}>
                    {m.importing.problem(result.seq === null ? '?' : String(result.seq), reasonText(result, m, language))}
                  </li>
                ))}
              </ul>
              {problems.length > PROBLEMS_SHOWN ? <p>{m.importing.moreProblems(problems.length - PROBLEMS_SHOWN)}</p> : null}
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}

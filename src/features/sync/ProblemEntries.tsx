import { useLiveQuery } from 'dexie-react-hooks';
import { isRejectReason, REJECT_REASON_TEXT } from '../../domain/entry/reasons.ts';
import { FLAG_REASONS, type FlagReason } from '../../domain/ledger/index.ts';
import { describeError } from '../../i18n/errors.ts';
import { formatDateId } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/use-t.ts';
import { flagMessages } from '../forms/flag-text.ts';
import { membersMessages } from '../members/messages.ts';
import { Link } from '../navigation/link.tsx';
import { getDb } from '../session/database.ts';
import { readFlags, readRejected } from './sync-queries.ts';
import { syncMessages } from './messages.ts';

const isFlagReason = (reason: string): reason is FlagReason => (FLAG_REASONS as readonly string[]).includes(reason);

/** Entries the server refused and entries flagged for review, each with its reason and a link to it. */
export function ProblemEntries() {
  const m = syncMessages.useMessages();
  const types = membersMessages.useMessages().types;
  const flagText = flagMessages.useMessages();
  const language = useLanguage();
  const rejected = useLiveQuery(() => readRejected(getDb()), []);
  const flags = useLiveQuery(() => readFlags(getDb()), []);

  const rejectText = (reason: string | undefined): string => {
    if (reason === undefined) return '';
    return isRejectReason(reason) ? REJECT_REASON_TEXT[reason][language] : describeError(reason, language);
  };

  return (
    <>
      <section className="card no-print" aria-labelledby="sync-rejected-heading">
        <h2 id="sync-rejected-heading" className="card__title">
          {m.rejectedTitle}
        </h2>
        {rejected !== undefined && rejected.total === 0 ? <p>{m.noneRejected}</p> : <p className="hint">{m.rejectedIntro}</p>}
        <ul className="problem-list" data-testid="sync-rejected">
          {rejected?.rows.map((row) => (
            <li key={row.id} className="problem-list__item">
              <span className="problem-list__what">
                {types[row.entry.type]} · {formatDateId(row.entry.date)}
              </span>
              <span className="problem-list__why">{rejectText(row.reason)}</span>
              <Link to={`/entri/${row.id}`}>{m.open}</Link>
            </li>
          ))}
        </ul>
        {rejected !== undefined && rejected.total > rejected.rows.length ? <p>{m.more(rejected.total - rejected.rows.length)}</p> : null}
      </section>
      <section className="card no-print" aria-labelledby="sync-flagged-heading">
        <h2 id="sync-flagged-heading" className="card__title">
          {m.flaggedTitle}
        </h2>
        {flags !== undefined && flags.total === 0 ? <p>{m.noneFlagged}</p> : <p className="hint">{m.flaggedIntro}</p>}
        <ul className="problem-list" data-testid="sync-flagged">
          {flags?.rows.map((flag) => (
            <li key={flag.key} className="problem-list__item">
              <span className="problem-list__what">
                {types[flag.type]} · {formatDateId(flag.date)}
              </span>
              <span className="problem-list__why">{isFlagReason(flag.reason) ? flagText[flag.reason] : describeError(flag.reason, language)}</span>
              <Link to={`/entri/${flag.entryId}`}>{m.open}</Link>
            </li>
          ))}
        </ul>
        {flags !== undefined && flags.total > flags.rows.length ? <p>{m.more(flags.total - flags.rows.length)}</p> : null}
      </section>
    </>
  );
}

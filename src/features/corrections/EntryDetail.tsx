import { useLiveQuery } from 'dexie-react-hooks';
import { formatDateId } from '../../domain/dates.ts';
import { DEFAULT_CHART } from '../../domain/chart.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { rupiah } from '../../domain/money.ts';
import { membersMessages } from '../members/messages.ts';
import { Link } from '../navigation/link.tsx';
import { lookUpEntry, type LookedUpEntry } from '../receipt/entry-lookup.ts';
import { receiptContent } from '../receipt/receipt-content.ts';
import { getDb, useCanWrite } from '../session/index.ts';
import { dataFacts } from './data-facts.ts';
import { correctionsMessages } from './messages.ts';
import { ReverseForm } from './ReverseForm.tsx';

const ACCOUNT_NAMES = new Map(DEFAULT_CHART.map((a) => [a.code, a.name]));

const JAKARTA_TIME = new Intl.DateTimeFormat('id-ID', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Asia/Jakarta' });

/** The phone's clock when the entry was recorded, in WIB (a claim, never used for ordering). */
function jakartaTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${JAKARTA_TIME.format(ms)} WIB`;
}

/** The label of a data key; a key this version does not know shows as itself. */
function keyLabel(labels: Readonly<Record<string, string>>, key: string): string {
  return labels[key] ?? key;
}

/** `/entri/<entryId>`: everything about one entry, and the way to reverse it. */
export function EntryDetail({ entryId }: { readonly entryId: string }) {
  const m = correctionsMessages.useMessages();
  // `null` = looked and not found; `undefined` = still loading.
  const looked = useLiveQuery(() => lookUpEntry(getDb(), entryId), [entryId]);
  if (looked === undefined) return null;
  if (looked === null) {
    return (
      <article className="page">
        <h1 className="page__title">{m.entryTitle}</h1>
        <p className="notice">{m.notFound}</p>
        <p>
          <Link to="/koreksi">{m.back}</Link>
        </p>
      </article>
    );
  }
  return <EntryFacts looked={looked} />;
}

function EntryFacts({ looked }: { readonly looked: LookedUpEntry }) {
  const m = correctionsMessages.useMessages();
  const types = membersMessages.useMessages().types;
  const canWrite = useCanWrite();
  const { row, reversedBy, reverses } = looked;
  const entry = row.entry;
  const hasReceipt = receiptContent(entry) !== null;
  const blocked =
    entry.type === 'entry.reversed'
      ? m.reverse.isReversal
      : reversedBy !== null
        ? m.reverse.alreadyReversed
        : row.sync === 'rejected'
          ? m.reverse.rejected
          : !canWrite
            ? m.reverse.readOnly
            : null;

  return (
    <article className="page entry-detail">
      <p>
        <Link to="/koreksi">{m.back}</Link>
      </p>
      <h1 className="page__title">
        {m.entryTitle}: {types[entry.type]}
      </h1>
      {reversedBy === null ? null : (
        <p className="notice" data-testid="reversed-note">
          <span className="badge badge--void">{m.reversedBadge}</span>{' '}
          {m.reversedBy(reversedBy.entry.actor, formatDateId(reversedBy.entry.date))}. {m.reason}: {reversedBy.entry.data.reason}.{' '}
          <Link to={`/entri/${reversedBy.entry.id}`}>{m.openReversal}</Link>
        </p>
      )}
      {entry.type === 'entry.reversed' ? (
        <p className="notice">
          {m.reversalOf}:{' '}
          <Link to={`/entri/${entry.data.entryId}`}>{reverses === null ? entry.data.entryId : types[reverses.entry.type]}</Link>
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{m.facts.type}</dt>
          <dd>{types[entry.type]}</dd>
        </div>
        <div>
          <dt>{m.facts.date}</dt>
          <dd>{formatDateId(entry.date)}</dd>
        </div>
        <div>
          <dt>{m.facts.actor}</dt>
          <dd>{entry.actor}</dd>
        </div>
        <div>
          <dt>{m.facts.recordedAt}</dt>
          <dd>{jakartaTime(entry.recordedAt)}</dd>
        </div>
        <div>
          <dt>{m.facts.sync}</dt>
          <dd data-testid="entry-sync">{m.sync[row.sync]}</dd>
        </div>
        {row.reason === undefined ? null : (
          <div>
            <dt>{m.facts.serverReason}</dt>
            <dd>{row.reason}</dd>
          </div>
        )}
        {row.receiptNo === undefined ? null : (
          <div>
            <dt>{m.facts.receiptNo}</dt>
            <dd>{row.receiptNo}</dd>
          </div>
        )}
        <div>
          <dt>{m.facts.device}</dt>
          <dd>
            {entry.deviceId.slice(0, 8)} / {entry.seq}
          </dd>
        </div>
        <div>
          <dt>{m.facts.id}</dt>
          <dd className="entry-detail__id">{entry.id}</dd>
        </div>
      </dl>
      {hasReceipt ? (
        <p className="actions">
          <Link to={`/kuitansi/${entry.id}`} className="button">
            {m.receipt}
          </Link>
        </p>
      ) : null}

      <section className="card" aria-labelledby="entry-data">
        <h2 id="entry-data" className="card__title">
          {m.dataTitle}
        </h2>
        <dl className="facts">
          {dataFacts(entry).map((fact) => (
            <div key={fact.key}>
              <dt>{keyLabel(m.keys, fact.key)}</dt>
              <dd>{fact.kind === 'link' ? <Link to={fact.to}>{fact.value.slice(0, 8)}…</Link> : fact.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card" aria-labelledby="entry-lines">
        <h2 id="entry-lines" className="card__title">
          {m.linesTitle}
        </h2>
        {entry.lines.length === 0 ? (
          <p>{m.noLines}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{m.account}</th>
                  <th scope="col">{m.debit}</th>
                  <th scope="col">{m.credit}</th>
                </tr>
              </thead>
              <tbody>
                {entry.lines.map((line, k) => (
                  <tr key={`${line.account}-${String(k)}`}>
                    <td>
                      {line.account} {ACCOUNT_NAMES.get(line.account) ?? ''}
                    </td>
                    <td className="amount">{line.debit > 0 ? formatRupiah(rupiah(line.debit)) : ''}</td>
                    <td className="amount">{line.credit > 0 ? formatRupiah(rupiah(line.credit)) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <ReverseForm target={entry} blocked={blocked} />
    </article>
  );
}

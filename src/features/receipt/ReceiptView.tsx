import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { memberById } from '../../db/queries.ts';
import { formatDateId } from '../../domain/dates.ts';
import type { MemberRow } from '../../domain/ledger/index.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { terbilang } from '../../domain/terbilang.ts';
import { Link } from '../navigation/link.tsx';
import { getDb, useCooperative } from '../session/index.ts';
import { lookUpEntry, type LookedUpEntry } from './entry-lookup.ts';
import { receiptMessages } from './messages.ts';
import { receiptContent, type ReceiptContent } from './receipt-content.ts';
import { receiptText, receiptTitleText, whatsAppReceiptLink, type ReceiptFacts } from './receipt-text.ts';

export type PaperLayout = 'thermal' | 'a4';

/**
 * The kuitansi of one money entry: what a member takes home for a deposit, a repayment or a loan.
 * Printable on a 58 mm thermal printer or on A4 (the print CSS uses a named page per layout, chosen
 * here before `window.print()`), and shareable as text. A reversed entry's receipt says DIBATALKAN.
 */
export function ReceiptView({ entryId }: { readonly entryId: string }) {
  const m = receiptMessages.useMessages();
  // `null` = looked and not found; `undefined` = still loading.
  const found = useLiveQuery(async () => loadReceipt(entryId), [entryId]);
  if (found === undefined) return null;
  if (found === null) return <ReceiptNotice text={m.notFound} entryId={null} />;
  const content = receiptContent(found.looked.row.entry);
  if (content === null) return <ReceiptNotice text={m.notMoney} entryId={entryId} />;
  return <ReceiptPaper looked={found.looked} member={found.member} content={content} />;
}

async function loadReceipt(entryId: string): Promise<{ looked: LookedUpEntry; member: MemberRow | null } | null> {
  const db = getDb();
  const looked = await lookUpEntry(db, entryId);
  if (looked === null) return null;
  const memberId = receiptContent(looked.row.entry)?.memberId ?? null;
  const member = memberId === null ? null : ((await memberById(db, memberId)) ?? null);
  return { looked, member };
}

function ReceiptNotice({ text, entryId }: { readonly text: string; readonly entryId: string | null }) {
  const m = receiptMessages.useMessages();
  return (
    <article className="page">
      <h1 className="page__title">{m.title}</h1>
      <p className="notice">{text}</p>
      {entryId === null ? null : (
        <p>
          <Link to={`/entri/${entryId}`}>{m.openEntry}</Link>
        </p>
      )}
    </article>
  );
}

type PaperProps = { readonly looked: LookedUpEntry; readonly member: MemberRow | null; readonly content: ReceiptContent };

function ReceiptPaper({ looked, member, content }: PaperProps) {
  const m = receiptMessages.useMessages();
  const cooperative = useCooperative();
  const [layout, setLayout] = useState<PaperLayout>('thermal');
  const { row, reversedBy } = looked;
  const entry = row.entry;
  const facts: ReceiptFacts = {
    receiptNo: row.receiptNo,
    cooperativeName: cooperative?.name ?? null,
    village: cooperative?.village ?? null,
    date: entry.date,
    member: member?.profile == null ? null : { number: member.profile.number, name: member.profile.name },
    actor: entry.actor,
    pending: row.sync === 'pending',
    reversed: reversedBy !== null,
  };
  const text = receiptText(content, facts, m);
  const phone = member?.profile?.phone ?? null;
  const waLink = whatsAppReceiptLink(phone, text);
  const share = () => {
    if (typeof navigator.share === 'function') {
      navigator.share({ text }).catch(() => undefined);
    } else {
      window.open(waLink, '_blank', 'noopener');
    }
  };
  const place = [facts.cooperativeName, facts.village].filter((x): x is string => x !== null).join(', ');

  return (
    <article className="page receipt-page">
      <p className="no-print">
        <Link to={`/entri/${entry.id}`}>{m.openEntry}</Link>
      </p>
      <h1 className="page__title no-print">{m.title}</h1>
      <section
        className={`receipt receipt--${layout}${facts.reversed ? ' receipt--void' : ''}`}
        data-testid="receipt"
        aria-label={m.title}
      >
        <header className="receipt__head">
          {place === '' ? null : <p className="receipt__coop">{place}</p>}
          <p className="receipt__heading">{m.heading}</p>
          <p>
            {m.number}: <strong data-testid="receipt-number">{facts.receiptNo ?? m.noNumber}</strong>
          </p>
        </header>
        {facts.reversed ? (
          <p className="receipt__void" data-testid="receipt-void">
            {m.reversed}
          </p>
        ) : null}
        <dl className="receipt__facts">
          <div>
            <dt>{m.date}</dt>
            <dd>{formatDateId(entry.date)}</dd>
          </div>
          {facts.member === null ? null : (
            <div>
              <dt>{m.member}</dt>
              <dd>
                {facts.member.number} {facts.member.name}
              </dd>
            </div>
          )}
          <div>
            <dt>{m.what}</dt>
            <dd>{receiptTitleText(content.title, m)}</dd>
          </div>
          {content.parts.map((part) => (
            <div key={part.name} className="receipt__part">
              <dt>{m.parts[part.name]}</dt>
              <dd className="amount">{formatRupiah(part.amount)}</dd>
            </div>
          ))}
          <div className="receipt__total">
            <dt>{m.amount}</dt>
            <dd className="amount" data-testid="receipt-amount">
              {formatRupiah(content.amount)}
            </dd>
          </div>
        </dl>
        <p className="receipt__words" data-testid="receipt-words">
          {m.terbilang}: {terbilang(content.amount)}
        </p>
        <dl className="receipt__facts">
          {content.via === null ? null : (
            <div>
              <dt>{m.viaLabel}</dt>
              <dd>{m.vias[content.via]}</dd>
            </div>
          )}
          <div>
            <dt>{m.treasurer}</dt>
            <dd>{entry.actor}</dd>
          </div>
        </dl>
        {reversedBy === null ? null : (
          <p className="receipt__note">
            {m.reversedBy(reversedBy.entry.actor, formatDateId(reversedBy.entry.date), reversedBy.entry.data.reason)}
          </p>
        )}
        {facts.pending ? (
          <p className="receipt__note" data-testid="receipt-pending">
            {m.pending}
          </p>
        ) : null}
        <div className="receipt__signatures">
          <p>{m.signMember}</p>
          <p>{m.treasurer}</p>
        </div>
      </section>

      <fieldset className="via-picker no-print">
        <legend className="field__label">{m.layout}</legend>
        <div className="via-picker__options">
          {(['thermal', 'a4'] as const).map((choice) => (
            <label key={choice} className="via-picker__option">
              <input type="radio" name="receipt-layout" checked={layout === choice} onChange={() => setLayout(choice)} />
              <span>{m[choice]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="actions no-print">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {m.print}
        </button>
        <button type="button" className="button" onClick={share}>
          {m.share}
        </button>
        <a className="button" href={waLink} target="_blank" rel="noopener noreferrer">
          {m.whatsapp}
        </a>
      </p>
      {phone === null && facts.member !== null ? <p className="hint no-print">{m.noPhone}</p> : null}
    </article>
  );
}

import type { ReactNode } from 'react';
import type { SavedEntry } from '../../db/append-entry.ts';
import { FlagNote, SaveFeedback, type SaveState } from '../forms/index.ts';
import { Link } from '../navigation/link.tsx';

type Props = {
  readonly state: Extract<SaveState, { status: 'saved' }>;
  readonly title: string;
  readonly savedText: string;
  readonly receiptLabel: string;
  readonly openLoanLabel: string;
  readonly loanId: string;
  /** More actions after "open the loan" (a disbursal's "another one"). */
  readonly children?: ReactNode;
};

/** After a loan entry was saved: "Tersimpan", its flags, the member's kuitansi and the loan. */
export function SavedLoanCard({ state, title, savedText, receiptLabel, openLoanLabel, loanId, children }: Props) {
  const saved: SavedEntry = state.saved;
  return (
    <article className="page">
      <h1 className="page__title">{title}</h1>
      <section className="card">
        <SaveFeedback state={state} />
        <p>{savedText}</p>
        <FlagNote flags={saved.flags} />
        <p className="actions">
          <Link to={`/kuitansi/${saved.entry.id}`} className="button button--primary">
            {receiptLabel}
          </Link>
          <Link to={`/pinjaman/${loanId}`} className="button">
            {openLoanLabel}
          </Link>
          {children}
        </p>
      </section>
    </article>
  );
}

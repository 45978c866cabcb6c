import { useState } from 'react';
import { todayInJakarta } from '../../domain/dates.ts';
import { Link } from '../navigation/link.tsx';
import { usePathname } from '../navigation/location.ts';
import { useCanWrite } from '../session/index.ts';
import { CashEntryForm } from './CashEntryForm.tsx';
import { DailyClose } from './DailyClose.tsx';
import { cashMessages } from './messages.ts';
import { TodayMoves } from './TodayMoves.tsx';
import { TransferForm } from './TransferForm.tsx';

type Mode = 'in' | 'out' | 'sales' | 'transfer';
const MODES: readonly Mode[] = ['in', 'out', 'sales', 'transfer'];

/** /kas: record cash in, cash out, shop sales or a transfer, and see today's movements; /kas/tutup-harian: the daily close. */
export default function CashPage() {
  const m = cashMessages.useMessages();
  const canWrite = useCanWrite();
  const path = usePathname().replace(/\/+$/, '');
  const [mode, setMode] = useState<Mode>('in');
  if (path === '/kas/tutup-harian') return <DailyClose />;
  return (
    <article className="page">
      <h1 className="page__title">{m.title}</h1>
      <p>{m.intro}</p>
      <p className="actions">
        <Link to="/kas/tutup-harian" className="button">
          {m.close.link}
        </Link>
      </p>
      {canWrite ? (
        <section className="card">
          <fieldset className="via-picker">
            <legend className="field__label">{m.modes.legend}</legend>
            <div className="via-picker__options cash-modes">
              {MODES.map((each) => (
                <label key={each} className="via-picker__option">
                  <input type="radio" name="cash-mode" checked={mode === each} onChange={() => setMode(each)} />
                  <span>{m.modes[each]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {mode === 'transfer' ? <TransferForm /> : <CashEntryForm key={mode} mode={mode} />}
        </section>
      ) : (
        <p className="notice">{m.readOnly}</p>
      )}
      <TodayMoves today={todayInJakarta()} />
    </article>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { cashMovesBetween } from '../../db/queries.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { rupiah } from '../../domain/money.ts';
import { formsMessages, VIAS } from '../forms/index.ts';
import { Link } from '../navigation/link.tsx';
import { getDb } from '../session/index.ts';
import { cashMessages } from './messages.ts';
import { useCashToday } from './use-cash-today.ts';

/** What a phone screen lists; the cash book report has every row. */
const SHOWN = 30;

/** Today's money in and out (every via), newest first, with the balance of each via at the end. */
export function TodayMoves({ today }: { readonly today: string }) {
  const m = cashMessages.useMessages();
  const f = formsMessages.useMessages();
  const moves = useLiveQuery(() => cashMovesBetween(getDb(), today, today), [today]);
  const cash = useCashToday(today);
  const newestFirst = [...(moves ?? [])].reverse();
  return (
    <section className="card" aria-labelledby="cash-today-title">
      <h2 id="cash-today-title">{m.today.title}</h2>
      {cash === undefined ? null : (
        <ul className="plain-list cash-balances">
          {cash.map((row) => (
            <li key={row.via}>{m.today.balance(f.via[row.via], formatRupiah(row.balance))}</li>
          ))}
        </ul>
      )}
      {moves === undefined ? null : moves.length === 0 ? (
        <p className="hint">{m.today.empty}</p>
      ) : (
        <ul className="plain-list cash-moves">
          {newestFirst.slice(0, SHOWN).map((move) => {
            const moneyIn = move.legs.reduce((sum, leg) => sum + leg.in, 0);
            const moneyOut = move.legs.reduce((sum, leg) => sum + leg.out, 0);
            const vias = VIAS.filter((via) => move.legs.some((leg) => leg.via === via)).map((via) => f.via[via]);
            return (
              <li key={move.key} className="cash-moves__item">
                <Link to={`/kuitansi/${move.entryId}`}>{move.memo === '' ? move.type : move.memo}</Link>
                <span className="cash-moves__via">{vias.join(' → ')}</span>
                {moneyIn > 0 ? (
                  <span className="cash-moves__in">
                    {m.today.moneyIn} {formatRupiah(rupiah(moneyIn))}
                  </span>
                ) : null}
                {moneyOut > 0 ? (
                  <span className="cash-moves__out">
                    {m.today.moneyOut} {formatRupiah(rupiah(moneyOut))}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {moves !== undefined && moves.length > SHOWN ? <p className="hint">{m.today.more(moves.length - SHOWN)}</p> : null}
      <p className="actions">
        <Link to="/laporan/buku-kas" className="button">
          {m.today.cashBook}
        </Link>
      </p>
    </section>
  );
}

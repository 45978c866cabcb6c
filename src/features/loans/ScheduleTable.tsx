import { formatDateId } from '../../domain/dates.ts';
import type { Installment } from '../../domain/loans/schedule.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { loansMessages } from './messages.ts';

export type InstallmentStatus = 'paid' | 'partial' | 'late' | 'unpaid';

type Props = {
  readonly schedule: readonly Installment[];
  /** Per installment, when the loan exists (detail page); omitted in previews. */
  readonly statuses?: readonly InstallmentStatus[];
  readonly caption?: string;
};

/** The installments: due date, principal, interest, total, balance, and (for a real loan) paid marks. */
export function ScheduleTable({ schedule, statuses, caption }: Props) {
  const m = loansMessages.useMessages().schedule;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="schedule">
        {caption === undefined ? null : <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{m.n}</th>
            <th scope="col">{m.due}</th>
            <th scope="col">{m.principal}</th>
            <th scope="col">{m.interest}</th>
            <th scope="col">{m.total}</th>
            <th scope="col">{m.balance}</th>
            {statuses === undefined ? null : <th scope="col">{m.status}</th>}
          </tr>
        </thead>
        <tbody>
          {schedule.map((i, k) => {
            const status = statuses?.[k];
            return (
              <tr key={i.n} className={status === 'paid' ? 'is-paid' : undefined}>
                <td>{i.n}</td>
                <td>{formatDateId(i.due)}</td>
                <td className="amount">{formatRupiah(i.principal)}</td>
                <td className="amount">{formatRupiah(i.interest)}</td>
                <td className="amount">{formatRupiah(i.total)}</td>
                <td className="amount">{formatRupiah(i.balance)}</td>
                {status === undefined ? null : (
                  <td>
                    <span className={`badge${status === 'late' ? ' badge--macet' : status === 'partial' ? ' badge--kurang_lancar' : ''}`}>
                      {m[status]}
                    </span>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

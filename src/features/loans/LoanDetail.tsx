import { formatDateId, todayInJakarta } from '../../domain/dates.ts';
import { DEFAULT_COLLECTIBILITY, parseCollectibilityPreset } from '../../domain/collectibility.ts';
import type { LoanRow, MemberRow } from '../../domain/ledger/index.ts';
import { unpaidPerInstallment } from '../../domain/loans/status.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { loanPosition } from '../../domain/reports/loan-position.ts';
import { Link } from '../navigation/link.tsx';
import { useCanWrite, useCooperative } from '../session/index.ts';
import { LoanPageTitle } from './LoanPageTitle.tsx';
import { loansMessages } from './messages.ts';
import { formatBpPercent } from './rate-input.ts';
import { settlementOf } from './repayment-split.ts';
import { ScheduleTable, type InstallmentStatus } from './ScheduleTable.tsx';

type Props = { readonly loan: LoanRow; readonly member: MemberRow | null };

/** `/pinjaman/<loanId>`: terms, where the loan stands today, the schedule with paid marks, repayments, early settlement. */
export function LoanDetail({ loan, member }: Props) {
  const all = loansMessages.useMessages();
  const m = all.detail;
  const canWrite = useCanWrite();
  const cooperative = useCooperative();
  const today = todayInJakarta();
  const preset = parseCollectibilityPreset(cooperative?.settings.collectibility) ?? DEFAULT_COLLECTIBILITY;
  const disbursal = loan.disbursals[0];
  const position = loanPosition(loan, today, preset);
  const unpaid = unpaidPerInstallment(loan.schedule, loan.repayments, today);
  const statuses: InstallmentStatus[] = loan.schedule.map((i, k) => {
    const left = unpaid[k] ?? i.total;
    if (left === 0) return 'paid';
    if (i.due < today) return 'late';
    return left < i.total ? 'partial' : 'unpaid';
  });
  const settlement = disbursal === undefined ? undefined : settlementOf({ schedule: loan.schedule, repayments: loan.repayments, asOf: today, fineBpPerDay: disbursal.fineBpPerDay, waiveFine: false });
  const open = loan.outstanding > 0;

  return (
    <article className="page">
      <LoanPageTitle back={{ to: '/pinjaman', label: all.back }}>
        {m.title}: {member?.profile?.name ?? '—'}
      </LoanPageTitle>
      <dl className="facts">
        <div>
          <dt>{m.borrower}</dt>
          <dd>
            {member?.profile == null ? '—' : <Link to={`/anggota/${member.memberId}`}>{`${member.profile.number} ${member.profile.name}`}</Link>}
          </dd>
        </div>
      </dl>
      {disbursal === undefined ? (
        <p className="notice">{m.noDisbursal}</p>
      ) : (
        <section className="card" aria-labelledby="loan-terms">
          <h2 id="loan-terms" className="card__title">
            {m.terms}
          </h2>
          <dl className="facts">
            <div>
              <dt>{m.disbursedOn}</dt>
              <dd>{formatDateId(disbursal.date)}</dd>
            </div>
            <div>
              <dt>{m.principal}</dt>
              <dd className="amount">{formatRupiah(disbursal.principal)}</dd>
            </div>
            <div>
              <dt>{m.months}</dt>
              <dd>{m.monthsValue(disbursal.months)}</dd>
            </div>
            <div>
              <dt>{m.rate}</dt>
              <dd>{m.ratePerMonth(formatBpPercent(disbursal.rateBp))}</dd>
            </div>
            <div>
              <dt>{m.method}</dt>
              <dd>{all.methods[disbursal.method]}</dd>
            </div>
            <div>
              <dt>{m.adminFee}</dt>
              <dd className="amount">{formatRupiah(disbursal.adminFee)}</dd>
            </div>
            <div>
              <dt>{m.fine}</dt>
              <dd>{m.finePerDay(formatBpPercent(disbursal.fineBpPerDay))}</dd>
            </div>
          </dl>
          <p>
            <Link to={`/kuitansi/${disbursal.entryId}`}>{m.disbursalReceipt}</Link>
          </p>
        </section>
      )}

      <section className="card" aria-labelledby="loan-status">
        <h2 id="loan-status" className="card__title">
          {m.status}
        </h2>
        <dl className="facts">
          <div>
            <dt>{m.outstanding}</dt>
            <dd className="amount" data-testid="loan-outstanding">
              {formatRupiah(loan.outstanding)}
            </dd>
          </div>
          <div>
            <dt>{m.paidPrincipal}</dt>
            <dd className="amount">{formatRupiah(loan.paidPrincipal)}</dd>
          </div>
          <div>
            <dt>{m.paidInterest}</dt>
            <dd className="amount">{formatRupiah(loan.paidInterest)}</dd>
          </div>
          <div>
            <dt>{m.paidFine}</dt>
            <dd className="amount">{formatRupiah(loan.paidFine)}</dd>
          </div>
          <div>
            <dt>{m.nextDue}</dt>
            <dd>{position?.nextDue == null ? m.none : formatDateId(position.nextDue)}</dd>
          </div>
          <div>
            <dt>{m.daysPastDue}</dt>
            <dd data-testid="loan-dpd">{position?.daysPastDue ?? 0}</dd>
          </div>
          <div>
            <dt>{m.collectibility}</dt>
            <dd>
              {position === undefined ? m.none : (
                <span className={`badge badge--${position.collectibility}`} data-testid="loan-collectibility">
                  {all.collectibility[position.collectibility]}
                </span>
              )}
            </dd>
          </div>
        </dl>
        {!open && disbursal !== undefined ? <p className="notice">{m.paidOff}</p> : null}
        {canWrite && open && disbursal !== undefined ? (
          <p className="actions">
            <Link to={`/pinjaman/${loan.loanId}/bayar`} className="button button--primary">
              {m.repay}
            </Link>
          </p>
        ) : null}
      </section>

      {settlement !== undefined && open ? (
        <section className="card" aria-labelledby="loan-settlement">
          <h2 id="loan-settlement" className="card__title">
            {m.settlement}
          </h2>
          <p>{m.settlementIntro}</p>
          <dl className="facts">
            <div>
              <dt>{all.repay.principal}</dt>
              <dd className="amount">{formatRupiah(settlement.principal)}</dd>
            </div>
            <div>
              <dt>{all.repay.interest}</dt>
              <dd className="amount">{formatRupiah(settlement.interest)}</dd>
            </div>
            <div>
              <dt>{all.repay.fine}</dt>
              <dd className="amount">{formatRupiah(settlement.fine)}</dd>
            </div>
            <div>
              <dt>{m.settlementTotal}</dt>
              <dd className="amount" data-testid="settlement-total">
                {formatRupiah(settlement.total)}
              </dd>
            </div>
          </dl>
          {canWrite ? (
            <p className="actions">
              <Link to={`/pinjaman/${loan.loanId}/bayar?lunas=1`} className="button">
                {m.settle}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {loan.schedule.length === 0 ? null : (
        <section aria-labelledby="loan-schedule">
          <h2 id="loan-schedule" className="section-title">
            {all.schedule.title}
          </h2>
          <ScheduleTable schedule={loan.schedule} statuses={statuses} />
        </section>
      )}

      <section aria-labelledby="loan-repayments">
        <h2 id="loan-repayments" className="section-title">
          {m.repayments}
        </h2>
        {loan.repayments.length === 0 ? (
          <p className="hint">{m.noRepayments}</p>
        ) : (
          <ol className="plain-list">
            {loan.repayments.map((r) => (
              <li key={r.entryId} className="loan-list__item" data-testid="loan-repayment">
                <Link to={`/entri/${r.entryId}`}>{formatDateId(r.date)}</Link>
                <span>
                  {all.repay.principal} {formatRupiah(r.principal)} · {all.repay.interest} {formatRupiah(r.interest)} · {all.repay.fine}{' '}
                  {formatRupiah(r.fine)}
                </span>
                <Link to={`/kuitansi/${r.entryId}`}>{m.receipt}</Link>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

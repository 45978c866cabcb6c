import { todayInJakarta } from '../../domain/dates.ts';
import { rupiah } from '../../domain/money.ts';
import { formatDateLong, formatRupiah } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/use-t.ts';
import { useOnline } from '../device/online.ts';
import { Link } from '../navigation/link.tsx';
import { savingsAmounts } from '../savings/amounts.ts';
import { useCooperative } from '../session/cooperative.ts';
import { lockSession } from '../session/session-store.ts';
import { useCanWrite, useCurrentUser } from '../session/use-session.ts';
import { usersMessages } from '../users/messages.ts';
import { homeMessages } from './messages.ts';
import { monthLabel } from './month-label.ts';
import { ageOf } from './pending-age.ts';
import { useCashToday, useFlagCount, useOutbox, useOverdueLoans, useWajibUnpaid } from './use-home-data.ts';

/**
 * Beranda: the treasurer's day at a glance — money in the box, bank and QRIS today; what is still
 * waiting to reach the district office; who is behind; what needs review; and the common tasks.
 */
export default function HomePage() {
  const m = homeMessages.useMessages();
  const roles = usersMessages.useMessages();
  const language = useLanguage();
  const online = useOnline();
  const user = useCurrentUser();
  const canWrite = useCanWrite();
  const cooperative = useCooperative();
  const today = todayInJakarta();
  const month = today.slice(0, 7);
  const { wajib } = savingsAmounts(cooperative?.settings);
  const cash = useCashToday(today);
  const unpaid = useWajibUnpaid(month, wajib);
  const overdue = useOverdueLoans(today, cooperative?.settings.collectibility);
  const flags = useFlagCount();
  const outbox = useOutbox();
  const local = cooperative?.mode === 'local';

  return (
    <article className="page home">
      <h1 className="page__title">{m.title}</h1>
      <p className="page__intro">{m.today(formatDateLong(today, language))}</p>
      <div className="home__who">
        <span className="hint">{m.signedInAs(user.name, roles.role(user.role))}</span>
        <button type="button" className="button" onClick={lockSession}>
          {m.lock}
        </button>
      </div>
      {!online && (
        <p className="notice" role="status">
          {m.offline}
        </p>
      )}

      <section className="card" aria-labelledby="home-cash">
        <h2 id="home-cash" className="card__title">
          {m.cash.title}
        </h2>
        {cash === undefined ? null : (
          <dl className="facts" data-testid="home-cash">
            {cash.map((row) => (
              <div key={row.via}>
                <dt>{m.cash.via(row.via)}</dt>
                <dd>{formatRupiah(row.balance)}</dd>
                <dd className="home__movement">
                  {m.cash.movement(formatRupiah(row.inToday), formatRupiah(row.outToday))}
                </dd>
              </div>
            ))}
            <div>
              <dt>{m.cash.total}</dt>
              <dd>{formatRupiah(rupiah(cash.reduce((sum, row) => sum + row.balance, 0)))}</dd>
            </div>
          </dl>
        )}
      </section>

      <section aria-labelledby="home-actions">
        <h2 id="home-actions" className="section-title">
          {m.actions.title}
        </h2>
        {canWrite ? (
          <ul className="tile-list">
            <li>
              <Link to="/simpanan" className="tile">
                {m.actions.deposit}
              </Link>
            </li>
            <li>
              <Link to="/pinjaman" className="tile">
                {m.actions.repayment}
              </Link>
            </li>
            <li>
              <Link to="/kas" className="tile">
                {m.actions.cash}
              </Link>
            </li>
            <li>
              <Link to="/anggota/baru" className="tile">
                {m.actions.member}
              </Link>
            </li>
          </ul>
        ) : (
          <p className="notice">{m.actions.readOnly}</p>
        )}
      </section>

      <section className="card" aria-labelledby="home-sync">
        <h2 id="home-sync" className="card__title">
          {m.sync.title}
        </h2>
        {outbox === undefined ? null : (
          <>
            <p data-testid="home-outbox">
              {outbox.pending === 0
                ? local
                  ? m.sync.nothingYet
                  : m.sync.allSent
                : local
                  ? m.sync.localWaiting(outbox.pending)
                  : m.sync.waiting(outbox.pending, ageOf(outbox.oldestPendingAgeMs ?? 0))}
            </p>
            {outbox.rejected > 0 ? <p className="form-error">{m.sync.rejected(outbox.rejected)}</p> : null}
          </>
        )}
        <p>
          {local ? (
            <Link to="/daftar" className="button">
              {m.sync.enroll}
            </Link>
          ) : (
            <Link to="/sinkron" className="button">
              {m.sync.open}
            </Link>
          )}
        </p>
      </section>

      <section className="card" aria-labelledby="home-attention">
        <h2 id="home-attention" className="card__title">
          {m.attention.title}
        </h2>
        <ul className="plain-list home__attention">
          {unpaid === undefined ? null : (
            <li data-testid="home-wajib">
              <span>
                {unpaid.active === 0
                  ? m.attention.noMembers
                  : unpaid.count === 0
                    ? m.attention.wajibNone(monthLabel(month, language))
                    : m.attention.wajib(unpaid.count, monthLabel(month, language))}
              </span>
              {unpaid.count === 0 ? null : <Link to="/simpanan/wajib">{m.attention.wajibLink}</Link>}
            </li>
          )}
          {overdue === undefined ? null : (
            <li data-testid="home-overdue">
              <span>
                {overdue.count === 0
                  ? m.attention.overdueNone
                  : m.attention.overdue(overdue.count, formatRupiah(overdue.outstanding))}
              </span>
              {overdue.count === 0 ? null : <Link to="/pinjaman">{m.attention.overdueLink}</Link>}
            </li>
          )}
          {flags === undefined ? null : (
            <li data-testid="home-flags">
              <span>{flags === 0 ? m.attention.flagsNone : m.attention.flags(flags)}</span>
              {flags === 0 ? null : <Link to="/laporan">{m.attention.flagsLink}</Link>}
            </li>
          )}
        </ul>
      </section>

    </article>
  );
}

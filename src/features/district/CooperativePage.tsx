import { useState } from 'react';
import { formatDateId, todayInJakarta } from '../../domain/dates.ts';
import { formatRupiah } from '../../i18n/format.ts';
import { useLanguageStore } from '../../i18n/language-store.ts';
import { Link } from '../navigation/link.tsx';
import type { CooperativeAnswer, DeviceView } from './api-schemas.ts';
import { useAdminClient } from './client-context.ts';
import { formatBp } from './cooperative-sort.ts';
import { DevicesPanel } from './DevicesPanel.tsx';
import { EnrollmentCodePanel } from './EnrollmentCodePanel.tsx';
import { failureText } from './error-text.ts';
import { FlagsPanel } from './FlagsPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { districtMessages } from './messages.ts';
import { membersReportSchema } from './report-schemas.ts';
import { ReportsPanel } from './ReportsPanel.tsx';
import { formatAge, formatInstant, isStale } from './time-text.ts';
import { useAdminQuery } from './use-admin-query.ts';
import { memberNames } from './member-names.ts';

/** /dinas/koperasi/<id>: one cooperative's figures, enrollment codes, reports, phones, flags and import. */
export function CooperativePage({ id }: { readonly id: string }) {
  const m = districtMessages.useMessages();
  const client = useAdminClient();
  // Bumped after an import: the figures, flags and member names may all have changed.
  const [version, setVersion] = useState(0);
  const detail = useAdminQuery(() => client.cooperative(id), `${id}|${String(version)}`, { keepWhileLoading: true });
  const members = useAdminQuery(
    () => client.report(id, 'members', { asOf: todayInJakarta() }, membersReportSchema),
    `${id}|${String(version)}`,
    { keepWhileLoading: true },
  );
  const names = memberNames(members.state.status === 'loaded' ? members.state.value : null);

  const state = detail.state;
  if (state.status === 'loading') {
    return (
      <p className="loading" role="status">
        {m.loading}
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <>
        <Link to="/dinas">{m.detail.back}</Link>
        <h1 className="page__title">{state.error.code === 'cooperative-not-found' ? m.detail.notFound : m.title}</h1>
        {state.error.code === 'cooperative-not-found' ? null : (
          <>
            <p className="form-error" role="alert">
              {failureText(state.error, m)}
            </p>
            <button type="button" className="button" onClick={detail.reload}>
              {m.retry}
            </button>
          </>
        )}
      </>
    );
  }

  const answer = state.value;
  const onRevoked = (device: DeviceView) =>
    detail.replace({
      ...answer,
      devices: answer.devices.map((d) => (d.id === device.id ? device : d)),
      cooperative: { ...answer.cooperative, devices: Math.max(0, answer.cooperative.devices - 1) },
    });

  return (
    <>
      <Link to="/dinas" className="district-back">
        {m.detail.back}
      </Link>
      <h1 className="page__title">{answer.cooperative.name}</h1>
      <p className="page__intro">{m.detail.place(answer.cooperative.village, answer.cooperative.district)}</p>
      <Overview answer={answer} />
      <section className="card district-section" aria-labelledby="code-title">
        <h2 id="code-title" className="card__title">
          {m.code.title}
        </h2>
        <EnrollmentCodePanel cooperative={answer.cooperative} />
      </section>
      <ReportsPanel cooperativeId={id} fileStem={answer.cooperative.name} names={names} version={version} />
      <DevicesPanel devices={answer.devices} nowMs={Date.now()} onRevoked={onRevoked} />
      <FlagsPanel cooperativeId={id} fileStem={answer.cooperative.name} names={names} version={version} />
      <ImportPanel cooperativeId={id} onImported={() => setVersion((v) => v + 1)} />
    </>
  );
}

function Overview({ answer }: { readonly answer: CooperativeAnswer }) {
  const m = districtMessages.useMessages();
  const language = useLanguageStore((state) => state.language);
  const c = answer.cooperative;
  const f = m.detail.facts;
  const nowMs = Date.now();
  const stale = isStale(c.lastSyncAt, c.createdAt, nowMs);
  return (
    <section className="card district-section" aria-labelledby="overview-title">
      <h2 id="overview-title" className="card__title">
        {m.detail.overview}
      </h2>
      <dl className="facts" data-testid="cooperative-facts">
        <div>
          <dt>{f.lastSync}</dt>
          <dd>
            {c.lastSyncAt === null ? m.list.neverSynced : `${formatAge(c.lastSyncAt, nowMs, language)} (${formatInstant(c.lastSyncAt, language)})`}
            {stale ? <span className="district-badge district-badge--stale">{m.list.staleBadge}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{f.members}</dt>
          <dd>{c.members}</dd>
        </div>
        <div>
          <dt>{f.savings}</dt>
          <dd>
            {formatRupiah(c.totals.savings)}
            <br />
            <small>
              {f.byKind(formatRupiah(c.totals.savingsByKind.pokok), formatRupiah(c.totals.savingsByKind.wajib), formatRupiah(c.totals.savingsByKind.sukarela))}
            </small>
          </dd>
        </div>
        <div>
          <dt>{f.loans}</dt>
          <dd>
            {formatRupiah(c.totals.loansOutstanding)} <small>({f.loansCount(c.totals.loansCount)})</small>
          </dd>
        </div>
        <div>
          <dt>{f.npl}</dt>
          <dd>{formatBp(c.totals.nplBp, language)}</dd>
        </div>
        <div>
          <dt>{f.flags}</dt>
          <dd>{c.pendingFlags}</dd>
        </div>
        <div>
          <dt>{f.rejected}</dt>
          <dd>{c.rejectedEntries}</dd>
        </div>
        <div>
          <dt>{f.entries}</dt>
          <dd>{c.entries}</dd>
        </div>
        <div>
          <dt>{f.devices}</dt>
          <dd>{m.list.devicesOf(c.devices, c.devicesTotal)}</dd>
        </div>
      </dl>
      <p className="hint">{f.asOf(formatDateId(c.totals.asOf))}</p>
    </section>
  );
}

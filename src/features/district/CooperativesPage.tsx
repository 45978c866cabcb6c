import { useMemo, useState } from 'react';
import { csvBlob, downloadBlob, exportFileName, sheetFrom, toCsv, toXlsx, xlsxBlob } from '../export/index.ts';
import { todayInJakarta } from '../../domain/dates.ts';
import { Link } from '../navigation/link.tsx';
import type { CooperativesAnswer, CooperativeSummary } from './api-schemas.ts';
import { useAdminClient } from './client-context.ts';
import { cooperativeColumns } from './cooperative-export.ts';
import { sortCooperatives, type SortState } from './cooperative-sort.ts';
import { CooperativesTable } from './CooperativesTable.tsx';
import { CreateCooperativeForm } from './CreateCooperativeForm.tsx';
import { cooperativePath } from './district-route.ts';
import { EnrollmentCodePanel } from './EnrollmentCodePanel.tsx';
import { failureText } from './error-text.ts';
import { districtMessages } from './messages.ts';
import { isStale } from './time-text.ts';
import { useAdminQuery } from './use-admin-query.ts';

/** The most common district among the cooperatives, to prefill the form; empty when there are none. */
function commonDistrict(rows: readonly CooperativeSummary[]): string {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.district, (counts.get(row.district) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [district, n] of counts) {
    if (n > bestCount) {
      best = district;
      bestCount = n;
    }
  }
  return best;
}

/** /dinas: every cooperative of the district, the table's export, and creating a cooperative. */
export function CooperativesPage() {
  const m = districtMessages.useMessages();
  const client = useAdminClient();
  const query = useAdminQuery(() => client.cooperatives(), 'cooperatives');
  const [created, setCreated] = useState<CooperativeSummary | null>(null);

  const state = query.state;
  const onCreated = (cooperative: CooperativeSummary) => {
    setCreated(cooperative);
    if (state.status === 'loaded') {
      query.replace({ ...state.value, cooperatives: [...state.value.cooperatives, cooperative] });
    }
  };

  return (
    <>
      <h1 className="page__title">{m.list.title}</h1>
      <p className="page__intro">{m.list.intro}</p>
      {state.status === 'loading' ? (
        <p className="loading" role="status">
          {m.loading}
        </p>
      ) : state.status === 'failed' ? (
        <>
          <p className="form-error" role="alert">
            {failureText(state.error, m)}
          </p>
          <button type="button" className="button" onClick={query.reload}>
            {m.retry}
          </button>
        </>
      ) : (
        <CooperativesList answer={state.value} onReload={query.reload} />
      )}
      {created === null ? null : (
        <section className="card district-section" aria-labelledby="created-title">
          <h2 id="created-title" className="card__title" role="status">
            {m.create.created(created.name)}
          </h2>
          <EnrollmentCodePanel key={created.id} cooperative={created} />
          <Link to={cooperativePath(created.id)}>{m.create.open}</Link>
        </section>
      )}
      {state.status === 'loaded' ? (
        <CreateCooperativeForm onCreated={onCreated} suggestedDistrict={commonDistrict(state.value.cooperatives)} />
      ) : null}
    </>
  );
}

function CooperativesList({ answer, onReload }: { readonly answer: CooperativesAnswer; readonly onReload: () => void }) {
  const m = districtMessages.useMessages();
  const nowMs = Date.parse(answer.serverTime);
  const [sort, setSort] = useState<SortState>({ key: 'name', direction: 'ascending' });
  const rows = useMemo(() => sortCooperatives(answer.cooperatives, sort), [answer.cooperatives, sort]);
  const stale = rows.filter((row) => isStale(row.lastSyncAt, row.createdAt, nowMs)).length;

  const stem = `${m.list.exportStem}-${todayInJakarta(nowMs)}`;
  const exportCsv = () => downloadBlob(exportFileName(stem, 'csv'), csvBlob(toCsv(rows, cooperativeColumns(m, nowMs))));
  const exportXlsx = () =>
    downloadBlob(exportFileName(stem, 'xlsx'), xlsxBlob(toXlsx([sheetFrom(m.list.title, rows, cooperativeColumns(m, nowMs))])));

  if (rows.length === 0) return <p className="notice">{m.list.empty}</p>;
  return (
    <section className="district-section" aria-label={m.list.title}>
      <p data-testid="district-summary">{m.list.summary(rows.length, stale)}</p>
      <CooperativesTable rows={rows} nowMs={nowMs} sort={sort} onSort={setSort} />
      <div className="actions">
        <button type="button" className="button" onClick={exportCsv}>
          {m.list.exportCsv}
        </button>
        <button type="button" className="button" onClick={exportXlsx}>
          {m.list.exportXlsx}
        </button>
        <button type="button" className="button" onClick={onReload}>
          {m.list.refresh}
        </button>
      </div>
    </section>
  );
}

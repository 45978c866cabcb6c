import { formatRupiah } from '../../i18n/format.ts';
import { useLanguageStore } from '../../i18n/language-store.ts';
import { Link } from '../navigation/link.tsx';
import type { CooperativeSummary } from './api-schemas.ts';
import { formatBp, nextSort, type SortKey, type SortState } from './cooperative-sort.ts';
import { cooperativePath } from './district-route.ts';
import { districtMessages } from './messages.ts';
import { formatAge, formatInstant, isStale } from './time-text.ts';

type Props = {
  /** Already in the order chosen (the export writes the same order). */
  readonly rows: readonly CooperativeSummary[];
  readonly nowMs: number;
  readonly sort: SortState;
  readonly onSort: (sort: SortState) => void;
};

const NUMERIC: ReadonlySet<SortKey> = new Set(['members', 'savings', 'loans', 'npl', 'flags', 'devices']);

/**
 * Every cooperative in one sortable table. A cooperative not synced for over 30 days is marked
 * three ways, never by colour alone: a badge with words, a row style, and the age in the cell.
 */
export function CooperativesTable({ rows, nowMs, sort, onSort }: Props) {
  const m = districtMessages.useMessages();
  const language = useLanguageStore((state) => state.language);
  const c = m.list.columns;

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? sort.direction : 'none'} className={NUMERIC.has(key) ? 'amount' : undefined}>
      <button type="button" className="district-sort" title={m.list.sortHint(label)} onClick={() => onSort(nextSort(sort, key))}>
        {label}
        <span aria-hidden="true" className="district-sort__arrow">
          {sort.key === key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );

  return (
    <div className="table-scroll">
      <table className="data-table district-table">
        <caption className="visually-hidden">{m.list.caption}</caption>
        <thead>
          <tr>
            {header('name', c.name)}
            {header('village', c.village)}
            {header('members', c.members)}
            {header('lastSync', c.lastSync)}
            {header('savings', c.savings)}
            {header('loans', c.loans)}
            {header('npl', c.npl)}
            {header('flags', c.flags)}
            {header('devices', c.devices)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const stale = isStale(row.lastSyncAt, row.createdAt, nowMs);
            return (
              <tr key={row.id} className={stale ? 'district-row--stale' : undefined} data-testid="cooperative-row">
                <th scope="row">
                  <Link to={cooperativePath(row.id)}>{row.name}</Link>
                  {stale ? <span className="district-badge district-badge--stale">{m.list.staleBadge}</span> : null}
                </th>
                <td className="district-text">{row.village}</td>
                <td className="amount">{row.members}</td>
                <td className="district-text">
                  {row.lastSyncAt === null ? (
                    m.list.neverSynced
                  ) : (
                    <>
                      {formatAge(row.lastSyncAt, nowMs, language)}
                      <br />
                      <small>{formatInstant(row.lastSyncAt, language)}</small>
                    </>
                  )}
                </td>
                <td className="amount">{formatRupiah(row.totals.savings)}</td>
                <td className="amount">{formatRupiah(row.totals.loansOutstanding)}</td>
                <td className="amount">{formatBp(row.totals.nplBp, language)}</td>
                <td className="amount">{row.pendingFlags}</td>
                <td className="amount">{m.list.devicesOf(row.devices, row.devicesTotal)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

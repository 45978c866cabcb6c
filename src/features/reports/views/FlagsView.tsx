import { useLiveQuery } from 'dexie-react-hooks';
import { flagRows } from '../../../db/queries.ts';
import type { EntryType } from '../../../domain/entry/schema.ts';
import { FLAG_REASONS, type FlagReason } from '../../../domain/ledger/index.ts';
import { flaggedEntryIds, flagsReads } from '../../../domain/reports/flags.ts';
import { flagsReport, type FlagsReport } from '../../../domain/reports/index.ts';
import { flagMessages } from '../../forms/index.ts';
import { membersMessages } from '../../members/messages.ts';
import { reportsMessages } from '../messages.ts';
import { section, type ReportSection } from '../report-section.ts';
import { ReportShell } from '../ReportShell.tsx';
import { useLedgerQuery } from '../use-ledger-query.ts';
import { memberNamer } from '../member-label.ts';
import { getDb } from '../../session/index.ts';

type Messages = ReturnType<typeof reportsMessages.current>;
type Names = {
  readonly reason: (code: string) => string;
  readonly type: (type: EntryType) => string;
  readonly member: (memberId: string | null) => string;
};

const isFlagReason = (code: string): code is FlagReason => (FLAG_REASONS as readonly string[]).includes(code);

/** Catatan untuk diperiksa: each flagged entry with the reason in words, its member and the details. */
export function flagsSections(body: FlagsReport, m: Messages, names: Names): ReportSection[] {
  return [
    section(
      m.names.catatan,
      [
        { header: m.col.date, kind: 'date', value: (f) => f.date },
        { header: m.col.reason, kind: 'text', value: (f) => names.reason(f.reason) },
        { header: m.col.type, kind: 'text', value: (f) => names.type(f.type) },
        { header: m.col.member, kind: 'text', value: (f) => (f.memberId === null ? '' : names.member(f.memberId)) },
        {
          header: m.col.details,
          kind: 'text',
          value: (f) =>
            f.details === null
              ? ''
              : Object.entries(f.details)
                  .map(([key, value]) => `${key}: ${String(value)}`)
                  .join(', '),
        },
      ],
      body.flags,
    ),
  ];
}

export function FlagsView() {
  const m = reportsMessages.useMessages();
  const reasons = flagMessages.useMessages();
  const types = membersMessages.useMessages().types;
  // First the flags (few), then only their entries' index rows: not the whole entry index.
  const flagged = useLiveQuery(async () => flaggedEntryIds(await flagRows(getDb())), []);
  const sections = useLedgerQuery(
    (state) => {
      if (flagged === undefined) return undefined;
      // A flag that came in after `flagged` was read has no entry row here; the next `flagged` names it.
      const read = new Set(flagged);
      if (flaggedEntryIds(state.flags.values()).some((id) => !read.has(id))) return undefined;
      return flagsSections(flagsReport(state), m, {
        reason: (code) => (isFlagReason(code) ? reasons[code] : code),
        type: (t) => types[t],
        member: memberNamer(state, m),
      });
    },
    [m, reasons, types, flagged],
    flagged === undefined ? ['flags'] : flagsReads(flagged),
  );
  return <ReportShell title={m.names.catatan} period={null} fileStem="catatan-diperiksa" sections={sections} />;
}

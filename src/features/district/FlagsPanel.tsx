import { useAdminClient } from './client-context.ts';
import { failureText } from './error-text.ts';
import { districtMessages } from './messages.ts';
import { flagsReportSchema } from './report-schemas.ts';
import { useAdminQuery } from './use-admin-query.ts';
import { useLanguageStore } from '../../i18n/language-store.ts';
import type { MemberNames } from './member-names.ts';
import { flagSections } from './report-sections.ts';
import { ReportSections } from './ReportSections.tsx';

type Props = {
  readonly cooperativeId: string;
  readonly fileStem: string;
  readonly names: MemberNames;
  /** Changes when the cooperative's entries may have changed (after an import), to fetch again. */
  readonly version: number;
};

/** The cooperative's flags report (CONTRACT §8 `flags`): what the office should look at. */
export function FlagsPanel({ cooperativeId, fileStem, names, version }: Props) {
  const m = districtMessages.useMessages();
  const language = useLanguageStore((state) => state.language);
  const client = useAdminClient();
  const query = useAdminQuery(() => client.report(cooperativeId, 'flags', {}, flagsReportSchema), `${cooperativeId}|${String(version)}`, {
    keepWhileLoading: true,
  });
  const state = query.state;
  return (
    <section className="card district-section" aria-labelledby="flags-title">
      <h2 id="flags-title" className="card__title">
        {m.flags.title}
      </h2>
      <p className="hint">{m.flags.intro}</p>
      {state.status === 'loading' ? (
        <p className="loading" role="status">
          {m.loading}
        </p>
      ) : state.status === 'failed' ? (
        <p className="form-error" role="alert">
          {failureText(state.error, m)}
        </p>
      ) : (
        <div data-testid="flags-body">
          {state.value.flags.length === 0 ? (
            <p className="hint">{m.flags.none}</p>
          ) : (
            <ReportSections sections={flagSections(state.value, language, names)} fileStem={`${fileStem}-catatan`} />
          )}
        </div>
      )}
    </section>
  );
}

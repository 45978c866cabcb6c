import { useAdminClient } from './client-context.ts';
import { failureText } from './error-text.ts';
import { districtMessages } from './messages.ts';
import { flagsReportSchema } from './report-schemas.ts';
import { useAdminQuery } from './use-admin-query.ts';
import { FlagsView } from './views/FlagsView.tsx';
import type { MemberNames } from './views/member-names.ts';

type Props = {
  readonly cooperativeId: string;
  readonly names: MemberNames;
  /** Changes when the cooperative's entries may have changed (after an import), to fetch again. */
  readonly version: number;
};

/** The cooperative's flags report (CONTRACT §8 `flags`): what the office should look at. */
export function FlagsPanel({ cooperativeId, names, version }: Props) {
  const m = districtMessages.useMessages();
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
        <div className="table-scroll">
          <FlagsView body={state.value} names={names} />
        </div>
      )}
    </section>
  );
}

import { useState, type SyntheticEvent } from 'react';
import type { AdminFailure } from './admin-client.ts';
import type { CooperativeSummary } from './api-schemas.ts';
import { useAdminSession } from './admin-session.ts';
import { useAdminClient } from './client-context.ts';
import { failureText } from './error-text.ts';
import { districtMessages, type DistrictMessages } from './messages.ts';
import { nameProblem, NAME_MAX, type NameProblem } from './name-input.ts';
import { TextField } from './TextField.tsx';

type Field = 'name' | 'village' | 'district';
const FIELDS: readonly Field[] = ['name', 'village', 'district'];
const EMPTY: Record<Field, string> = { name: '', village: '', district: '' };

function problemText(problem: NameProblem | null, m: DistrictMessages): string | null {
  switch (problem) {
    case null:
      return null;
    case 'required':
      return m.create.required;
    case 'tooLong':
      return m.create.tooLong;
    case 'badCharacters':
      return m.create.badCharacters;
  }
}

type Props = {
  readonly onCreated: (cooperative: CooperativeSummary) => void;
  /** The district most cooperatives already have: the office creates within its own district. */
  readonly suggestedDistrict: string;
};

/** Name, village and district, each checked as typed with the server's own rule; saved once valid. */
export function CreateCooperativeForm({ onCreated, suggestedDistrict }: Props) {
  const m = districtMessages.useMessages();
  const client = useAdminClient();
  const { signOut } = useAdminSession();
  const [values, setValues] = useState<Record<Field, string>>({ ...EMPTY, district: suggestedDistrict });
  const [touched, setTouched] = useState<Record<Field, boolean>>({ name: false, village: false, district: false });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AdminFailure | null>(null);

  const problems = { name: nameProblem(values.name), village: nameProblem(values.village), district: nameProblem(values.district) };
  const valid = FIELDS.every((field) => problems[field] === null);
  const labels: Record<Field, string> = { name: m.create.name, village: m.create.village, district: m.create.district };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setTouched({ name: true, village: true, district: true });
    if (!valid || busy) return;
    setBusy(true);
    setFailure(null);
    const result = await client.createCooperative({
      name: values.name.trim(),
      village: values.village.trim(),
      district: values.district.trim(),
    });
    setBusy(false);
    if (result.ok) {
      setValues({ ...EMPTY, district: values.district.trim() });
      setTouched({ name: false, village: false, district: false });
      onCreated(result.value);
    } else if (result.error.code === 'admin-unauthorized') signOut('expired');
    else setFailure(result.error);
  };

  return (
    <form className="card" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="create-cooperative-title">
      <h2 id="create-cooperative-title" className="card__title">
        {m.create.title}
      </h2>
      <p className="hint">{m.create.intro}</p>
      {FIELDS.map((field) => (
        <TextField
          key={field}
          label={labels[field]}
          value={values[field]}
          maxLength={NAME_MAX + 20}
          required
          onChange={(value) => {
            setValues((v) => ({ ...v, [field]: value }));
            setTouched((t) => ({ ...t, [field]: true }));
          }}
          error={touched[field] ? problemText(problems[field], m) : null}
        />
      ))}
      {failure === null ? null : (
        <p className="form-error" role="alert">
          {failureText(failure, m)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={!valid || busy}>
          {busy ? m.create.submitting : m.create.submit}
        </button>
      </div>
    </form>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useLanguageStore } from '../../i18n/language-store.ts';
import type { AdminFailure } from './admin-client.ts';
import type { EnrollmentCode } from './api-schemas.ts';
import { useAdminSession } from './admin-session.ts';
import { useAdminClient } from './client-context.ts';
import { failureText } from './error-text.ts';
import { districtMessages } from './messages.ts';
import { formatInstant } from './time-text.ts';

type Props = {
  readonly cooperative: { readonly id: string; readonly name: string; readonly village: string };
};

/**
 * Makes an enrollment code for the cooperative's treasurer and shows it as a slip: the code big
 * (grouped ABCD-EFGH-JKLM, in a font where 0/O and 1/I differ, and the alphabet has none of them),
 * its expiry, "berlaku 7 hari, sekali pakai", and the steps on the phone. The slip prints alone
 * (district.css), to hand over or send as a photo.
 */
export function EnrollmentCodePanel({ cooperative }: Props) {
  const m = districtMessages.useMessages();
  const language = useLanguageStore((state) => state.language);
  const client = useAdminClient();
  const { signOut } = useAdminSession();
  const [code, setCode] = useState<EnrollmentCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const slipRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (code !== null) slipRef.current?.focus();
  }, [code]);

  const create = async () => {
    setBusy(true);
    setFailure(null);
    const result = await client.createEnrollmentCode(cooperative.id);
    setBusy(false);
    if (result.ok) setCode(result.value);
    else if (result.error.code === 'admin-unauthorized') signOut('expired');
    else setFailure(result.error);
  };

  const server = window.location.origin;
  return (
    <div className="district-code">
      {code === null ? null : (
        <div className="district-slip" ref={slipRef} tabIndex={-1} aria-labelledby={`slip-${code.cooperativeId}`}>
          <h3 id={`slip-${code.cooperativeId}`} className="district-slip__title">
            {m.code.title}
          </h3>
          <p>{m.code.forCooperative(cooperative.name, cooperative.village)}</p>
          <p className="district-slip__code" data-testid="enrollment-code">
            {code.code}
          </p>
          <p className="district-slip__validity">
            <strong>{m.code.validity}</strong>
            <br />
            {m.code.expires(formatInstant(code.expiresAt, language))}
          </p>
          <h4>{m.code.stepsTitle}</h4>
          <ol className="plain-list">
            <li>{m.code.steps.s1}</li>
            <li>{m.code.steps.s2}</li>
            <li>{m.code.steps.s3(server)}</li>
            <li>{m.code.steps.s4}</li>
          </ol>
        </div>
      )}
      {failure === null ? null : (
        <p className="form-error" role="alert">
          {failureText(failure, m)}
        </p>
      )}
      <div className="actions">
        <button type="button" className={code === null ? 'button button--primary' : 'button'} disabled={busy} onClick={() => void create()}>
          {busy ? m.code.creating : code === null ? m.code.create : m.code.createAnother}
        </button>
        {code === null ? null : (
          <button type="button" className="button" onClick={() => window.print()}>
            {m.code.print}
          </button>
        )}
      </div>
      <p className="hint">{m.code.explain}</p>
    </div>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import type { SavedEntry } from '../../db/append-entry.ts';
import { memberByNumber } from '../../db/queries.ts';
import type { StorageErrorCode } from '../../db/storage-errors.ts';
import type { Via } from '../../domain/entry/schema.ts';
import { newEntryId, newMemberId, type EntryId, type MemberId } from '../../domain/ids.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { ConfirmDialog, DateField, FormError, useDateInput, ViaPicker, saveDraft } from '../forms/index.ts';
import { Link } from '../navigation/link.tsx';
import { savingsAmounts } from '../savings/amounts.ts';
import { getDb, useCanWrite, useCooperative, useCurrentUser } from '../session/index.ts';
import { checkProfile, EMPTY_PROFILE, type ProfileText } from './member-fields.ts';
import { membersMessages } from './messages.ts';
import { TextField } from './TextField.tsx';

type Ids = { memberId: MemberId; join: EntryId; pokok: EntryId };
const freshIds = (): Ids => ({ memberId: newMemberId(), join: newEntryId(), pokok: newEntryId() });

type Outcome =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'failed'; error: StorageErrorCode }
  | { status: 'saved'; memberId: MemberId; name: string; pokok: SavedEntry | undefined };

/**
 * A new member: `member.joined`, and — ticked by default, as most cooperatives collect it at the
 * door — the simpanan pokok as its own `savings.deposited` with a receipt. The ids of both entries
 * are made once per form, so a second tap or a retry after a failure records neither twice.
 */
export function AddMember() {
  const m = membersMessages.useMessages();
  const user = useCurrentUser();
  const canWrite = useCanWrite();
  const cooperative = useCooperative();
  const amounts = savingsAmounts(cooperative?.settings);
  const [profile, setProfile] = useState<ProfileText>(EMPTY_PROFILE);
  const [touched, setTouched] = useState<Partial<Record<keyof ProfileText, boolean>>>({});
  const joinedOn = useDateInput();
  const [payPokok, setPayPokok] = useState(true);
  const [via, setVia] = useState<Via>('cash');
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });
  const ids = useRef<Ids>(freshIds());

  const check = checkProfile(profile);
  const number = profile.number.trim();
  const holder = useLiveQuery(
    () => (number === '' ? Promise.resolve(undefined) : memberByNumber(getDb(), number)),
    [number],
  );
  const taken = holder !== undefined && holder.memberId !== ids.current.memberId ? holder : undefined;
  // Wait for the settings before saving: the pokok amount comes from them.
  const valid = check.clean !== undefined && joinedOn.date !== undefined && cooperative !== undefined;

  if (!canWrite) return <p className="notice">{m.readOnly}</p>;

  const set = (field: keyof ProfileText) => (value: string) => {
    setProfile((p) => ({ ...p, [field]: value }));
    setTouched((t) => ({ ...t, [field]: true }));
  };
  const blur = (field: keyof ProfileText) => () => setTouched((t) => ({ ...t, [field]: true }));
  const errorOf = (field: keyof ProfileText): string | undefined => {
    const code = check.errors[field];
    if (code !== undefined) return m.form[code];
    if (field === 'number' && taken !== undefined) return m.form.numberTaken(taken.profile?.name ?? '—');
    return undefined;
  };

  async function record() {
    const clean = check.clean;
    const date = joinedOn.date;
    if (clean === undefined || date === undefined || outcome.status === 'saving') return;
    setConfirming(false);
    setOutcome({ status: 'saving' });
    const db = getDb();
    const { memberId } = ids.current;
    const joined = await saveDraft(
      db,
      { type: 'member.joined', date, data: { memberId, ...clean, joinedOn: date } },
      user.name,
      ids.current.join,
    );
    if (!joined.ok) {
      setOutcome({ status: 'failed', error: joined.error });
      return;
    }
    let pokok: SavedEntry | undefined;
    if (payPokok) {
      const deposit = await saveDraft(
        db,
        { type: 'savings.deposited', date, data: { memberId, kind: 'pokok', amount: amounts.pokok, via } },
        user.name,
        ids.current.pokok,
        { receipt: true },
      );
      if (!deposit.ok) {
        setOutcome({ status: 'failed', error: deposit.error });
        return;
      }
      pokok = deposit.value;
    }
    setOutcome({ status: 'saved', memberId, name: clean.name, pokok });
  }

  function startOver() {
    ids.current = freshIds();
    setProfile(EMPTY_PROFILE);
    setTouched({});
    setOutcome({ status: 'idle' });
  }

  if (outcome.status === 'saved') {
    return (
      <article className="page">
        <h1 className="page__title">{m.form.addTitle}</h1>
        <p className="save-status save-status--saved" role="status">
          <strong>{m.form.saved(outcome.name)}</strong>
          {outcome.pokok === undefined ? null : ` ${m.form.pokokSaved}`}
        </p>
        <p className="actions">
          <Link to={`/anggota/${outcome.memberId}`} className="button button--primary">
            {m.form.openBook}
          </Link>
          {outcome.pokok === undefined ? null : (
            <Link to={`/kuitansi/${outcome.pokok.entry.id}`} className="button">
              {m.form.receipt}
            </Link>
          )}
          <button type="button" className="button" onClick={startOver}>
            {m.form.addAnother}
          </button>
        </p>
      </article>
    );
  }

  return (
    <article className="page">
      <h1 className="page__title">{m.form.addTitle}</h1>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched({ number: true, name: true, nik: true, phone: true, address: true });
          if (!valid) return;
          if (taken !== undefined) setConfirming(true);
          else void record();
        }}
      >
        <TextField label={m.form.number} value={profile.number} onChange={set('number')} onBlur={blur('number')} touched={touched.number === true || taken !== undefined} error={errorOf('number')} />
        <TextField label={m.form.name} value={profile.name} onChange={set('name')} onBlur={blur('name')} touched={touched.name === true} error={errorOf('name')} autoComplete="name" />
        <TextField label={m.form.nik} value={profile.nik} onChange={set('nik')} onBlur={blur('nik')} touched={touched.nik === true} error={errorOf('nik')} inputMode="numeric" />
        <TextField label={m.form.phone} value={profile.phone} onChange={set('phone')} onBlur={blur('phone')} touched={touched.phone === true} error={errorOf('phone')} type="tel" inputMode="tel" />
        <TextField label={m.form.address} value={profile.address} onChange={set('address')} onBlur={blur('address')} touched={touched.address === true} error={errorOf('address')} />
        <DateField label={m.form.joinedOn} input={joinedOn} />
        <label className="check-row">
          <input type="checkbox" checked={payPokok} onChange={(event) => setPayPokok(event.target.checked)} />
          <span>{m.form.payPokok(formatRupiah(amounts.pokok))}</span>
        </label>
        {payPokok ? <ViaPicker value={via} onChange={setVia} /> : null}
        {outcome.status === 'failed' ? <FormError code={outcome.error} /> : null}
        <p className="actions">
          <button type="submit" className="button button--primary" disabled={!valid || outcome.status === 'saving'}>
            {m.form.save}
          </button>
        </p>
      </form>
      <ConfirmDialog
        open={confirming}
        title={m.form.duplicateTitle}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void record()}
      >
        <p>{m.form.duplicateBody(number, taken?.profile?.name ?? '—')}</p>
      </ConfirmDialog>
    </article>
  );
}

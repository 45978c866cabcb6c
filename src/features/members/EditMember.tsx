import { useEffect, useState } from 'react';
import { readPullCursor } from '../../db/meta.ts';
import type { EntryData } from '../../domain/entry/schema.ts';
import { positionOnly, type MemberRow } from '../../domain/ledger/index.ts';
import type { MemberId } from '../../domain/ids.ts';
import { SaveFeedback, useSaveEntry } from '../forms/index.ts';
import { todayInJakarta } from '../../domain/dates.ts';
import { Link } from '../navigation/link.tsx';
import { getDb, useCanWrite } from '../session/index.ts';
import { checkProfile, type ProfileText } from './member-fields.ts';
import { membersMessages } from './messages.ts';
import { TextField } from './TextField.tsx';

type Changes = EntryData<'member.updated'>['changes'];

const textOf = (member: MemberRow): ProfileText => ({
  number: member.profile?.number ?? '',
  name: member.profile?.name ?? '',
  nik: member.profile?.nik ?? '',
  phone: member.profile?.phone ?? '',
  address: member.profile?.address ?? '',
});

/**
 * Only the fields that differ go into `member.updated`: two phones editing different fields of the
 * same member then merge cleanly. A field emptied here is left as it was: the contract's changes
 * can set a value, not remove one. The member number is fixed at joining.
 */
function diff(before: MemberRow, clean: NonNullable<ReturnType<typeof checkProfile>['clean']>): Changes {
  const p = before.profile;
  const changes: Changes = {};
  if (clean.name !== p?.name) changes.name = clean.name;
  if (clean.nik !== undefined && clean.nik !== p?.nik) changes.nik = clean.nik;
  if (clean.phone !== undefined && clean.phone !== p?.phone) changes.phone = clean.phone;
  if (clean.address !== undefined && clean.address !== p?.address) changes.address = clean.address;
  return changes;
}

/** Edit a member's profile; `seenCursor` is the phone's pull cursor so the ledger can spot conflicts. */
export function EditMember({ member }: { readonly member: MemberRow }) {
  const m = membersMessages.useMessages();
  const canWrite = useCanWrite();
  const { state, save, reset } = useSaveEntry();
  const [profile, setProfile] = useState<ProfileText>(() => textOf(member));
  const [touched, setTouched] = useState<Partial<Record<keyof ProfileText, boolean>>>({});
  const memberId = member.memberId as MemberId;

  useEffect(() => {
    reset();
  }, [memberId, reset]);

  if (!canWrite) return <p className="notice">{m.readOnly}</p>;

  const check = checkProfile(profile);
  const changes = check.clean === undefined ? {} : diff(member, check.clean);
  const changed = Object.keys(changes).length > 0;
  const set = (field: keyof ProfileText) => (value: string) => {
    setProfile((p) => ({ ...p, [field]: value }));
    setTouched((t) => ({ ...t, [field]: true }));
    if (state.status !== 'idle' && state.status !== 'saving') reset();
  };
  const blur = (field: keyof ProfileText) => () => setTouched((t) => ({ ...t, [field]: true }));
  const errorOf = (field: keyof ProfileText) => {
    const code = check.errors[field];
    return code === undefined ? undefined : m.form[code];
  };

  return (
    <article className="page">
      <h1 className="page__title">{m.form.editTitle}</h1>
      <p>
        <span className="member-picker__number">{member.profile?.number}</span>
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!changed || check.clean === undefined) return;
          void (async () => {
            // The position alone: all a seenCursor needs, and what every app version can read.
            const seenCursor = positionOnly((await readPullCursor(getDb())) ?? '');
            await save({ type: 'member.updated', date: todayInJakarta(), data: { memberId, changes, seenCursor } });
          })();
        }}
      >
        <TextField label={m.form.name} value={profile.name} onChange={set('name')} onBlur={blur('name')} touched={touched.name === true} error={errorOf('name')} />
        <TextField label={m.form.nik} value={profile.nik} onChange={set('nik')} onBlur={blur('nik')} touched={touched.nik === true} error={errorOf('nik')} inputMode="numeric" />
        <TextField label={m.form.phone} value={profile.phone} onChange={set('phone')} onBlur={blur('phone')} touched={touched.phone === true} error={errorOf('phone')} type="tel" inputMode="tel" />
        <TextField label={m.form.address} value={profile.address} onChange={set('address')} onBlur={blur('address')} touched={touched.address === true} error={errorOf('address')} />
        {!changed && state.status === 'idle' ? <p className="hint">{m.form.nothingChanged}</p> : null}
        <SaveFeedback state={state} />
        <p className="actions">
          <button type="submit" className="button button--primary" disabled={!changed || check.clean === undefined || state.status === 'saving' || state.status === 'saved'}>
            {m.form.saveEdit}
          </button>
          <Link to={`/anggota/${memberId}`} className="button">
            {m.book.title}
          </Link>
        </p>
      </form>
    </article>
  );
}

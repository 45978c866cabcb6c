import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useId, useState } from 'react';
import { searchMembers } from '../../db/queries.ts';
import type { MemberRow } from '../../domain/ledger/index.ts';
import { getDb } from '../session/index.ts';
import { formsMessages } from './messages.ts';

/** How many matches a picker shows: enough to choose from on a phone, never a list of 5 000. */
export const PICKER_LIMIT = 8;

type Props = {
  readonly label?: string;
  readonly value: MemberRow | undefined;
  readonly onChange: (member: MemberRow | undefined) => void;
  readonly disabled?: boolean;
};

/**
 * Choose a member by typing part of a name or number. Each keystroke is one prefix range on the
 * projection indexes (db/queries.ts `searchMembers`), bounded to PICKER_LIMIT rows.
 */
export function MemberPicker({ label, value, onChange, disabled = false }: Props) {
  const m = formsMessages.useMessages();
  const id = useId();
  const [text, setText] = useState('');
  const query = useDeferredValue(text);
  const results = useLiveQuery(
    () => (query.trim() === '' ? Promise.resolve([]) : searchMembers(getDb(), query, PICKER_LIMIT + 1)),
    [query],
  );

  if (value?.profile != null) {
    return (
      <div className="field member-picker">
        <p className="field__label" id={`${id}-chosen`}>
          {label ?? m.member.chosen}
        </p>
        <p className="member-picker__chosen" aria-labelledby={`${id}-chosen`}>
          <span className="member-picker__number">{value.profile.number}</span> {value.profile.name}
          {value.status === 'left' ? <span className="status-tag status-tag--left">{m.member.left}</span> : null}
        </p>
        <button type="button" className="button" disabled={disabled} onClick={() => onChange(undefined)}>
          {m.member.change}
        </button>
      </div>
    );
  }

  const shown = (results ?? []).slice(0, PICKER_LIMIT);
  return (
    <div className="field member-picker">
      <label className="field__label" htmlFor={id}>
        {label ?? m.member.searchLabel}
      </label>
      <input
        id={id}
        className="field__input"
        type="search"
        autoComplete="off"
        value={text}
        disabled={disabled}
        aria-controls={`${id}-list`}
        onChange={(event) => setText(event.target.value)}
      />
      {query.trim() === '' ? null : results === undefined ? (
        <p className="hint">{m.member.searching}</p>
      ) : shown.length === 0 ? (
        <p className="hint" role="status">
          {m.member.none}
        </p>
      ) : (
        <ul id={`${id}-list`} className="member-picker__list">
          {shown.map((member) => (
            <li key={member.memberId}>
              <button
                type="button"
                className="member-picker__option"
                disabled={disabled}
                onClick={() => {
                  onChange(member);
                  setText('');
                }}
              >
                <span className="member-picker__number">{member.profile?.number ?? '—'}</span>
                <span>{member.profile?.name ?? m.member.unknown}</span>
                {member.status === 'left' ? <span className="status-tag status-tag--left">{m.member.left}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
      {results !== undefined && results.length > PICKER_LIMIT ? <p className="hint">{m.member.more(PICKER_LIMIT)}</p> : null}
    </div>
  );
}

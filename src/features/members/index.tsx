import { useLiveQuery } from 'dexie-react-hooks';
import { memberById } from '../../db/queries.ts';
import { usePathname } from '../navigation/location.ts';
import { getDb } from '../session/index.ts';
import { AddMember } from './AddMember.tsx';
import { EditMember } from './EditMember.tsx';
import { LeaveMember } from './LeaveMember.tsx';
import { MemberBook } from './MemberBook.tsx';
import { MemberList } from './MemberList.tsx';
import { membersMessages } from './messages.ts';

/** What the path under /anggota names: the list, a new member, or one member's book/edit/leave. */
export type MembersRoute =
  | { page: 'list' }
  | { page: 'add' }
  | { page: 'book' | 'edit' | 'leave'; memberId: string }
  | { page: 'unknown' };

export function parseMembersPath(pathname: string): MembersRoute {
  const parts = pathname.replace(/\/+$/, '').split('/').filter((p) => p !== '');
  if (parts[0] !== 'anggota') return { page: 'unknown' };
  const [, id, action] = parts;
  if (id === undefined) return { page: 'list' };
  if (id === 'baru' && action === undefined) return { page: 'add' };
  if (action === undefined) return { page: 'book', memberId: id };
  if (action === 'ubah') return { page: 'edit', memberId: id };
  if (action === 'keluar') return { page: 'leave', memberId: id };
  return { page: 'unknown' };
}

export default function MembersPage() {
  const route = parseMembersPath(usePathname());
  switch (route.page) {
    case 'list':
      return <MemberList />;
    case 'add':
      return <AddMember />;
    case 'book':
    case 'edit':
    case 'leave':
      return <OneMember page={route.page} memberId={route.memberId} />;
    case 'unknown':
      return <NotFound />;
  }
}

function OneMember({ page, memberId }: { readonly page: 'book' | 'edit' | 'leave'; readonly memberId: string }) {
  // `null` = looked and not found; `undefined` = still loading.
  const member = useLiveQuery(async () => (await memberById(getDb(), memberId)) ?? null, [memberId]);
  if (member === undefined) return null;
  if (member === null) return <NotFound />;
  switch (page) {
    case 'book':
      return <MemberBook member={member} />;
    case 'edit':
      return <EditMember member={member} />;
    case 'leave':
      return <LeaveMember member={member} />;
  }
}

function NotFound() {
  const m = membersMessages.useMessages();
  return (
    <article className="page">
      <h1 className="page__title">{m.book.title}</h1>
      <p className="notice">{m.book.notFound}</p>
    </article>
  );
}

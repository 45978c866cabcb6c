import { usePathname } from '../navigation/location.ts';
import { EntryDetail } from './EntryDetail.tsx';
import { RecentEntries } from './RecentEntries.tsx';

/** `/koreksi` (recent entries) and `/entri/<entryId>` (one entry, with "Batalkan entri ini"). */
export default function CorrectionsPage() {
  const match = /^\/entri\/([^/]+)\/?$/.exec(usePathname());
  const entryId = match?.[1];
  return entryId === undefined ? <RecentEntries /> : <EntryDetail key={entryId} entryId={decodeURIComponent(entryId)} />;
}

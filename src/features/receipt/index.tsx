import { usePathname } from '../navigation/location.ts';
import { receiptMessages } from './messages.ts';
import { ReceiptView } from './ReceiptView.tsx';

/** `/kuitansi/<entryId>`: the receipt of one money entry. */
export function receiptEntryId(pathname: string): string | null {
  const match = /^\/kuitansi\/([^/]+)\/?$/.exec(pathname);
  return match?.[1] === undefined ? null : decodeURIComponent(match[1]);
}

export default function ReceiptPage() {
  const m = receiptMessages.useMessages();
  const entryId = receiptEntryId(usePathname());
  if (entryId === null) {
    return (
      <article className="page">
        <h1 className="page__title">{m.title}</h1>
        <p className="notice">{m.notFound}</p>
      </article>
    );
  }
  return <ReceiptView entryId={entryId} />;
}

export { ReceiptView } from './ReceiptView.tsx';
export { receiptContent, type ReceiptContent } from './receipt-content.ts';
export { whatsAppReceiptLink } from './receipt-text.ts';

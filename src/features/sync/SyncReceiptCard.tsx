import { useLiveQuery } from 'dexie-react-hooks';
import type { Cooperative } from '../session/cooperative.ts';
import { getDb } from '../session/database.ts';
import { formatInstantWib } from './instant-text.ts';
import { syncMessages } from './messages.ts';
import { readReceipt } from './sync-queries.ts';

/**
 * "Tanda terima sinkronisasi": proof, printable, of what the district server confirmed at the last
 * sync — the treasurer keeps it (or a photo of it) with the cash book. The chain head hash is
 * printed in full so the office can compare it with the server's record of this device.
 */
export function SyncReceiptCard({ cooperative }: { readonly cooperative: Cooperative }) {
  const m = syncMessages.useMessages();
  const receipt = useLiveQuery(() => readReceipt(getDb()), []);
  const r = m.receipt;

  return (
    <section className="card sync-receipt" aria-labelledby="sync-receipt-heading" data-testid="sync-receipt">
      <h2 id="sync-receipt-heading" className="card__title">
        {m.receiptTitle}
      </h2>
      {receipt === undefined ? (
        <p>{m.receiptNone}</p>
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>{r.cooperative}</dt>
              <dd>
                {cooperative.name ?? r.none}
                <br />
                <code>{cooperative.cooperativeId}</code>
              </dd>
            </div>
            <div>
              <dt>{r.finishedAt}</dt>
              <dd>{formatInstantWib(receipt.finishedAt)}</dd>
            </div>
            <div>
              <dt>{r.confirmed}</dt>
              <dd data-testid="receipt-acked">{receipt.acked}</dd>
            </div>
            <div>
              <dt>{r.pulled}</dt>
              <dd>{receipt.pulled}</dd>
            </div>
            {receipt.rejected > 0 ? (
              <div>
                <dt>{r.rejected}</dt>
                <dd>{receipt.rejected}</dd>
              </div>
            ) : null}
            <div>
              <dt>{r.lastServerSeq}</dt>
              <dd data-testid="receipt-server-seq">{receipt.lastServerSeq ?? r.none}</dd>
            </div>
            <div>
              <dt>{r.chainHead}</dt>
              <dd>
                {receipt.chainHead === null ? (
                  r.none
                ) : (
                  <>
                    <strong data-testid="receipt-hash-short">{receipt.chainHead.hash.slice(0, 12)}</strong> ({r.chainSeq(receipt.chainHead.seq)})
                    <br />
                    <code className="hash-full" data-testid="receipt-hash-full">
                      {receipt.chainHead.hash}
                    </code>
                  </>
                )}
              </dd>
            </div>
            <div>
              <dt>{r.device}</dt>
              <dd>
                <code>{cooperative.deviceId}</code>
              </dd>
            </div>
          </dl>
          <button type="button" className="button" onClick={() => window.print()}>
            {m.print}
          </button>
        </>
      )}
    </section>
  );
}

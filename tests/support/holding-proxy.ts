// A plain HTTP relay on 127.0.0.1 in front of the district server, for the kill tests. The phone's
// page is loaded through it, so the phone's origin (and with it its IndexedDB) stays the same when
// the server behind is restarted on another port. Two test levers:
// - `holdNextPush()`: the next POST …/sync/push is forwarded, the server's complete answer is read
//   (so the server has committed), and the phone never gets it — "after send, before the ack";
// - `holdNextPush({ failFirst })`: the same, after `failFirst` pushes were forwarded, committed by
//   the server and answered to the phone with a proxy's 502 page — a kill during a retried push;
// - `refusePushes(true)`: pushes are answered 503 at once and never reach the server (the link to
//   the server is down while the phone goes on saving), until `refusePushes(false)`;
// - `pushAnswers`: every push answer's body that reached the phone, to see `duplicate` come back.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type HoldingProxy = {
  readonly url: string;
  /** Where requests go from now on (`http://127.0.0.1:<port>`). */
  setUpstream(url: string): void;
  /**
   * Resolves once a push has been answered by the server and withheld from the phone: the next
   * one, or the one after `failFirst` pushes that the server committed and the phone saw fail.
   */
  holdNextPush(options?: { readonly failFirst?: number }): Promise<void>;
  refusePushes(refuse: boolean): void;
  /** Pushes the server answered and the phone was told failed (502), for `failFirst`. */
  readonly failedPushes: () => number;
  readonly pushAnswers: string[];
  close(): Promise<void>;
};

export async function startHoldingProxy(upstream: string): Promise<HoldingProxy> {
  let target = new URL(upstream);
  let hold: (() => void) | null = null;
  let failBeforeHold = 0;
  let failed = 0;
  let refusing = false;
  const pushAnswers: string[] = [];
  const held: ServerResponse[] = [];

  const relay = (req: IncomingMessage, res: ServerResponse) => {
    const isPush = req.method === 'POST' && (req.url ?? '').includes('/sync/push');
    if (isPush && refusing) {
      req.resume();
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<h1>503 Service Unavailable</h1>');
      return;
    }
    const upstreamReq = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: pushHeaders(req, isPush, target.host) },
      (upstreamRes) => {
        if (!isPush) {
          res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
          upstreamRes.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        upstreamRes.on('data', (chunk: Buffer) => chunks.push(chunk));
        upstreamRes.on('end', () => {
          const body = Buffer.concat(chunks);
          if (hold !== null && failBeforeHold > 0) {
            // The server committed; the phone sees what a broken gateway sends and must retry.
            failBeforeHold--;
            failed++;
            res.writeHead(502, { 'content-type': 'text/html' });
            res.end('<h1>502 Bad Gateway</h1>');
            return;
          }
          if (hold !== null) {
            const release = hold;
            hold = null;
            held.push(res);
            release();
            return;
          }
          // Push answers are small JSON (gzip only on request bodies), kept for assertions.
          pushAnswers.push(body.toString('utf8'));
          res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
          res.end(body);
        });
      },
    );
    upstreamReq.on('error', () => res.destroy());
    req.pipe(upstreamReq);
  };

  const server: Server = createServer(relay);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    setUpstream: (url) => {
      target = new URL(url);
    },
    holdNextPush: (options = {}) =>
      new Promise<void>((resolve) => {
        failBeforeHold = options.failFirst ?? 0;
        hold = resolve;
      }),
    refusePushes: (refuse) => {
      refusing = refuse;
    },
    failedPushes: () => failed,
    pushAnswers,
    close: async () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A push's answer is read as text here, so it is asked for uncompressed. */
function pushHeaders(req: IncomingMessage, isPush: boolean, host: string): IncomingMessage['headers'] {
  const headers = { ...req.headers, host };
  if (isPush) delete headers['accept-encoding'];
  return headers;
}

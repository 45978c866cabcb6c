// A plain HTTP relay on 127.0.0.1 in front of the district server, for the kill tests. The phone's
// page is loaded through it, so the phone's origin (and with it its IndexedDB) stays the same when
// the server behind is restarted on another port. Two test levers:
// - `holdNextPush()`: the next POST …/sync/push is forwarded, the server's complete answer is read
//   (so the server has committed), and the phone never gets it — "after send, before the ack";
// - `pushAnswers`: every push answer's body that reached the phone, to see `duplicate` come back.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type HoldingProxy = {
  readonly url: string;
  /** Where requests go from now on (`http://127.0.0.1:<port>`). */
  setUpstream(url: string): void;
  /** Resolves once the next push has been answered by the server and withheld from the phone. */
  holdNextPush(): Promise<void>;
  readonly pushAnswers: string[];
  close(): Promise<void>;
};

export async function startHoldingProxy(upstream: string): Promise<HoldingProxy> {
  let target = new URL(upstream);
  let hold: (() => void) | null = null;
  const pushAnswers: string[] = [];
  const held: ServerResponse[] = [];

  const relay = (req: IncomingMessage, res: ServerResponse) => {
    const isPush = req.method === 'POST' && (req.url ?? '').includes('/sync/push');
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
    holdNextPush: () =>
      new Promise<void>((resolve) => {
        hold = resolve;
      }),
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

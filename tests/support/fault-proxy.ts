/**
 * A seeded HTTP fault proxy on node:http, listening on 127.0.0.1 only, between a phone's sync
 * engine and the real district server (research/reliability.md §4.3: Toxiproxy is not available
 * here, and an HTTP-level proxy is deterministic). Per request, the proxy's own PRNG picks one
 * fault from the enabled set; every decision is logged with its request number, so a run with the
 * same seed and the same request sequence takes exactly the same decisions.
 *
 * What each fault does to the exchange (and what the client can know afterwards):
 * - `pass`           forward, answer as the server answered;
 * - `delay`          wait a few ms, then pass;
 * - `drop_request`   reset the client's connection; the server never sees the request;
 * - `drop_response`  forward, wait for the server's complete answer (so it has committed), then
 *                    reset the client's connection: the client cannot know it was stored;
 * - `duplicate`      forward the same bytes twice, one after the other; the client gets the first
 *                    or the second answer (a replayed counter: the server's 401 stale-counter);
 * - `reorder`        hold this request, reset the client's connection, and deliver the held copy
 *                    to the server late: just before or just after the next request on this link
 *                    (seeded; one after the other, so a replay takes the same path); the held
 *                    copy's answer goes nowhere;
 * - `truncate`       either half the request body reaches the server before a reset, or the full
 *                    exchange happens and the client gets half the answer's body before a reset;
 * - `http_502`       a gateway error page instead of an answer, with or without the server having
 *                    processed the request first;
 * - `captive_portal` 200 text/html login page: a hotspot answering in the server's place;
 * - `slow_drip`      forward, then send the answer in small chunks with pauses.
 *
 * `offline` is not a fault of the exchange but of the link: while set, every connection is reset.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SeededRandom } from '../../src/domain/demo/prng.ts';

export const FAULT_KINDS = [
  'pass',
  'delay',
  'drop_request',
  'drop_response',
  'duplicate',
  'reorder',
  'truncate',
  'http_502',
  'captive_portal',
  'slow_drip',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Every fault but `pass`: what a run may switch on (swarm testing picks a subset per run). */
export const INJECTED_FAULTS: readonly Exclude<FaultKind, 'pass'>[] = FAULT_KINDS.filter(
  (k): k is Exclude<FaultKind, 'pass'> => k !== 'pass',
);

export type FaultPolicy = {
  /** Probability that a request gets a fault at all (0 = a clean link). */
  readonly faultRate: number;
  /** The faults this link may inject, picked uniformly when one is due. */
  readonly enabled: readonly Exclude<FaultKind, 'pass'>[];
};

export const CLEAN_LINK: FaultPolicy = { faultRate: 0, enabled: [] };

export type FaultDecision = {
  /** 1, 2, 3 … per proxy. */
  readonly n: number;
  readonly method: string;
  readonly path: string;
  readonly fault: FaultKind | 'offline';
  /** What a two-way fault chose (which answer, which side), for the log. */
  readonly detail?: string;
};

export type FaultProxy = {
  /** `http://127.0.0.1:<port>`, what the phone uses as its server URL. */
  readonly url: string;
  /** Points the proxy at another server address (after a server restart on a new port). */
  setUpstream(url: string): void;
  setPolicy(policy: FaultPolicy): void;
  /** No connection gets through while offline (a phone without signal). */
  setOffline(offline: boolean): void;
  readonly decisions: readonly FaultDecision[];
  /** How many of each fault were injected (`pass` included). */
  counts(): Record<FaultKind | 'offline', number>;
  /** Waits for held (reordered) requests still on their way; call before looking at the server. */
  settle(): Promise<void>;
  close(): Promise<void>;
};

type Exchange = { status: number; headers: IncomingHttpHeaders; body: Buffer };

const DRIP_CHUNK = 256;
const DRIP_PAUSE_MS = 2;
const MAX_DELAY_MS = 15;
/** Hop-by-hop headers a proxy must not copy (RFC 9110 §7.6.1), plus the length we recompute. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-connection', 'content-length']);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function copyHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined || HOP_HEADERS.has(key)) continue;
    out[key] = value;
  }
  return out;
}

const CAPTIVE_PAGE = Buffer.from(
  '<!doctype html><html><head><title>Masuk Wi-Fi</title></head><body><form>Masukkan kode voucher: <input name="v"></form></body></html>',
);
const GATEWAY_PAGE = Buffer.from('<html><body><h1>502 Bad Gateway</h1></body></html>');

export async function startFaultProxy(options: { upstream: string; seed: number; policy?: FaultPolicy }): Promise<FaultProxy> {
  let upstream = new URL(options.upstream);
  let policy = options.policy ?? CLEAN_LINK;
  let offline = false;
  const random = new SeededRandom(options.seed);
  const decisions: FaultDecision[] = [];
  type Held = { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer; beforeNext: boolean; heldAt: number };
  const held: Held[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let n = 0;

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  };

  /** Sends one request to the server and reads its whole answer; `cutAt` resets mid-body instead. */
  const forward = (method: string, path: string, headers: IncomingHttpHeaders, body: Buffer, cutAt?: number): Promise<Exchange | null> =>
    track(
      new Promise<Exchange | null>((resolve) => {
        const outgoing = httpRequest(
          {
            host: upstream.hostname,
            port: upstream.port,
            method,
            path,
            headers: { ...copyHeaders(headers), host: upstream.host, 'content-length': String(body.length) },
          },
          (response) => {
            readAll(response).then(
              (bytes) => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: bytes }),
              () => resolve(null),
            );
          },
        );
        // A dead server (killed between requests) is a reset for the client, not a proxy crash.
        outgoing.on('error', () => resolve(null));
        if (cutAt === undefined) {
          outgoing.end(body);
        } else {
          outgoing.write(body.subarray(0, cutAt), () => {
            outgoing.destroy();
            resolve(null);
          });
        }
      }),
    );

  /** Delivers the held copies that go before (or after) the request being handled now. */
  const releaseHeld = async (beforeNext: boolean, current: number): Promise<void> => {
    const due = held.filter((copy) => copy.beforeNext === beforeNext && copy.heldAt < current);
    for (const copy of due) {
      held.splice(held.indexOf(copy), 1);
      await forward(copy.method, copy.path, copy.headers, copy.body);
    }
  };

  const answer = (res: ServerResponse, exchange: Exchange): void => {
    res.writeHead(exchange.status, { ...copyHeaders(exchange.headers), 'content-length': String(exchange.body.length) });
    res.end(exchange.body);
  };

  const reset = (req: IncomingMessage, res: ServerResponse): void => {
    res.destroy();
    req.socket.destroy();
  };

  const decide = (): FaultKind => {
    if (policy.enabled.length === 0 || !random.chance(policy.faultRate)) return 'pass';
    return random.pick(policy.enabled);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readAll(req);
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    n++;
    const log = (fault: FaultDecision['fault'], detail?: string): void => {
      decisions.push(detail === undefined ? { n, method, path, fault } : { n, method, path, fault, detail });
    };
    if (offline) {
      log('offline');
      reset(req, res);
      return;
    }
    const fault = decide();
    // Requests held by `reorder` reach the server now, before or after this one.
    const current = n;
    await releaseHeld(true, current);
    try {
      await exchange(req, res, fault, body, method, path, log);
    } finally {
      await releaseHeld(false, current);
    }
  };

  const exchange = async (
    req: IncomingMessage,
    res: ServerResponse,
    fault: FaultKind,
    body: Buffer,
    method: string,
    path: string,
    log: (fault: FaultDecision['fault'], detail?: string) => void,
  ): Promise<void> => {
    switch (fault) {
      case 'pass': {
        log(fault);
        const exchange = await forward(method, path, req.headers, body);
        if (exchange === null) reset(req, res);
        else answer(res, exchange);
        return;
      }
      case 'delay': {
        const ms = random.int(1, MAX_DELAY_MS);
        log(fault, `${String(ms)}ms`);
        await sleep(ms);
        const exchange = await forward(method, path, req.headers, body);
        if (exchange === null) reset(req, res);
        else answer(res, exchange);
        return;
      }
      case 'drop_request':
        log(fault);
        reset(req, res);
        return;
      case 'drop_response': {
        log(fault);
        await forward(method, path, req.headers, body);
        reset(req, res);
        return;
      }
      case 'duplicate': {
        const second = random.chance(0.5);
        log(fault, second ? 'client-gets-second' : 'client-gets-first');
        const a = await forward(method, path, req.headers, body);
        const b = await forward(method, path, req.headers, body);
        const chosen = second ? b : a;
        if (chosen === null) reset(req, res);
        else answer(res, chosen);
        return;
      }
      case 'reorder': {
        const beforeNext = random.chance(0.5);
        log(fault, beforeNext ? 'delivered-before-next-request' : 'delivered-after-next-request');
        held.push({ method, path, headers: req.headers, body, beforeNext, heldAt: n });
        reset(req, res);
        return;
      }
      case 'truncate': {
        if (body.length > 1 && random.chance(0.5)) {
          log(fault, 'request-body-cut');
          await forward(method, path, req.headers, body, Math.floor(body.length / 2));
          reset(req, res);
          return;
        }
        log(fault, 'response-body-cut');
        const exchange = await forward(method, path, req.headers, body);
        if (exchange === null) {
          reset(req, res);
          return;
        }
        res.writeHead(exchange.status, { ...copyHeaders(exchange.headers), 'content-length': String(exchange.body.length) });
        res.write(exchange.body.subarray(0, Math.floor(exchange.body.length / 2)), () => reset(req, res));
        return;
      }
      case 'http_502': {
        const processed = random.chance(0.5);
        log(fault, processed ? 'after-server-processed' : 'server-not-reached');
        if (processed) await forward(method, path, req.headers, body);
        res.writeHead(502, { 'content-type': 'text/html', 'content-length': String(GATEWAY_PAGE.length) });
        res.end(GATEWAY_PAGE);
        return;
      }
      case 'captive_portal':
        log(fault);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(CAPTIVE_PAGE.length) });
        res.end(CAPTIVE_PAGE);
        return;
      case 'slow_drip': {
        log(fault);
        const exchange = await forward(method, path, req.headers, body);
        if (exchange === null) {
          reset(req, res);
          return;
        }
        res.writeHead(exchange.status, { ...copyHeaders(exchange.headers), 'content-length': String(exchange.body.length) });
        for (let at = 0; at < exchange.body.length; at += DRIP_CHUNK) {
          res.write(exchange.body.subarray(at, at + DRIP_CHUNK));
          await sleep(DRIP_PAUSE_MS);
        }
        res.end();
        return;
      }
    }
  };

  const server: Server = createServer((req, res) => {
    track(handle(req, res)).catch(() => reset(req, res));
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${String(port)}`,
    setUpstream(url) {
      upstream = new URL(url);
    },
    setPolicy(next) {
      policy = next;
    },
    setOffline(next) {
      offline = next;
    },
    decisions,
    counts() {
      const out = Object.fromEntries([...FAULT_KINDS, 'offline'].map((k) => [k, 0])) as Record<FaultKind | 'offline', number>;
      for (const d of decisions) out[d.fault]++;
      return out;
    },
    async settle() {
      await releaseHeld(true, Number.POSITIVE_INFINITY);
      await releaseHeld(false, Number.POSITIVE_INFINITY);
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      held.splice(0);
      await Promise.allSettled([...inFlight]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

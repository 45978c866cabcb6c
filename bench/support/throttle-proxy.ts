/**
 * A userland throttling reverse proxy on 127.0.0.1: whoever connects through it — a page, a service
 * worker or a Node client — gets the same link. CDP network emulation only slows the page's own
 * fetches (research/performance.md §4.1), so the sync benchmarks put this in front of the server.
 *
 * The link model, per request (HTTP/1.1 over keep-alive, no handshakes, no loss):
 *   upload (request line + headers + body) ÷ up bandwidth, queued on ONE shared up link
 *   + RTT/2 to the server, the server's own time, RTT/2 back
 *   + download (status line + headers + body) ÷ down bandwidth, queued on ONE shared down link,
 *     written in small chunks at the paced times so the client sees bytes drip in.
 * That is exactly the floor the issue defines (bytes ÷ bandwidth + round trips × latency) plus the
 * server's time, so "measured ÷ floor" is the overhead of the client and the server.
 *
 * `timeScale` k > 1 runs the same link k times faster (RTT ÷ k, bandwidth × k) so that a year of
 * entries over 2G fits a benchmark budget. The proxy accounts the time during which at least one
 * request was in a network phase (`networkMs`), so a caller can estimate the full-speed time as
 * wall + (k − 1) × networkMs; the sync bench checks that estimate against real k = 1 runs.
 *
 * Run in its own process (`forkThrottleProxy`) so the client's CPU work cannot delay the pacing
 * timers; `startThrottleProxy` is the in-process form used inside that child.
 */
import { fork, type ChildProcess } from 'node:child_process';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export type LinkProfile = {
  readonly name: string;
  readonly rttMs: number;
  readonly downBytesPerSecond: number;
  readonly upBytesPerSecond: number;
};

/** The issue's two profiles (Chrome DevTools' "Regular 2G" and Lighthouse's "Slow 4G"). */
export const LINK_PROFILES = {
  '2G': { name: '2G', rttMs: 300, downBytesPerSecond: 32_000, upBytesPerSecond: 6_400 },
  'Slow 4G': { name: 'Slow 4G', rttMs: 562.5, downBytesPerSecond: 180_000, upBytesPerSecond: 84_375 },
} as const satisfies Record<string, LinkProfile>;

export type ProxyStats = {
  readonly requests: number;
  /** Everything sent up: request lines, headers and bodies. */
  readonly bytesUp: number;
  readonly bytesDown: number;
  readonly bodyBytesUp: number;
  readonly bodyBytesDown: number;
  /** Wall milliseconds (at the scaled speed) during which some request was in a network phase. */
  readonly networkMs: number;
};

export type ThrottleProxyOptions = {
  /** Where requests go, e.g. `http://127.0.0.1:8123`. */
  readonly target: string;
  readonly profile: LinkProfile;
  readonly timeScale?: number;
};

export type ThrottleProxy = {
  readonly url: string;
  stats(): Promise<ProxyStats>;
  resetStats(): Promise<void>;
  close(): Promise<void>;
};

/** The full-speed floor for what went through: bytes ÷ bandwidth + requests × RTT, in ms. */
export function floorMs(stats: ProxyStats, profile: LinkProfile): number {
  return (
    (stats.bytesUp / profile.upBytesPerSecond) * 1000 +
    (stats.bytesDown / profile.downBytesPerSecond) * 1000 +
    stats.requests * profile.rttMs
  );
}

/** One direction of the link: bytes queue behind each other at the link's rate. */
class PacedLink {
  private freeAt = 0;
  constructor(private readonly bytesPerMs: number) {}
  /** When `bytes` offered at `now` will have crossed the link. */
  reserve(bytes: number, now: number): number {
    const start = Math.max(now, this.freeAt);
    this.freeAt = start + bytes / this.bytesPerMs;
    return this.freeAt;
  }
}

/**
 * Union of the intervals in which some request is held by the link, as the link model schedules
 * them (start → scheduled end). Scheduled, not observed, ends: a timer that fires late under load
 * must not be multiplied by the time scale.
 */
class BusyClock {
  private coveredUntil = 0;
  total = 0;
  add(start: number, end: number): void {
    if (end <= this.coveredUntil) return;
    this.total += end - Math.max(start, this.coveredUntil);
    this.coveredUntil = end;
  }
}

const CHUNK_BYTES = 1460;

const sleepUntil = (at: number): Promise<void> => {
  const wait = at - performance.now();
  return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
};

function headerBytes(firstLine: string, rawHeaders: readonly string[]): number {
  let bytes = Buffer.byteLength(firstLine) + 2 + 2;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    bytes += Buffer.byteLength(rawHeaders[i] ?? '') + 2 + Buffer.byteLength(rawHeaders[i + 1] ?? '') + 2;
  }
  return bytes;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function startThrottleProxy(options: ThrottleProxyOptions): Promise<ThrottleProxy> {
  const scale = options.timeScale ?? 1;
  const { profile } = options;
  const target = new URL(options.target);
  const up = new PacedLink((profile.upBytesPerSecond * scale) / 1000);
  const down = new PacedLink((profile.downBytesPerSecond * scale) / 1000);
  const halfRtt = profile.rttMs / scale / 2;
  const busy = new BusyClock();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  let counts = { requests: 0, bytesUp: 0, bytesDown: 0, bodyBytesUp: 0, bodyBytesDown: 0 };
  let busyBase = 0;

  const forward = (request: IncomingMessage, body: Buffer): Promise<{ response: IncomingMessage; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const headers = { ...request.headers, host: target.host };
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: request.method, path: request.url, headers, agent },
        (response) => {
          readAll(response).then((bytes) => resolve({ response, body: bytes }), reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });

  const handle = async (request: IncomingMessage, reply: ServerResponse): Promise<void> => {
    const arrived = performance.now();
    try {
      const body = await readAll(request);
      const upBytes = headerBytes(`${request.method ?? 'GET'} ${request.url ?? '/'} HTTP/1.1`, request.rawHeaders) + body.length;
      counts.requests++;
      counts.bytesUp += upBytes;
      counts.bodyBytesUp += body.length;
      const atServer = up.reserve(upBytes, arrived) + halfRtt;
      busy.add(arrived, atServer);
      await sleepUntil(atServer);
      const answer = await forward(request, body);
      const returned = performance.now();
      const headers = { ...answer.response.headers };
      delete headers['transfer-encoding'];
      headers['content-length'] = String(answer.body.length);
      const statusLine = `HTTP/1.1 ${String(answer.response.statusCode ?? 502)} ${answer.response.statusMessage ?? ''}`;
      const rawHeaders = Object.entries(headers).flatMap(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]);
      const downHead = headerBytes(statusLine, rawHeaders);
      counts.bytesDown += downHead + answer.body.length;
      counts.bodyBytesDown += answer.body.length;
      // The whole answer is booked on the link at once, so a late timer delays one write, not the link.
      const headAt = down.reserve(downHead, returned + halfRtt);
      const chunks: { bytes: Buffer; at: number }[] = [];
      for (let offset = 0; offset < answer.body.length; offset += CHUNK_BYTES) {
        const bytes = answer.body.subarray(offset, offset + CHUNK_BYTES);
        chunks.push({ bytes, at: down.reserve(bytes.length, headAt) });
      }
      busy.add(returned, chunks.at(-1)?.at ?? headAt);
      await sleepUntil(headAt);
      reply.writeHead(answer.response.statusCode ?? 502, headers);
      for (const chunk of chunks) {
        await sleepUntil(chunk.at);
        reply.write(chunk.bytes);
      }
      reply.end();
    } catch (error) {
      if (!reply.headersSent) reply.writeHead(502, { 'content-type': 'text/plain' });
      reply.end(`throttle proxy: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const server = http.createServer((request, reply) => void handle(request, reply));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${String(port)}`,
    stats: () => Promise.resolve({ ...counts, networkMs: busy.total - busyBase }),
    resetStats() {
      counts = { requests: 0, bytesUp: 0, bytesDown: 0, bodyBytesUp: 0, bodyBytesDown: 0 };
      busyBase = busy.total;
      return Promise.resolve();
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---- The same proxy in a child process, driven over IPC ----

type ChildCall = { op: 'start'; options: ThrottleProxyOptions } | { op: 'stats' | 'reset' | 'close' };
type ChildRequest = ChildCall & { id: number };
type ChildAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

const HERE = fileURLToPath(import.meta.url);

/** Starts the proxy in its own Node process (its timers then never wait behind the client's work). */
export async function forkThrottleProxy(options: ThrottleProxyOptions): Promise<ThrottleProxy> {
  const child: ChildProcess = fork(HERE, ['--serve'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let next = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  child.on('message', (message: ChildAnswer) => {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiter?.resolve(message.value);
    else waiter?.reject(new Error(message.error));
  });
  child.on('exit', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('throttle proxy process exited'));
    pending.clear();
  });
  const call = (request: ChildCall): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject });
      child.send({ ...request, id });
    });
  const url = (await call({ op: 'start', options })) as string;
  return {
    url,
    stats: async () => (await call({ op: 'stats' })) as ProxyStats,
    resetStats: async () => {
      await call({ op: 'reset' });
    },
    close: async () => {
      await call({ op: 'close' });
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
    },
  };
}

function serveOverIpc(): void {
  let proxy: ThrottleProxy | null = null;
  const answer = (message: ChildAnswer): void => {
    process.send?.(message);
  };
  // The bench that started us died (or finished without stopping us): do not linger.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (request: ChildRequest) => {
    void (async () => {
      try {
        switch (request.op) {
          case 'start':
            proxy = await startThrottleProxy(request.options);
            answer({ id: request.id, ok: true, value: proxy.url });
            return;
          case 'stats':
            answer({ id: request.id, ok: true, value: await proxy?.stats() });
            return;
          case 'reset':
            await proxy?.resetStats();
            answer({ id: request.id, ok: true, value: null });
            return;
          case 'close':
            await proxy?.close();
            answer({ id: request.id, ok: true, value: null });
            process.disconnect();
            return;
        }
      } catch (error) {
        answer({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
}

if (process.argv[1] === HERE && process.argv.includes('--serve')) serveOverIpc();

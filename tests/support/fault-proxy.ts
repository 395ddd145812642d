// A fault-injecting TCP proxy on loopback, in front of the sync server: HTTP and the ws stream both pass through
// it, and a seeded PRNG decides its misbehaviour. It always stops by itself after `lifetimeMs`, and every fault
// window ends by itself too, so a failing test can never leave a hung proxy behind.
import { createServer, type Server, type Socket } from 'node:net';

/**
 * - `pass`: bytes flow both ways
 * - `delay`: every chunk waits a random 0..maxDelayMs (order kept)
 * - `drop`: the network is gone: open connections are destroyed, new ones closed at once
 * - `half-open`: connections are accepted but nothing is forwarded either way (a dead NAT entry); when the window
 *   ends they are destroyed, as the operating system would eventually do
 */
export type ProxyMode = 'pass' | 'delay' | 'drop' | 'half-open';

export interface FaultCounts {
  connections: number;
  delay: number;
  drop: number;
  halfOpen: number;
  reset: number;
}

export interface FaultProxy {
  readonly port: number;
  readonly mode: ProxyMode;
  readonly faults: FaultCounts;
  /** switches to `mode` for `forMs`, then back to `pass` */
  fault(mode: Exclude<ProxyMode, 'pass'>, forMs: number): void;
  /** resets (RST) every open connection now */
  reset(): void;
  /** back to `pass` at once, ending any fault window (half-open connections are destroyed) */
  heal(): void;
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  targetPort: number;
  random: () => number;
  maxDelayMs?: number;
  /** the proxy closes itself after this long (default 10 min) */
  lifetimeMs?: number;
}

interface Pair {
  client: Socket;
  upstream: Socket;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const { targetPort, random } = options;
  const maxDelayMs = options.maxDelayMs ?? 150;
  const pairs = new Set<Pair>();
  const faults: FaultCounts = { connections: 0, delay: 0, drop: 0, halfOpen: 0, reset: 0 };
  let mode: ProxyMode = 'pass';
  let windowTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const destroy = (pair: Pair, reset = false) => {
    for (const socket of [pair.client, pair.upstream]) {
      if (reset && typeof socket.resetAndDestroy === 'function' && !socket.destroyed && !socket.connecting) {
        socket.resetAndDestroy();
      } else socket.destroy();
    }
    pairs.delete(pair);
  };

  /** Forwards `from` to `to`, honouring the mode at the moment each chunk arrives. */
  const forward = (from: Socket, to: Socket) => {
    let chain = Promise.resolve();
    from.on('data', (chunk: Buffer) => {
      if (mode === 'half-open' || mode === 'drop') return; // swallowed
      if (mode === 'delay') {
        const wait = Math.floor(random() * maxDelayMs);
        chain = chain.then(() => new Promise((done) => setTimeout(done, wait)));
        chain = chain.then(() => {
          if (!to.destroyed) to.write(chunk);
        });
        return;
      }
      chain = chain.then(() => {
        if (!to.destroyed) to.write(chunk);
      });
    });
    from.on('end', () => {
      chain = chain.then(() => {
        if (!to.destroyed) to.end();
      });
    });
  };

  const server: Server = createServer((client) => {
    faults.connections += 1;
    if (mode === 'drop' || closed) {
      client.destroy();
      return;
    }
    const upstream = new (client.constructor as typeof Socket)();
    const pair = { client, upstream };
    pairs.add(pair);
    client.on('error', () => destroy(pair));
    upstream.on('error', () => destroy(pair));
    client.on('close', () => destroy(pair));
    upstream.on('close', () => destroy(pair));
    forward(client, upstream);
    forward(upstream, client);
    upstream.connect(targetPort, '127.0.0.1');
  });

  const endWindow = () => {
    if (windowTimer) clearTimeout(windowTimer);
    windowTimer = undefined;
    const was = mode;
    mode = 'pass';
    // connections that saw nothing forwarded are dead by now: the peers would time them out
    if (was === 'half-open') for (const pair of [...pairs]) destroy(pair);
  };

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;

  const close = async () => {
    if (closed) return;
    closed = true;
    endWindow();
    clearTimeout(lifetime);
    for (const pair of [...pairs]) destroy(pair);
    await new Promise<void>((done) => server.close(() => done()));
  };
  const lifetime = setTimeout(() => void close(), options.lifetimeMs ?? 600_000);
  lifetime.unref();

  return {
    port,
    get mode() {
      return mode;
    },
    faults,
    fault(next, forMs) {
      if (closed) return;
      endWindow();
      mode = next;
      if (next === 'delay') faults.delay += 1;
      if (next === 'half-open') faults.halfOpen += 1;
      if (next === 'drop') {
        faults.drop += 1;
        for (const pair of [...pairs]) destroy(pair);
      }
      windowTimer = setTimeout(endWindow, forMs);
      windowTimer.unref();
    },
    reset() {
      faults.reset += 1;
      for (const pair of [...pairs]) destroy(pair, true);
    },
    heal: endWindow,
    close,
  };
}

// A TCP balancer on loopback, for tests that need a network in the way: each connection goes to the first
// backend that accepts it (so a dead backend's clients move to the next), and `cut()` drops every connection
// and refuses new ones until `restore()`, as a network partition would.
import { connect, createServer, type Socket } from 'node:net';

export interface LoopbackBalancer {
  readonly port: number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export function startBalancer(backends: number[]): Promise<LoopbackBalancer> {
  const sockets = new Set<Socket>();
  let open = true;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (!open) return client.destroy();
    client.pause();
    const attempt = (index: number) => {
      const port = backends[index];
      if (port === undefined) return client.destroy();
      const upstream = connect(port, '127.0.0.1');
      let connected = false;
      track(upstream);
      upstream.once('connect', () => {
        connected = true;
        upstream.pipe(client);
        client.pipe(upstream);
        client.resume();
        // Either side going away ends the pair, as a real balancer's proxied connection does.
        upstream.once('close', () => client.destroy());
        client.once('close', () => upstream.destroy());
      });
      upstream.once('error', () => {
        if (!connected) attempt(index + 1);
      });
    };
    attempt(0);
  });
  const destroyAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as { port: number }).port,
        cut() {
          open = false;
          destroyAll();
        },
        restore() {
          open = true;
        },
        close: () =>
          new Promise<void>((done) => {
            destroyAll();
            server.close(() => done());
          }),
      });
    });
  });
}

// A `ws` WebSocket whose stream events can be held on the way to the client: while `gate.holding`, each `next`
// message waits in `gate.held` (with the titles of its documents) until the test delivers it.
import { WebSocket } from 'ws';

type Doc = Record<string, unknown>;
type MessageHandler = ((event: { data: unknown }) => void) | null;

export interface HeldEvent {
  titles: string[];
  deliver: () => void;
}

export interface SocketGate {
  holding: boolean;
  readonly held: HeldEvent[];
  /** the class to pass as `webSocketImpl` */
  readonly GatedSocket: typeof WebSocket;
}

export function gatedSocket(): SocketGate {
  const gate = { holding: false, held: [] as HeldEvent[] } as SocketGate;
  const onmessage = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
  class GatedSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      Object.defineProperty(this, 'onmessage', {
        get: () => onmessage?.get?.call(this),
        set: (handler: MessageHandler) =>
          onmessage?.set?.call(
            this,
            handler &&
              ((event: { data: unknown }) => {
                const message = JSON.parse(String(event.data)) as { type: string; payload?: { data?: unknown } };
                if (!gate.holding || message.type !== 'next') return handler(event);
                const bulk = Object.values((message.payload?.data ?? {}) as Record<string, { documents?: Doc[] }>)[0];
                gate.held.push({
                  titles: (bulk?.documents ?? []).map((doc) => String(doc.title)),
                  deliver: () => handler(event),
                });
              }),
          ),
      });
    }
  }
  return Object.assign(gate, { GatedSocket });
}

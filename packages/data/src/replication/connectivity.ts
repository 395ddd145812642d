// The browser's own idea of connectivity: going offline shows at once; coming back wakes every waiting retry and
// pulls what was missed. Outside a browser there is nothing to watch.

export interface ConnectivityHandlers {
  online(): void;
  offline(): void;
}

/** Listens to the window's online and offline events; returns the function that stops listening. */
export function watchConnectivity(handlers: ConnectivityHandlers): () => void {
  const target = (globalThis as { window?: EventTarget }).window;
  const online = () => handlers.online();
  const offline = () => handlers.offline();
  target?.addEventListener('online', online);
  target?.addEventListener('offline', offline);
  return () => {
    target?.removeEventListener('online', online);
    target?.removeEventListener('offline', offline);
  };
}

/** A page opened (or reloaded) with the network off is offline from its first frame, not "connecting". */
export function browserSaysOffline(): boolean {
  return (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;
}

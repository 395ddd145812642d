// The lifecycle of the live stream: one graphql-ws socket for all replicated collections, opened once this tab
// replicates and the replication is not paused, closed on pause and stop, and never left open by a pause or stop
// that came while it was connecting.
import type { TokenSource } from '../graphql-transport';
import { type LiveStream, openLiveStream } from '../live-stream';
import type { CollectionReplicator } from './collection-replicator';
import type { SyncReporter } from './sync-reporter';

export interface LiveConnectionOptions {
  wsUrl: string;
  /** this device's id, for the server's monitoring */
  device?: string;
  /** the schema versions spoken (`orders@2,…`) */
  schemaVersions?: string;
  token: TokenSource;
  webSocketImpl?: unknown;
  replicators: readonly CollectionReplicator[];
  reporter: SyncReporter;
  /** resolves once this tab replicates */
  whenLeader: Promise<void>;
  /** the socket connected (again): what was missed meanwhile is about to be pulled */
  onConnected?: () => void;
  /** the socket closed or could not open */
  onClosed?: () => void;
}

export class LiveConnection {
  private socket: LiveStream | undefined;

  private readonly options: LiveConnectionOptions;

  constructor(options: LiveConnectionOptions) {
    this.options = options;
  }

  private get idle(): boolean {
    return this.options.reporter.stopped || this.options.reporter.store.getState().paused;
  }

  async open(): Promise<void> {
    const { reporter } = this.options;
    if (reporter.stopped) return;
    await this.options.whenLeader;
    if (this.idle) return;
    const opened = await openLiveStream({
      wsUrl: this.options.wsUrl,
      token: this.options.token,
      device: this.options.device,
      schemaVersions: this.options.schemaVersions,
      webSocketImpl: this.options.webSocketImpl,
      streams: this.options.replicators.map(({ operations, deliver }) => ({ operations, deliver })),
      retryWait: (failures) => reporter.socketBackoff.wait(failures),
      onConnected: () => {
        reporter.socketOpened();
        this.options.onConnected?.();
      },
      onClosed: (code) => {
        reporter.socketClosed(this.options.wsUrl, code);
        this.options.onClosed?.();
      },
      onAuthProblem: (message) => reporter.authProblem(message),
      onStreamProblem: (message) => reporter.streamProblem(message),
      onOutdated: (refusal) => reporter.outdated(refusal),
    });
    // paused or stopped while connecting: do not keep a socket nobody will close
    if (this.idle) await opened.dispose();
    else this.socket = opened;
  }

  async close(): Promise<void> {
    const current = this.socket;
    this.socket = undefined;
    this.options.reporter.socketConnected = false;
    await current?.dispose();
  }
}

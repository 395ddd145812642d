// What the `syncMonitor` query answers: a tenant's devices as the server has seen them. The server fills it, an app
// shows it; both read this one shape.

export interface DeviceActivity {
  subject: string | null;
  role: string;
  device: string | null;
  firstSeenAt: number;
  lastSeenAt: number;
  lastPullAt: number | null;
  lastPushAt: number | null;
  documentsPulled: number;
  documentsPushed: number;
  refusedRows: number;
  conflicts: number;
  openStreams: number;
}

export interface TenantReport {
  /** since when the instance has been counting (ms since the epoch) */
  since: number;
  openStreams: number;
  documentsPulled: number;
  documentsPushed: number;
  refusedRows: number;
  conflicts: number;
  /** most recently seen first */
  devices: DeviceActivity[];
}

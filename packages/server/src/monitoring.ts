// What the server has been doing, for two audiences: `GET /metrics` in Prometheus's text format for whoever runs
// it (requests, documents pulled and pushed, refused rows, conflicts, open streams, latency histograms, per tenant),
// and the `syncMonitor` query for a tenant's managers (each device seen: who, its last pull and push, what it
// moved, what was refused, its conflicts). Kept in memory by this instance since it started: a scaled-out
// deployment sums the instances' metrics, and each instance reports the devices it served.

/** Who made a request: the token's tenant, subject and role, and the device id the client sent, if any. */
export interface Caller {
  readonly tenant: string;
  readonly sub: string | undefined;
  readonly role: string;
  readonly device?: string | undefined;
}

import type { DeviceActivity, TenantReport } from '@syncline/protocol';

export type { DeviceActivity, TenantReport };

export type Operation = 'pull' | 'push';
export type RefusalKind = 'invalid' | 'not_permitted';

/** Upper bounds of the latency histogram, in seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** A tenant keeps at most this many devices; the least recently seen go first. */
const MAX_DEVICES = 1_000;

type Labels = Readonly<Record<string, string>>;

interface Family {
  help: string;
  type: 'counter' | 'gauge';
  values: Map<string, { labels: Labels; value: number }>;
}

interface Histogram {
  labels: Labels;
  buckets: number[];
  sum: number;
  count: number;
}

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labelText = (labels: Labels) => {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '' : `{${entries.map(([key, value]) => `${key}="${escapeLabel(value)}"`).join(',')}}`;
};

export class SyncMonitor {
  private readonly since = Date.now();
  private readonly families = new Map<string, Family>();
  private readonly latency = new Map<string, Histogram>();
  private readonly devices = new Map<string, Map<string, DeviceActivity>>();
  private readonly perTenant: boolean;

  /** `perTenant: false` leaves the tenant label out of the metrics (for deployments with very many tenants). */
  constructor(options: { perTenant?: boolean } = {}) {
    this.perTenant = options.perTenant ?? true;
    this.define('syncline_requests_total', 'counter', 'Pulls and pushes answered.');
    this.define('syncline_documents_pulled_total', 'counter', 'Documents sent by pulls.');
    this.define('syncline_documents_pushed_total', 'counter', 'Documents written by pushes.');
    this.define('syncline_refused_rows_total', 'counter', 'Pushed rows refused (invalid, or not permitted).');
    this.define('syncline_conflicts_total', 'counter', 'Pushed rows answered with a conflict.');
    this.define('syncline_stream_events_total', 'counter', 'Stream events delivered to subscribers.');
    this.define('syncline_open_streams', 'gauge', 'Live stream subscriptions open now.');
  }

  private define(name: string, type: Family['type'], help: string) {
    this.families.set(name, { help, type, values: new Map() });
  }

  private add(name: string, labels: Labels, by: number) {
    const family = this.families.get(name);
    if (!family || by === 0) return;
    const key = JSON.stringify(labels);
    const entry = family.values.get(key) ?? { labels, value: 0 };
    entry.value += by;
    family.values.set(key, entry);
  }

  private tenantLabel(tenant: string): Labels {
    return this.perTenant ? { tenant } : {};
  }

  private activity(caller: Caller): DeviceActivity {
    let devices = this.devices.get(caller.tenant);
    if (!devices) {
      devices = new Map();
      this.devices.set(caller.tenant, devices);
    }
    const key = `${caller.sub ?? ''}|${caller.device ?? ''}`;
    const now = Date.now();
    let activity = devices.get(key);
    if (activity) devices.delete(key);
    activity ??= {
      subject: caller.sub ?? null,
      role: caller.role,
      device: caller.device ?? null,
      firstSeenAt: now,
      lastSeenAt: now,
      lastPullAt: null,
      lastPushAt: null,
      documentsPulled: 0,
      documentsPushed: 0,
      refusedRows: 0,
      conflicts: 0,
      openStreams: 0,
    };
    activity.lastSeenAt = now;
    activity.role = caller.role;
    // most recently seen last in the map: the oldest go first when a tenant has too many
    devices.set(key, activity);
    for (const oldest of devices.keys()) {
      if (devices.size <= MAX_DEVICES) break;
      devices.delete(oldest);
    }
    return activity;
  }

  private timed(operation: Operation, seconds: number) {
    let histogram = this.latency.get(operation);
    if (!histogram) {
      histogram = { labels: { operation }, buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.latency.set(operation, histogram);
    }
    for (const [index, bound] of BUCKETS.entries()) {
      if (seconds <= bound) histogram.buckets[index] = (histogram.buckets[index] ?? 0) + 1;
    }
    histogram.sum += seconds;
    histogram.count += 1;
  }

  pulled(caller: Caller, collection: string, documents: number, seconds: number): void {
    const labels = { ...this.tenantLabel(caller.tenant), collection };
    this.add('syncline_requests_total', { ...this.tenantLabel(caller.tenant), operation: 'pull' }, 1);
    this.add('syncline_documents_pulled_total', labels, documents);
    this.timed('pull', seconds);
    const activity = this.activity(caller);
    activity.lastPullAt = Date.now();
    activity.documentsPulled += documents;
  }

  pushed(caller: Caller, collection: string, outcome: { written: number; conflicts: number }, seconds: number): void {
    const labels = { ...this.tenantLabel(caller.tenant), collection };
    this.add('syncline_requests_total', { ...this.tenantLabel(caller.tenant), operation: 'push' }, 1);
    this.add('syncline_documents_pushed_total', labels, outcome.written);
    this.add('syncline_conflicts_total', labels, outcome.conflicts);
    this.timed('push', seconds);
    const activity = this.activity(caller);
    activity.lastPushAt = Date.now();
    activity.documentsPushed += outcome.written;
    activity.conflicts += outcome.conflicts;
  }

  /** A push refused whole because of one row: an answered push too. */
  refused(caller: Caller, collection: string, reason: RefusalKind): void {
    this.add('syncline_requests_total', { ...this.tenantLabel(caller.tenant), operation: 'push' }, 1);
    this.add('syncline_refused_rows_total', { ...this.tenantLabel(caller.tenant), collection, reason }, 1);
    this.activity(caller).refusedRows += 1;
  }

  /** A stream opened; the function returned closes it (once). */
  streamOpened(caller: Caller): { delivered(): void; closed(): void } {
    const labels = this.tenantLabel(caller.tenant);
    this.add('syncline_open_streams', labels, 1);
    const activity = this.activity(caller);
    activity.openStreams += 1;
    let open = true;
    return {
      delivered: () => this.add('syncline_stream_events_total', labels, 1),
      closed: () => {
        if (!open) return;
        open = false;
        this.add('syncline_open_streams', labels, -1);
        activity.openStreams -= 1;
      },
    };
  }

  /** What the tenant's devices have done on this instance. */
  report(tenant: string): TenantReport {
    const devices = [...(this.devices.get(tenant)?.values() ?? [])].reverse().map((device) => ({ ...device }));
    const sum = (pick: (device: DeviceActivity) => number) =>
      devices.reduce((total, device) => total + pick(device), 0);
    return {
      since: this.since,
      openStreams: sum((device) => device.openStreams),
      documentsPulled: sum((device) => device.documentsPulled),
      documentsPushed: sum((device) => device.documentsPushed),
      refusedRows: sum((device) => device.refusedRows),
      conflicts: sum((device) => device.conflicts),
      devices,
    };
  }

  /** Everything, in Prometheus's text exposition format (version 0.0.4). */
  prometheus(): string {
    const lines: string[] = [];
    for (const [name, family] of this.families) {
      lines.push(`# HELP ${name} ${family.help}`, `# TYPE ${name} ${family.type}`);
      for (const { labels, value } of family.values.values()) lines.push(`${name}${labelText(labels)} ${value}`);
    }
    const name = 'syncline_request_duration_seconds';
    lines.push(`# HELP ${name} How long pulls and pushes took to answer.`, `# TYPE ${name} histogram`);
    for (const histogram of this.latency.values()) {
      for (const [index, bound] of BUCKETS.entries()) {
        const labels = labelText({ ...histogram.labels, le: String(bound) });
        lines.push(`${name}_bucket${labels} ${histogram.buckets[index]}`);
      }
      lines.push(`${name}_bucket${labelText({ ...histogram.labels, le: '+Inf' })} ${histogram.count}`);
      lines.push(`${name}_sum${labelText(histogram.labels)} ${histogram.sum}`);
      lines.push(`${name}_count${labelText(histogram.labels)} ${histogram.count}`);
    }
    const memory = process.memoryUsage();
    lines.push(
      '# HELP process_resident_memory_bytes Resident memory size in bytes.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${memory.rss}`,
      '# HELP syncline_uptime_seconds Seconds since this instance started counting.',
      '# TYPE syncline_uptime_seconds gauge',
      `syncline_uptime_seconds ${Math.round((Date.now() - this.since) / 1000)}`,
    );
    return `${lines.join('\n')}\n`;
  }
}

// What the command palette offers without asking the database: the actions (new order, sync now, the theme, the
// shortcuts, sign out), the pages, the machines and their open alarms, matched against what is typed by label and
// by keyword ("dark", "theme", "sync", "new" find their action) and best match first. Orders come from an indexed
// query beside these (see order-search.ts); this module is plain data, so it is tested without a browser.
import type { Machine } from '@syncline/domain';
import { sortAlarms } from '@syncline/ui/machine';

export type PaletteAction =
  | { kind: 'new-order' }
  | { kind: 'sync-now' }
  | { kind: 'theme'; theme: 'light' | 'dark' | 'system' | 'toggle' }
  | { kind: 'shortcuts' }
  | { kind: 'sign-out' }
  | { kind: 'page'; path: string }
  | { kind: 'machine'; machineId: string }
  | { kind: 'acknowledge'; machineId: string; alarmId: string };

export interface PaletteEntry {
  id: string;
  label: string;
  /** other words that find it */
  keywords: readonly string[];
  hint?: string;
  action: PaletteAction;
}

export interface PaletteSection {
  heading: string;
  entries: PaletteEntry[];
}

/** What the signed-in person may do, so what they may not is not offered. */
export interface PaletteAllowed {
  createOrder: boolean;
  acknowledgeAlarms: boolean;
}

export interface PaletteInput {
  search: string;
  pages: readonly { path: string; label: string }[];
  machines: readonly Machine[];
  allowed: PaletteAllowed;
}

/** Machines, and alarms to acknowledge, listed at most: the palette is for finding one, not for reading the floor. */
export const maxRecords = 8;

const actions: PaletteEntry[] = [
  {
    id: 'new-order',
    label: 'New order',
    keywords: ['create', 'add', 'order'],
    action: { kind: 'new-order' },
  },
  {
    id: 'sync-now',
    label: 'Sync now',
    keywords: ['synchronise', 'synchronize', 'refresh', 'upload', 'send', 'server'],
    action: { kind: 'sync-now' },
  },
  {
    id: 'theme-toggle',
    label: 'Toggle theme',
    keywords: ['switch', 'dark', 'light', 'mode', 'appearance', 'colour', 'color'],
    action: { kind: 'theme', theme: 'toggle' },
  },
  {
    id: 'theme-dark',
    label: 'Dark theme',
    keywords: ['night', 'mode', 'appearance'],
    action: { kind: 'theme', theme: 'dark' },
  },
  {
    id: 'theme-light',
    label: 'Light theme',
    keywords: ['day', 'mode', 'appearance'],
    action: { kind: 'theme', theme: 'light' },
  },
  {
    id: 'theme-system',
    label: 'System theme',
    keywords: ['automatic', 'os', 'mode', 'appearance'],
    action: { kind: 'theme', theme: 'system' },
  },
  {
    id: 'shortcuts',
    label: 'Keyboard shortcuts',
    keywords: ['keys', 'help', 'hotkeys', '?'],
    action: { kind: 'shortcuts' },
  },
  {
    id: 'sign-out',
    label: 'Sign out',
    keywords: ['log out', 'logout', 'leave'],
    action: { kind: 'sign-out' },
  },
];

/** What was typed, lower case, whole and in words. */
interface Typed {
  text: string;
  words: readonly string[];
}

const typed = (search: string): Typed => {
  const text = search.trim().toLowerCase();
  // nothing typed: every entry matches, all equally (rank 0), so all are listed in their order
  return { text, words: text === '' ? [] : text.split(/\s+/) };
};

/**
 * How well an entry matches, lower is better: 0, its label starts with what was typed; 1, each word typed starts a
 * word of the label; 2, each is found in the label or a keyword. `undefined`: no match.
 */
function rank(entry: PaletteEntry, { text, words }: Typed): number | undefined {
  const label = entry.label.toLowerCase();
  const everything = [label, ...entry.keywords.map((keyword) => keyword.toLowerCase())].join(' ');
  if (!words.every((word) => everything.includes(word))) return undefined;
  if (label.startsWith(text)) return 0;
  const labelWords = label.split(/\s+/);
  return words.every((word) => labelWords.some((labelWord) => labelWord.startsWith(word))) ? 1 : 2;
}

/** The items with a rank, best first; equal ranks keep their order. */
function bestFirst<T>(items: readonly T[], rankOf: (item: T) => number | undefined): T[] {
  return items
    .map((item, index) => ({ item, index, rank: rankOf(item) }))
    .filter((ranked): ranked is { item: T; index: number; rank: number } => ranked.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ item }) => item);
}

/** The entries matching `search`, best first; all of them, in their order, for an empty search. */
export function matching(entries: readonly PaletteEntry[], search: string): PaletteEntry[] {
  const what = typed(search);
  return bestFirst(entries, (entry) => rank(entry, what));
}

function machineEntries(machines: readonly Machine[]): PaletteEntry[] {
  return machines.map((machine) => ({
    id: machine.id,
    label: machine.name,
    keywords: [machine.kind, machine.location, 'machine'],
    // the state and severity as stored, as the palette has always shown them: the kit's labels would bring its
    // machine module into the shell's first download (a chunk shared with the machines page)
    hint: machine.state,
    action: { kind: 'machine', machineId: machine.id },
  }));
}

/** The open alarms, most severe first (then newest), as everywhere alarms are listed. */
function alarmEntries(machines: readonly Machine[]): PaletteEntry[] {
  const open = machines.flatMap((machine) =>
    machine.alarms.filter((alarm) => alarm.acknowledgedAt == null).map((alarm) => ({ machine, alarm })),
  );
  return sortAlarms(open, (row) => row.alarm).map(({ machine, alarm }) => ({
    id: `${machine.id}:${alarm.id}`,
    label: `Acknowledge ${alarm.code} on ${machine.name}`,
    keywords: ['alarm', alarm.message, alarm.severity],
    hint: alarm.severity,
    action: { kind: 'acknowledge', machineId: machine.id, alarmId: alarm.id } as const,
  }));
}

/**
 * The sections matching `search`, the one holding the best match first (so "order" lists the Orders page before
 * "New order", and "sync" runs "Sync now" before the Sync page).
 */
export function paletteSections({ search, pages, machines, allowed }: PaletteInput): PaletteSection[] {
  const offered = actions.filter((entry) => entry.action.kind !== 'new-order' || allowed.createOrder);
  const pageEntries = pages.map(
    (page): PaletteEntry => ({
      id: page.path,
      label: page.label,
      keywords: ['go to', 'page'],
      action: { kind: 'page', path: page.path },
    }),
  );
  const sections = [
    { heading: 'Actions', entries: matching(offered, search) },
    { heading: 'Pages', entries: matching(pageEntries, search) },
    { heading: 'Machines', entries: matching(machineEntries(machines), search).slice(0, maxRecords) },
    {
      heading: 'Alarms',
      entries: allowed.acknowledgeAlarms ? matching(alarmEntries(machines), search).slice(0, maxRecords) : [],
    },
  ].filter((section) => section.entries.length > 0);
  const what = typed(search);
  return bestFirst(sections, (section) => Math.min(...section.entries.map((entry) => rank(entry, what) ?? 3)));
}

// Mounts fixtures under React Profilers that count their commits, waits in real frames until they have settled,
// and steps the fake clock through idle time, counting each fixture's commits and the changes of its text.
import { Profiler } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { vi } from 'vitest';
import { isLoading, renderedText } from './fiber-tree';

export interface Mounted {
  name: string;
  container: HTMLElement;
  root: Root;
  commits: number;
  /** Renders the fixture again with fresh, equal props, as a parent re-rendering does. */
  render: () => void;
}

export function mount(name: string, element: () => React.ReactElement): Mounted {
  const container = document.createElement('div');
  container.dataset.fixture = name;
  document.body.append(container);
  const root = createRoot(container);
  const count = () => {
    mounted.commits += 1;
  };
  const mounted: Mounted = {
    name,
    container,
    root,
    commits: 0,
    render: () =>
      root.render(
        <Profiler id={name} onRender={count}>
          {element()}
        </Profiler>,
      ),
  };
  mounted.render();
  return mounted;
}

export function unmount({ root, container }: Mounted) {
  root.unmount();
  container.remove();
}

/** A real frame and the task after it: React has committed what the last timers scheduled. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
const totalCommits = (all: readonly Mounted[]) => all.reduce((sum, mounted) => sum + mounted.commits, 0);
const stillLoading = (all: readonly Mounted[]) =>
  all.filter((mounted) => isLoading(mounted.container)).map((mounted) => mounted.name);

/**
 * Waits until nothing has committed, and focus has not moved, for `quietMs` of real time; gives up after `limitMs`
 * (a loop never settles). The limit is generous: on a machine busy with other suites, dialogs and popovers placing
 * themselves went on past 3 s, and their late commits were counted as idle renders. Focus counts too: the open
 * dialogs' focus traps hand focus among themselves as they mount, and a hand-over late in a busy CI run closed the
 * open SyncStatusWidget details during the idle time and re-rendered every overlay once. A part still loading is not
 * settled however long it has been quiet: a lazy chunk (the SyncStatusWidget's details) commits nothing until it
 * arrives, and on a busy dev server it arrived seconds later, inside the idle time, where its popover joining Radix's
 * layers re-rendered every open overlay once and its first words counted as a clock's tick.
 */
export async function settle(all: readonly Mounted[], quietMs = 1_000, limitMs = 20_000) {
  const start = performance.now();
  let seen = totalCommits(all);
  let focused = document.activeElement;
  let lastChange = start;
  while (performance.now() - start < limitMs) {
    await nextFrame();
    const now = performance.now();
    if (totalCommits(all) !== seen || document.activeElement !== focused) {
      seen = totalCommits(all);
      focused = document.activeElement;
      lastChange = now;
    } else if (now - lastChange >= quietMs && stillLoading(all).length === 0) return;
  }
  // a loop is for the idle test to name; a part that never loaded is not the component's doing: say so instead
  const loading = stillLoading(all);
  if (loading.length > 0)
    throw new Error(`Still loading after ${limitMs / 1000} s (a lazy chunk): ${loading.join(', ')}`);
}

export interface IdleCounts {
  renders: number;
  textChanges: number;
}

/**
 * Moves the fake clock on a second at a time for `seconds`, with a real frame after each step, and counts each
 * fixture's commits and how many steps changed its text. Real time passes too (a frame a step), so a loop on
 * real timers or frames shows as well.
 */
export async function idleFor(all: readonly Mounted[], seconds: number): Promise<Map<string, IdleCounts>> {
  const last = new Map(
    all.map((fixture) => [fixture, { commits: fixture.commits, text: renderedText(fixture.container) }]),
  );
  const counts = new Map(all.map((fixture) => [fixture.name, { renders: 0, textChanges: 0 }]));
  for (let second = 0; second < seconds; second += 1) {
    vi.advanceTimersByTime(1000);
    await nextFrame();
    for (const [fixture, seen] of last) {
      const text = renderedText(fixture.container);
      const count = counts.get(fixture.name) as IdleCounts;
      count.renders += fixture.commits - seen.commits;
      if (text !== seen.text) count.textChanges += 1;
      seen.commits = fixture.commits;
      seen.text = text;
    }
  }
  return counts;
}

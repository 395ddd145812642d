// No kit component renders again once it has settled (issue #16). Every component `@syncline/ui` exports is mounted
// in Chromium with the props of ./idle-fixtures.tsx and rendered once more, as a parent does; once all have settled,
// two minutes pass on a fake clock (`setInterval` and `Date`, which drive the kit's clocks; React, Radix and the
// browser keep real time) and React's Profiler counts each fixture's commits. A commit is idle work unless the
// fixture's text changed with it: a clock may move "just now" to "1 min ago", but a render loop (DataTable's old
// `columnFilters = []`) or a tick that shows nothing new fails, naming the component.
import { afterAll, beforeAll, describe, expect, inject, test, vi } from 'vitest';
import * as kit from '../src';
import * as machine from '../src/machine';
import * as sync from '../src/sync';
import { renderedTypes } from './fiber-tree';
import { clockFixtures, fixtures, idleSeconds, type Mountable } from './idle-fixtures';
import { type IdleCounts, idleFor, type Mounted, mount, settle, unmount } from './render-watch';

const entryPoints = { '@syncline/ui': kit, '@syncline/ui/sync': sync, '@syncline/ui/machine': machine };

/** A PascalCase export React can render: a function component or a wrapped one (memo, forwardRef). */
function isComponent(name: string, value: unknown): boolean {
  if (!/^[A-Z]/.test(name)) return false;
  return typeof value === 'function' || (typeof value === 'object' && value !== null && '$$typeof' in value);
}

const exported = new Map<string, unknown>();
for (const entry of Object.values(entryPoints))
  for (const [name, value] of Object.entries(entry)) if (isComponent(name, value)) exported.set(name, value);

const mountable: [string, Mountable][] = [
  ...Object.entries(fixtures).flatMap(([name, fixture]): [string, Mountable][] =>
    'render' in fixture ? [[name, fixture]] : [],
  ),
  ...Object.entries(clockFixtures),
];

describe('every kit component, idle', () => {
  const mounted = new Map<string, Mounted>();
  const style = document.createElement('style');
  let idle = new Map<string, IdleCounts>();

  beforeAll(async () => {
    style.textContent = inject('kitStylesheet');
    document.head.append(style);
    // Installed before mounting, so every clock a component starts runs on it.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    for (const [name, fixture] of mountable) mounted.set(name, mount(name, fixture.render));
    const all = [...mounted.values()];
    await settle(all);
    // A parent rendering again with equal props is the commonest thing that happens to a component, and DataTable's
    // old `columnFilters = []` loop started only then: its first renders came before TanStack Table armed its reset.
    for (const fixture of all) fixture.render();
    await settle(all);
    idle = await idleFor(all, idleSeconds);
  }, 90_000);

  afterAll(() => {
    for (const fixture of mounted.values()) unmount(fixture);
    style.remove();
    vi.useRealTimers();
  });

  test('has a fixture for every component the entry points export, and none for one they do not', () => {
    const missing = [...exported.keys()].filter((name) => !(name in fixtures));
    const unknown = Object.keys(fixtures).filter((name) => !exported.has(name));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
  });

  test('renders each part inside the fixture that says it does', () => {
    const notRendered = Object.entries(fixtures).flatMap(([name, fixture]) => {
      const hostName = 'inside' in fixture ? fixture.inside : name;
      const host = mounted.get(hostName);
      if (!host) return [`${name}: ${hostName} has no fixture of its own`];
      return renderedTypes(host.container).has(exported.get(name)) ? [] : [`${name}: not rendered by ${hostName}`];
    });
    expect(notRendered).toEqual([]);
  });

  test(`renders nothing in ${idleSeconds} s of idle but what changes its text`, () => {
    const busy = [...idle]
      .filter(([, { renders, textChanges }]) => renders > textChanges)
      .map(([name, { renders, textChanges }]) => `${name}: ${renders} renders, text changed ${textChanges} times`);
    expect(busy).toEqual([]);
  });

  test('keeps every clock that has something to show moving', () => {
    const wrong = mountable.flatMap(([name, { textChanges = 0 }]) => {
      const seen = idle.get(name)?.textChanges;
      return seen === textChanges ? [] : [`${name}: text changed ${seen} times, expected ${textChanges}`];
    });
    expect(wrong).toEqual([]);
  });
});

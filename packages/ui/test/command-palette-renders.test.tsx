// A keystroke in the CommandPalette touches what it changes: an item showing what it showed before is left alone
// (not rendered again, not re-registered with cmdk, its DOM untouched), which is what keeps a keystroke within a
// frame at 100,000 orders (tests/perf/ui); and Enter still runs the item as the app gave it last, not as it was
// when the item last rendered.
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CommandPalette, type CommandPaletteGroup } from '../src';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const actions = ['New order', 'Sync now', 'Dark theme'];

/** An app that lists its actions matching the search, each running with the search it was given at. */
function Palette({ ran }: { ran: string[] }) {
  const [search, setSearch] = useState('');
  const groups: CommandPaletteGroup[] = [
    {
      heading: 'Actions',
      items: actions
        .filter((label) => label.toLowerCase().includes(search.toLowerCase()))
        .map((label) => ({ id: label, label, onSelect: () => ran.push(`${label} at "${search}"`) })),
    },
  ];
  return <CommandPalette open groups={groups} search={search} onSearchChange={setSearch} shouldFilter={false} />;
}

describe('CommandPalette keystrokes', () => {
  const container = document.createElement('div');
  let root: Root;
  /** the items whose DOM changed, other than being selected or not */
  let touched: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const item = (record.target instanceof Element ? record.target : record.target.parentElement)?.closest(
        '[cmdk-item]',
      );
      if (item && !['aria-selected', 'data-selected'].includes(record.attributeName ?? ''))
        touched.push(item.textContent ?? '');
    }
  });

  beforeEach(() => {
    document.body.append(container);
    root = createRoot(container);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });

  afterEach(() => {
    observer.disconnect();
    act(() => root.unmount());
    container.remove();
  });

  const input = () => document.querySelector('[data-slot="command-palette-input"]') as HTMLInputElement;
  const type = (text: string) =>
    act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input(), text);
      input().dispatchEvent(new Event('input', { bubbles: true }));
    });
  const shown = () => [...document.querySelectorAll('[cmdk-item]')].map((item) => item.textContent);

  test('leave the items that show the same alone, and Enter runs the item as last given', async () => {
    const ran: string[] = [];
    await act(async () => root.render(<Palette ran={ran} />));
    expect(shown()).toEqual(actions);

    // fewer matches: the ones still listed show what they showed, and are left alone
    touched = [];
    await type('n');
    expect(shown()).toEqual(['New order', 'Sync now']);
    await type('ne');
    expect(shown()).toEqual(['New order']);
    expect(touched).toEqual([]);

    // Enter runs the first item with what the app gave it at this search, not at the search it last rendered at
    await act(async () => {
      input().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    });
    expect(ran).toEqual(['New order at "ne"']);
  });
});

'use client';
// Ctrl/Cmd+K: a searchable list of everything a person can go to or do, grouped (pages, records, actions).
// Arrow keys move, Enter runs the selected item, Escape closes and returns focus where it was. Enter pressed while
// the app is still looking up matches for what was just typed runs the first one as soon as it arrives (never one
// of the last search's, which stay on screen meanwhile rather than flashing away).
import { Command, useCommandState } from 'cmdk';
import { SearchIcon } from 'lucide-react';
import { createContext, memo, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { cn } from '../../lib/cn';
import { useReturnFocus } from '../../lib/use-return-focus';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../dialog/dialog';
import { Kbd } from '../kbd/kbd';
import { useCommandPaletteHotkey } from './use-command-palette-hotkey';

export interface CommandPaletteItem {
  id: string;
  label: string;
  /** extra words that find it (a customer's name for an order) */
  keywords?: string[];
  /** shown on the right: a status, a shortcut */
  hint?: React.ReactNode;
  icon?: React.ReactNode;
  /**
   * Running it puts focus somewhere itself (goes to a page, opens a dialog), so the palette does not return focus
   * to where it was when it closes.
   */
  movesFocus?: boolean;
  onSelect: () => void;
}

export interface CommandPaletteGroup {
  heading: string;
  items: readonly CommandPaletteItem[];
}

export type CommandPaletteProps = {
  groups: readonly CommandPaletteGroup[];
  placeholder?: string;
  /** Controlled open state; uncontrolled when omitted. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The search text, for apps that compute items from it (large lists); `shouldFilter={false}` then. */
  search?: string;
  onSearchChange?: (search: string) => void;
  /** Let the palette filter the given items by the search (default true). */
  shouldFilter?: boolean;
  /** Open on Ctrl/Cmd+K (default true); false where the app listens with `useCommandPaletteHotkey` itself. */
  hotkey?: boolean;
  emptyText?: string;
  /**
   * The app is still looking up matches for the search (records from a database, with `shouldFilter={false}`): the
   * list is marked busy, and an Enter pressed meanwhile runs the first match once the answer is there (the items
   * shown until then may be the last search's).
   */
  loading?: boolean;
};

export function CommandPalette({
  groups,
  placeholder = 'Search pages, records and actions…',
  open: openProp,
  onOpenChange,
  search,
  onSearchChange,
  shouldFilter = true,
  hotkey = true,
  emptyText = 'Nothing matches.',
  loading = false,
}: CommandPaletteProps) {
  const [openState, setOpenState] = useState(false);
  const open = openProp ?? openState;
  const setOpen = (next: boolean) => {
    if (openProp === undefined) setOpenState(next);
    onOpenChange?.(next);
  };

  useCommandPaletteHotkey(() => setOpen(!open), hotkey);

  const returnFocus = useReturnFocus(open);
  // the item last run, until the dialog has closed: whether focus goes back where it was
  const ran = useRef<CommandPaletteItem | null>(null);
  const run = (item: CommandPaletteItem) => {
    ran.current = item;
    setOpen(false);
    item.onSelect();
  };

  // an Enter pressed while matches were still loading: the items shown may answer the last search, not this one
  const [heldEnter, setHeldEnter] = useState(false);
  const first = groups.find((group) => group.items.length > 0)?.items[0];
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the loading ends, with that render's items
  useEffect(() => {
    if (!heldEnter || loading) return;
    setHeldEnter(false);
    if (first) run(first);
  }, [heldEnter, loading]);

  // The dialog and its frame render once per opening, not per key: their handlers are made once and read this
  // render's props and items from here (an item run is looked up by its value among the groups last rendered).
  const latest = useRef({ groups, run, setOpen, loading, onSearchChange, returnFocus });
  useLayoutEffect(() => {
    latest.current = { groups, run, setOpen, loading, onSearchChange, returnFocus };
  });
  const handlers = useMemo<PaletteHandlers>(
    () => ({
      onOpenChange: (next) => latest.current.setOpen(next),
      onKeyDown: (event) => {
        if (event.key !== 'Enter' || !latest.current.loading) return;
        event.preventDefault();
        setHeldEnter(true);
      },
      onCloseAutoFocus: (event) => {
        if (ran.current?.movesFocus) event.preventDefault();
        else latest.current.returnFocus(event);
        ran.current = null;
      },
      onSearchChange: (next) => {
        setHeldEnter(false);
        latest.current.onSearchChange?.(next);
      },
      runValue: (value) => {
        const item = latest.current.groups
          .flatMap((group) => group.items.map((entry) => ({ entry, value: itemValue(group, entry) })))
          .find((candidate) => candidate.value === value)?.entry;
        if (item) latest.current.run(item);
      },
    }),
    [],
  );

  const shown: PaletteShown = {
    search,
    placeholder,
    groups,
    busy: loading,
    emptyText: loading ? 'Searching…' : emptyText,
    handlers,
  };
  return (
    <PaletteShownContext value={shown}>
      <PaletteDialog open={open} shouldFilter={shouldFilter} handlers={handlers} />
    </PaletteShownContext>
  );
}

/** The palette's handlers, made once (see CommandPalette). */
interface PaletteHandlers {
  onOpenChange: (open: boolean) => void;
  onKeyDown: (event: React.KeyboardEvent) => void;
  onCloseAutoFocus: (event: Event) => void;
  onSearchChange: (search: string) => void;
  runValue: (value: string) => void;
}

/** What changes from key to key: read by the input and the results, the only parts a keystroke renders. */
interface PaletteShown {
  search: string | undefined;
  placeholder: string;
  groups: readonly CommandPaletteGroup[];
  busy: boolean;
  emptyText: string;
  handlers: PaletteHandlers;
}

const PaletteShownContext = createContext<PaletteShown | null>(null);

function usePaletteShown(): PaletteShown {
  const shown = useContext(PaletteShownContext);
  if (!shown) throw new Error('Part of CommandPalette, rendered outside it.');
  return shown;
}

/**
 * The dialog and its frame, rendered again only when it opens or closes: a keystroke renders the input and the
 * results inside it (through the context), not the dialog's layers (focus trap, dismissable layer, scroll lock).
 */
const PaletteDialog = memo(function PaletteDialog({
  open,
  shouldFilter,
  handlers,
}: {
  open: boolean;
  shouldFilter: boolean;
  handlers: PaletteHandlers;
}) {
  return (
    <Dialog open={open} onOpenChange={handlers.onOpenChange}>
      <DialogContent
        data-slot="command-palette"
        className="gap-0 overflow-hidden p-0 sm:max-w-lg"
        showCloseButton={false}
        // no blur behind it: the list repaints on every key, and where the browser composites in software (no GPU)
        // each repaint blurs the whole page behind again, several times the work of the keystroke itself
        overlayClassName="backdrop-blur-none"
        onCloseAutoFocus={handlers.onCloseAutoFocus}
      >
        <DialogTitle className="sr-only">Command palette</DialogTitle>
        <DialogDescription className="sr-only">Type to search, arrow keys to move, Enter to open.</DialogDescription>
        <Command
          label="Command palette"
          shouldFilter={shouldFilter}
          onKeyDown={handlers.onKeyDown}
          className="flex flex-col"
        >
          <div className="flex items-center gap-2 border-border border-b px-3">
            <SearchIcon aria-hidden="true" className="size-4 text-foreground-muted" />
            <PaletteInput />
            <Kbd>Esc</Kbd>
          </div>
          <PaletteResults />
        </Command>
      </DialogContent>
    </Dialog>
  );
});

function PaletteInput() {
  const { search, placeholder, handlers } = usePaletteShown();
  return (
    <Command.Input
      data-slot="command-palette-input"
      value={search}
      onValueChange={handlers.onSearchChange}
      placeholder={placeholder}
      className="h-12 flex-1 bg-transparent text-sm outline-none placeholder:text-foreground-subtle"
    />
  );
}

function PaletteResults() {
  const { groups, busy, emptyText, handlers } = usePaletteShown();
  return (
    <PaletteList emptyText={emptyText} busy={busy}>
      {groups
        .filter((group) => group.items.length > 0)
        .map((group) => (
          <Command.Group
            key={group.heading}
            heading={group.heading}
            className="[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-foreground-muted [&_[cmdk-group-heading]]:text-xs"
          >
            {group.items.map((item) => (
              <PaletteItem
                key={item.id}
                value={itemValue(group, item)}
                label={item.label}
                keywords={item.keywords}
                hint={item.hint}
                icon={item.icon}
                onRun={handlers.runValue}
              />
            ))}
          </Command.Group>
        ))}
    </PaletteList>
  );
}

/** An item's value for cmdk: unique across the groups (a page and a machine may share an id). */
const itemValue = (group: CommandPaletteGroup, item: CommandPaletteItem) => `${group.heading}:${item.id}`;

const itemClass = cn(
  'flex cursor-pointer items-center gap-2 rounded-md px-2 py-2 text-sm',
  'data-[selected=true]:bg-accent data-[selected=true]:text-accent-foreground [&_svg]:size-4',
);

interface PaletteItemProps {
  value: string;
  label: string;
  keywords: readonly string[] | undefined;
  hint: React.ReactNode;
  icon: React.ReactNode;
  onRun: (value: string) => void;
}

/**
 * One item. A key typed renders the palette again (twice where the app looks matches up: busy, then the answer)
 * while most items stay what they were: memoised on what it shows, an unchanged item is left alone, neither
 * rendered nor re-registered with cmdk, so a keystroke costs the items that changed only.
 */
const PaletteItem = memo(function PaletteItem({ value, label, keywords, hint, icon, onRun }: PaletteItemProps) {
  return (
    <Command.Item
      value={value}
      keywords={[label, ...(keywords ?? [])]}
      onSelect={() => onRun(value)}
      className={itemClass}
    >
      {icon}
      {/* labels wrap, never truncate: two machines or customers may differ only at the end */}
      <span className="min-w-0 flex-1 wrap-anywhere">{label}</span>
      {hint ? <span className="shrink-0 text-foreground-muted text-xs">{hint}</span> : null}
    </Command.Item>
  );
});

/**
 * The results, or what to say when there are none. An empty list is hidden rather than shown bare: a listbox
 * without options is invalid for assistive technology, and "Nothing matches" is no option.
 */
function PaletteList({ emptyText, busy, children }: { emptyText: string; busy: boolean; children: React.ReactNode }) {
  const empty = useCommandState((state) => state.filtered.count === 0);
  return (
    <>
      <Command.List
        data-slot="command-palette-list"
        hidden={empty}
        aria-busy={busy}
        className="max-h-80 overflow-y-auto p-2"
      >
        {children}
      </Command.List>
      {empty ? (
        <p data-slot="command-palette-empty" className="py-6 text-center text-foreground-muted text-sm">
          {emptyText}
        </p>
      ) : null}
    </>
  );
}

'use client';
import { DELETED, jsonEqual } from '@syncline/protocol';
// Three-way conflict resolution, field by field: base, local (this device) and server side by side, conflicts
// first and unchanged fields behind a toggle. Each conflict takes local, server, base or a custom value typed in
// place; fields changed on one side only are already merged. Keyboard: j / k move between conflicts, 1 / 2 / 3 pick
// local / server / base, Enter applies. Rows are virtualised, so a document of a thousand fields stays smooth.
import { useVirtualizer } from '@tanstack/react-virtual';
import { RadioGroup as RadioGroupPrimitive } from 'radix-ui';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '../../components/button/button';
import { Kbd } from '../../components/kbd/kbd';
import { cn } from '../../lib/cn';
import {
  buildResolvedDocument,
  defaultIgnoredFields,
  diffDocuments,
  type FieldChoice,
  type FieldDecision,
  type FieldDiff,
  type FieldLabels,
  fieldKey,
  fieldLabel,
  formatSummary,
  type JsonObject,
  type JsonValue,
  summarize,
} from './conflict-model';
import { editableText, FieldValue, parseEditableText } from './field-value';

export interface ConflictResolution {
  /** The document to write, or `null` to keep it deleted. */
  document: JsonObject | null;
  /**
   * The choice made for each conflicting field, by field key (`fieldKey(path)`); for delete versus edit, the one
   * choice of which document to keep, under the `_deleted` field.
   */
  decisions: Record<string, FieldDecision>;
}

export type ConflictDiffViewerProps = Omit<React.ComponentProps<'section'>, 'children' | 'title'> & {
  /** What both sides started from (RxDB's assumedMasterState); null when both created the document. */
  base: JsonObject | null;
  /** This device's version; null when it deleted the document. */
  local: JsonObject | null;
  /** The server's version; null when the server deleted it. */
  server: JsonObject | null;
  title?: React.ReactNode;
  /** The document's identity and context under the title (for an order: number, customer, status). */
  context?: React.ReactNode;
  /** What a person calls each field, by dotted path (a schema's `title`s); fields without one show their name. */
  fieldLabels?: FieldLabels;
  /** Move focus into the review when it opens, so j/k and 1/2/3 work at once (default true). */
  autoFocus?: boolean;
  /** Fields left out of the comparison (server-managed); their server values are kept. */
  ignoreFields?: readonly string[];
  onApply: (resolution: ConflictResolution) => void;
  onCancel?: () => void;
  defaultShowUnchanged?: boolean;
  /** Maximum height of the scrolling field list in px. */
  listHeight?: number;
};

type Decision = FieldDecision & { draft?: string; error?: string };
const sides = ['base', 'local', 'server'] as const;
const shortcut: Record<FieldChoice, string | null> = { local: '1', server: '2', base: '3', custom: null };
const sideName = { base: 'Base', local: 'Local', server: 'Server' } as const;
const changeNote = {
  unchanged: 'Unchanged',
  local: 'Merged: local change',
  server: 'Merged: server change',
  both: 'Merged: same change on both',
  conflict: 'Conflict',
} as const;
const gridColumns = 'grid grid-cols-[minmax(7rem,0.8fr)_repeat(3,minmax(0,1fr))] gap-2';

function sideNote(value: JsonValue | undefined, base: JsonValue | undefined): string | null {
  if (jsonEqual(value, base)) return null;
  if (value === undefined) return 'removed';
  if (base === undefined) return 'added';
  return 'edited';
}

function cellClasses(selected: boolean) {
  return cn(
    'relative flex min-h-10 min-w-0 flex-col gap-1 rounded-md border p-2 text-left',
    selected ? 'border-primary bg-primary-subtle ring-1 ring-primary' : 'border-border-subtle bg-surface',
  );
}

function CellCaption({ note, kept, keyHint }: { note: string | null; kept?: string; keyHint?: string | null }) {
  if (!note && !kept && !keyHint) return null;
  return (
    <span className="flex items-center gap-1.5 text-foreground-muted text-xs">
      {kept ? <span className="font-medium text-primary-text">{kept}</span> : null}
      {note ? <span>{note}</span> : null}
      {keyHint ? (
        <Kbd aria-hidden="true" className="ml-auto">
          {keyHint}
        </Kbd>
      ) : null}
    </span>
  );
}

interface RowProps {
  field: FieldDiff;
  decision?: Decision;
  active: boolean;
  deletedSide: 'local' | 'server' | null;
  labels: FieldLabels | undefined;
  onDecide: (field: FieldDiff, choice: FieldChoice) => void;
  onCustomText: (field: FieldDiff, text: string) => void;
  onFocusRow: (field: FieldDiff) => void;
}

/** A field's name: a person's label as text, a bare path in code type. */
function FieldName({ label, named }: { label: string; named: boolean }) {
  return (
    <span className={cn('break-all font-medium text-foreground', named ? 'text-sm' : 'font-mono text-xs')}>
      {label}
    </span>
  );
}

function ConflictRow({ field, decision, active, labels, onDecide, onCustomText, onFocusRow }: RowProps) {
  const label = fieldLabel(field, labels);
  const editorId = useId();
  return (
    <RadioGroupPrimitive.Root
      data-slot="conflict-field"
      data-change="conflict"
      data-field-key={field.key}
      data-active={active || undefined}
      aria-label={`${label}: choose a value`}
      value={decision?.choice ?? ''}
      onValueChange={(choice) => onDecide(field, choice as FieldChoice)}
      onFocus={() => onFocusRow(field)}
      orientation="horizontal"
      className={cn(
        gridColumns,
        'rounded-lg border border-transparent p-1.5',
        active && 'border-sync-conflict bg-background-subtle',
      )}
    >
      <div className="flex min-w-0 flex-col gap-1 p-1">
        <FieldName label={label} named={Boolean(labels)} />
        <span className="flex items-center gap-1 text-foreground-muted text-xs">
          <span aria-hidden="true" className="size-2 rounded-full bg-sync-conflict" />
          {decision ? `Decided: ${decision.choice}` : 'Conflict: choose a value'}
        </span>
        <RadioGroupPrimitive.Item
          value="custom"
          aria-label={`Custom value for ${label}`}
          className={cn(
            'w-fit cursor-pointer rounded-sm border px-1.5 py-0.5 text-xs outline-none focus-visible:ring-2 focus-visible:ring-ring',
            decision?.choice === 'custom'
              ? 'border-primary bg-primary-subtle text-foreground'
              : 'border-border text-foreground',
          )}
        >
          {decision?.choice === 'custom' ? 'Custom ✓' : 'Custom…'}
        </RadioGroupPrimitive.Item>
      </div>
      {sides.map((side) => {
        const selected = decision?.choice === side;
        return (
          <RadioGroupPrimitive.Item
            key={side}
            value={side}
            data-side={side}
            className={cn(
              cellClasses(selected),
              'cursor-pointer outline-none hover:border-border-strong focus-visible:ring-2 focus-visible:ring-ring',
            )}
          >
            <span className="sr-only">{sideName[side]}: </span>
            <FieldValue value={field[side]} against={side === 'base' ? undefined : field.base} />
            <CellCaption
              note={side === 'base' ? null : sideNote(field[side], field.base)}
              kept={selected ? 'Chosen' : undefined}
              keyHint={shortcut[side]}
            />
          </RadioGroupPrimitive.Item>
        );
      })}
      {decision?.choice === 'custom' ? (
        <div className="col-span-full grid gap-1 px-1">
          <label htmlFor={editorId} className="text-foreground text-xs">
            Custom value for <span className="font-mono">{label}</span>
            {typeof field.local === 'string' || typeof field.server === 'string' ? '' : ' (JSON)'}
          </label>
          <textarea
            id={editorId}
            data-slot="conflict-custom-editor"
            value={decision.draft ?? ''}
            onChange={(event) => onCustomText(field, event.target.value)}
            aria-invalid={decision.error ? true : undefined}
            rows={Math.min(8, Math.max(2, (decision.draft ?? '').split('\n').length))}
            className="w-full rounded-md border border-input bg-surface px-2 py-1.5 font-mono text-foreground text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-error"
          />
          {decision.error ? <p className="text-error-text text-xs">{decision.error}</p> : null}
        </div>
      ) : null}
    </RadioGroupPrimitive.Root>
  );
}

function MergedRow({ field, deletedSide, labels }: RowProps) {
  const label = fieldLabel(field, labels);
  const winner = field.change === 'server' ? 'server' : field.change === 'unchanged' ? null : 'local';
  return (
    <fieldset
      aria-label={`${label}: ${changeNote[field.change].toLowerCase()}`}
      data-slot="conflict-field"
      data-change={field.change}
      className={cn(gridColumns, 'min-w-0 p-1.5')}
    >
      <div className="flex min-w-0 flex-col gap-1 p-1">
        <FieldName label={label} named={Boolean(labels)} />
        <span className="text-foreground-muted text-xs">{changeNote[field.change]}</span>
      </div>
      {sides.map((side) => {
        const deleted = side === deletedSide;
        const kept = !deletedSide && (winner === side || (field.change === 'both' && side === 'server'));
        return (
          <div key={side} data-side={side} className={cellClasses(kept)}>
            <span className="sr-only">{sideName[side]}: </span>
            <FieldValue value={field[side]} against={side === 'base' ? undefined : field.base} deleted={deleted} />
            <CellCaption
              note={side === 'base' || deleted ? null : sideNote(field[side], field.base)}
              kept={kept ? 'Kept' : undefined}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

function assignRef<T>(ref: React.Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

export function ConflictDiffViewer({
  base,
  local,
  server,
  title = 'Resolve conflict',
  context,
  fieldLabels,
  autoFocus = true,
  ignoreFields = defaultIgnoredFields,
  onApply,
  onCancel,
  defaultShowUnchanged = false,
  listHeight = 480,
  className,
  ref,
  ...props
}: ConflictDiffViewerProps) {
  const deletedSide: 'local' | 'server' | null =
    local === null && server !== null ? 'local' : server === null && local !== null ? 'server' : null;
  const fields = useMemo(
    () =>
      diffDocuments(
        base,
        deletedSide === 'local' ? base : local,
        deletedSide === 'server' ? base : server,
        ignoreFields,
      ),
    [base, local, server, deletedSide, ignoreFields],
  );
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [documentChoice, setDocumentChoice] = useState<'local' | 'server' | 'base' | ''>('');
  const [showUnchanged, setShowUnchanged] = useState(defaultShowUnchanged);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const rootRef = useRef<HTMLElement | null>(null);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const headingId = useId();
  const listId = useId();

  const conflictKeys = useMemo(
    () => (deletedSide ? [] : fields.filter((field) => field.change === 'conflict').map((field) => field.key)),
    [fields, deletedSide],
  );
  const rows = useMemo(
    () => (showUnchanged ? fields : fields.filter((field) => field.change !== 'unchanged')),
    [fields, showUnchanged],
  );
  const summary = summarize(deletedSide ? [] : fields, decisions);
  const unchangedCount = fields.filter((field) => field.change === 'unchanged').length;
  const currentKey = activeKey ?? conflictKeys[0] ?? null;
  const canApply = deletedSide
    ? documentChoice !== ''
    : conflictKeys.every((key) => decisions[key] && !decisions[key].error);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 76,
    overscan: 6,
    getItemKey: (index) => rows[index]?.key ?? index,
  });

  const decide = useCallback((field: FieldDiff, choice: FieldChoice) => {
    setActiveKey(field.key);
    setDecisions((current) => {
      if (choice !== 'custom') return { ...current, [field.key]: { choice } };
      const previous = current[field.key];
      const seed = previous?.choice === 'custom' ? previous.custom : (field.local ?? field.server);
      const draft = previous?.draft ?? editableText(seed);
      return { ...current, [field.key]: { choice, custom: seed, draft } };
    });
  }, []);

  const editCustom = useCallback((field: FieldDiff, text: string) => {
    const parsed = parseEditableText(text, field.local ?? field.server ?? field.base);
    setDecisions((current) => ({
      ...current,
      [field.key]: parsed.ok
        ? { choice: 'custom', custom: parsed.value, draft: text }
        : { ...current[field.key], choice: 'custom', draft: text, error: parsed.error },
    }));
  }, []);

  const decideAll = (choice: 'local' | 'server') => {
    if (deletedSide) {
      setDocumentChoice(choice);
      return;
    }
    setDecisions((current) => {
      const next = { ...current };
      for (const key of conflictKeys) next[key] = { choice };
      return next;
    });
  };

  const apply = useCallback(() => {
    if (!canApply) return;
    const plain: Record<string, FieldDecision> = {};
    for (const [key, { choice, custom }] of Object.entries(decisions))
      plain[key] = choice === 'custom' ? { choice, custom } : { choice };
    if (deletedSide && documentChoice) {
      const chosen = { base, local, server }[documentChoice];
      // delete versus edit is one decision, on the `_deleted` field: which side's document to keep
      onApply({
        document: chosen ? structuredClone(chosen) : null,
        decisions: { [fieldKey([DELETED])]: { choice: documentChoice } },
      });
      return;
    }
    onApply({ document: buildResolvedDocument(fields, plain, local, server, ignoreFields), decisions: plain });
  }, [canApply, decisions, deletedSide, documentChoice, base, local, server, fields, ignoreFields, onApply]);

  const focusField = useCallback(
    (key: string) => {
      const index = rows.findIndex((row) => row.key === key);
      if (index < 0) return;
      virtualizer.scrollToIndex(index, { align: 'auto' });
      requestAnimationFrame(() => {
        // by comparing the attribute, not a selector: CSS.escape is missing where there is no CSSOM (jsdom)
        const row = [...(rootRef.current?.querySelectorAll<HTMLElement>('[data-field-key]') ?? [])].find(
          (candidate) => candidate.dataset.fieldKey === key,
        );
        const target =
          row?.querySelector<HTMLElement>('[role="radio"][data-state="checked"]') ??
          row?.querySelector<HTMLElement>('[role="radio"][data-side]');
        target?.focus();
      });
    },
    [rows, virtualizer],
  );

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (target.closest('textarea, input, select, [contenteditable="true"]')) return;
      if (event.key === 'Enter') {
        const isRadio = target.getAttribute('role') === 'radio';
        if (!isRadio && target.closest('button, a')) return;
        event.preventDefault();
        apply();
        return;
      }
      if (event.key === 'j' || event.key === 'k') {
        if (conflictKeys.length === 0) return;
        event.preventDefault();
        const at = currentKey ? conflictKeys.indexOf(currentKey) : -1;
        const next = event.key === 'j' ? Math.min(conflictKeys.length - 1, at + 1) : Math.max(0, at < 0 ? 0 : at - 1);
        const key = conflictKeys[next] as string;
        setActiveKey(key);
        focusField(key);
        return;
      }
      const choice = ({ '1': 'local', '2': 'server', '3': 'base' } as const)[event.key as '1' | '2' | '3'];
      if (!choice) return;
      event.preventDefault();
      if (deletedSide) {
        setDocumentChoice(choice);
        return;
      }
      const field = fields.find((candidate) => candidate.key === currentKey);
      if (field) decide(field, choice);
    };
    root.addEventListener('keydown', onKeyDown);
    return () => root.removeEventListener('keydown', onKeyDown);
  }, [apply, conflictKeys, currentKey, deletedSide, fields, decide, focusField]);

  // Opening a review puts focus in it: on the first field to decide (or the review itself), so the keys work at once.
  const focusedOnOpen = useRef(false);
  useEffect(() => {
    if (!autoFocus || focusedOnOpen.current) return;
    focusedOnOpen.current = true;
    const first = conflictKeys[0];
    if (first) focusField(first);
    else rootRef.current?.focus({ preventScroll: true });
  }, [autoFocus, conflictKeys, focusField]);

  const rowProps = {
    deletedSide,
    labels: fieldLabels,
    onDecide: decide,
    onCustomText: editCustom,
    onFocusRow: (f: FieldDiff) => setActiveKey(f.key),
  };

  return (
    <section
      ref={(node) => {
        rootRef.current = node;
        assignRef(ref, node);
      }}
      data-slot="conflict-diff-viewer"
      aria-labelledby={headingId}
      tabIndex={-1}
      className={cn(
        'grid gap-3 rounded-lg border border-border bg-surface p-4 text-foreground focus-visible:outline-none',
        className,
      )}
      {...props}
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="grid gap-1">
          <h2 id={headingId} className="font-display font-semibold text-lg leading-tight">
            {title}
          </h2>
          {context ? (
            <div data-slot="conflict-context" className="text-foreground-muted text-sm">
              {context}
            </div>
          ) : null}
          <p data-slot="conflict-summary" role="status" aria-live="polite" className="text-foreground-muted text-sm">
            {deletedSide
              ? `${deletedSide === 'local' ? 'Deleted on this device, edited on the server' : 'Edited on this device, deleted on the server'} · ${documentChoice ? '1 of 1 decided' : '0 of 1 decided'}`
              : formatSummary(summary)}
          </p>
        </div>
        <p className="hidden items-center gap-1 text-foreground-muted text-xs sm:flex">
          <Kbd>j</Kbd>/<Kbd>k</Kbd> move · <Kbd>1</Kbd> local · <Kbd>2</Kbd> server · <Kbd>3</Kbd> base ·{' '}
          <Kbd>Enter</Kbd> apply
        </p>
      </header>

      {deletedSide ? (
        <RadioGroupPrimitive.Root
          data-slot="conflict-document-choice"
          aria-label="Keep the document deleted or edited?"
          value={documentChoice}
          onValueChange={(value) => setDocumentChoice(value as 'local' | 'server' | 'base')}
          className="grid gap-2 sm:grid-cols-3"
        >
          {(['local', 'server', 'base'] as const).map((side) => {
            const gone = side === deletedSide;
            const text =
              side === 'base' ? 'Restore the base version' : gone ? 'Keep it deleted' : `Keep the ${side} edit`;
            return (
              <RadioGroupPrimitive.Item
                key={side}
                value={side}
                className={cn(
                  cellClasses(documentChoice === side),
                  'cursor-pointer outline-none focus-visible:ring-2 focus-visible:ring-ring',
                )}
              >
                <span className="font-medium text-sm">
                  {sideName[side]}: {text}
                </span>
                <CellCaption
                  note={null}
                  kept={documentChoice === side ? 'Chosen' : undefined}
                  keyHint={shortcut[side]}
                />
              </RadioGroupPrimitive.Item>
            );
          })}
        </RadioGroupPrimitive.Root>
      ) : null}

      <section
        id={listId}
        ref={scrollRef}
        data-slot="conflict-field-list"
        aria-label="Fields"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
        tabIndex={0}
        style={{ maxHeight: listHeight }}
        className="overflow-auto rounded-md border border-border-subtle outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <div
          aria-hidden="true"
          className={cn(
            gridColumns,
            'sticky top-0 z-10 border-border-subtle border-b bg-surface-raised px-3 py-2 font-medium text-foreground-muted text-xs',
          )}
        >
          <span>Field</span>
          <span>Base</span>
          <span>{deletedSide === 'local' ? 'Local (deleted)' : 'Local (this device)'}</span>
          <span>{deletedSide === 'server' ? 'Server (deleted)' : 'Server'}</span>
        </div>
        {rows.length === 0 ? (
          <p className="p-4 text-foreground-muted text-sm">No field differs.</p>
        ) : (
          <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const field = rows[item.index] as FieldDiff;
              const isConflict = field.change === 'conflict' && !deletedSide;
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="absolute top-0 left-0 w-full border-border-subtle border-b px-1.5 py-0.5"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {isConflict ? (
                    <ConflictRow
                      field={field}
                      decision={decisions[field.key]}
                      active={field.key === currentKey}
                      {...rowProps}
                    />
                  ) : (
                    <MergedRow field={field} active={false} {...rowProps} />
                  )}
                </div>
              );
            })}
          </div>
        )}
      </section>

      <footer className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap gap-2">
          {unchangedCount > 0 ? (
            <Button
              size="sm"
              variant="link"
              aria-expanded={showUnchanged}
              aria-controls={listId}
              onClick={() => setShowUnchanged((shown) => !shown)}
            >
              {showUnchanged
                ? 'Hide unchanged fields'
                : `Show ${unchangedCount} unchanged ${unchangedCount === 1 ? 'field' : 'fields'}`}
            </Button>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="outline" onClick={() => decideAll('local')}>
            All local
          </Button>
          <Button size="sm" variant="outline" onClick={() => decideAll('server')}>
            All server
          </Button>
          {onCancel ? (
            <Button size="sm" variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
          <Button size="sm" onClick={apply} disabled={!canApply}>
            Apply
          </Button>
        </div>
      </footer>
    </section>
  );
}

// One side of one field as a person reads it: words added and removed against the base inside strings (jsdiff),
// items added and removed in arrays, and plain words for absent and deleted values. Insertions are underlined and
// deletions struck through, so the change reads without its colour.

import { type JsonValue, jsonEqual } from '@syncline/protocol';
import { diffArrays, diffWordsWithSpace } from 'diff';
import { cn } from '../../lib/cn';

const insClass = 'rounded-xs bg-success-subtle text-foreground underline decoration-success underline-offset-2';
const delClass = 'rounded-xs bg-error-subtle text-foreground line-through decoration-error';

function scalarText(value: JsonValue): string {
  if (typeof value === 'string') return value === '' ? '""' : value;
  return JSON.stringify(value);
}

function Absent({ deleted, empty }: { deleted?: boolean; empty?: boolean }) {
  return <span className="text-foreground-muted italic">{deleted ? 'Deleted' : empty ? 'Empty' : 'Not set'}</span>;
}

function WordDiff({ from, to }: { from: string; to: string }) {
  const parts = diffWordsWithSpace(from, to);
  return (
    <span data-slot="word-diff" className="whitespace-pre-wrap break-words">
      {parts.map((part, index) => {
        const key = `${index}-${part.added ? 'a' : part.removed ? 'r' : 'k'}`;
        if (part.added)
          return (
            <ins key={key} className={insClass}>
              {part.value}
            </ins>
          );
        if (part.removed)
          return (
            <del key={key} className={delClass}>
              {part.value}
            </del>
          );
        return <span key={key}>{part.value}</span>;
      })}
    </span>
  );
}

function ArrayDiff({ from, to }: { from: JsonValue[]; to: JsonValue[] }) {
  const parts = diffArrays(from, to, { comparator: (a, b) => jsonEqual(a, b) });
  const items = parts.flatMap((part, partIndex) =>
    part.value.map((item, itemIndex) => ({
      key: `${partIndex}-${itemIndex}`,
      item,
      mark: part.added ? ('added' as const) : part.removed ? ('removed' as const) : null,
    })),
  );
  if (items.length === 0) return <span className="text-foreground-muted italic">Empty list</span>;
  return (
    <ul data-slot="array-diff" className="grid gap-0.5">
      {items.map(({ key, item, mark }) => (
        <li key={key} className="font-mono text-xs">
          {mark === 'added' ? (
            <ins className={insClass}>+ {scalarText(item)}</ins>
          ) : mark === 'removed' ? (
            <del className={delClass}>− {scalarText(item)}</del>
          ) : (
            <span>{scalarText(item)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export interface FieldValueProps {
  value: JsonValue | undefined;
  /** Compare against this (the base) to show what changed; omit for the base column itself. */
  against?: JsonValue | undefined;
  /** The whole document is deleted on this side. */
  deleted?: boolean;
  className?: string;
}

export function FieldValue({ value, against, deleted, className }: FieldValueProps) {
  let body: React.ReactNode;
  if (deleted || value === undefined) body = <Absent deleted={deleted} />;
  else if (value === '' && against !== undefined && against !== '') body = <WordDiff from={against as string} to="" />;
  else if (value === '') body = <Absent empty />;
  else if (typeof value === 'string' && typeof against === 'string' && against !== value)
    body = <WordDiff from={against} to={value} />;
  else if (Array.isArray(value)) body = <ArrayDiff from={Array.isArray(against) ? against : value} to={value} />;
  else if (typeof value === 'string')
    body = <span className="whitespace-pre-wrap break-words">{scalarText(value)}</span>;
  else body = <span className="break-all font-mono text-xs">{scalarText(value)}</span>;
  return (
    <span data-slot="field-value" className={cn('block min-w-0 text-foreground text-sm', className)}>
      {body}
    </span>
  );
}

/** The value as text for the custom editor: strings as typed, everything else as JSON. */
export function editableText(value: JsonValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** Reads the custom editor's text back: strings stay strings when the field was a string, else JSON. */
export function parseEditableText(
  text: string,
  like: JsonValue | undefined,
): { ok: true; value: JsonValue } | { ok: false; error: string } {
  if (typeof like === 'string') return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch {
    return { ok: false, error: 'Not valid JSON: check quotes, commas and brackets.' };
  }
}

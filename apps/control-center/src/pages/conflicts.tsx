// Conflicts a person has to decide: the inbox across records, and the three-way viewer for one of them.
import { type ConflictChoice, type ConflictRecord, useConflicts, useResolveConflict } from '@syncline/data';
import { EmptyState, toast } from '@syncline/ui';
import {
  ConflictDiffViewer,
  ConflictInbox,
  type ConflictResolution,
  defaultIgnoredFields,
  type JsonObject,
} from '@syncline/ui/sync';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from './page-header';

function labelOf(record: ConflictRecord): string {
  const doc = record.server ?? record.local;
  if (record.collectionName === 'orders' && typeof doc.number === 'number') return `Order #${doc.number}`;
  if (typeof doc.name === 'string') return doc.name;
  return record.documentId;
}

/**
 * Fields the merge rules already settled are not a person's decision: the viewer shows only the fields the
 * conflict record holds (the `manual` ones, or `_deleted` for delete versus edit).
 */
export function settledFields(record: ConflictRecord): string[] {
  const keys = new Set([
    ...Object.keys(record.base ?? {}),
    ...Object.keys(record.local),
    ...Object.keys(record.server),
  ]);
  return [...defaultIgnoredFields, ...[...keys].filter((key) => !record.fields.includes(key))];
}

/** The viewer's decisions as the data layer's choices, for exactly the fields the conflict record holds. */
export function choicesFrom(record: ConflictRecord, resolution: ConflictResolution): Record<string, ConflictChoice> {
  const choices: Record<string, ConflictChoice> = {};
  for (const field of record.fields) {
    const decision = resolution.decisions[field];
    if (decision && decision.choice !== 'custom') choices[field] = decision.choice;
    else if (decision?.choice === 'custom') choices[field] = { custom: decision.custom };
    else choices[field] = { custom: resolution.document?.[field] };
  }
  return choices;
}

export function ConflictsPage() {
  const conflicts = useConflicts();
  const resolve = useResolveConflict();
  const navigate = useNavigate();
  const { conflictId } = useParams();
  const open = conflictId ? conflicts.find((record) => record.id === conflictId) : undefined;

  const resolveMany = async (ids: string[], keep: 'local' | 'server') => {
    for (const id of ids) {
      const record = conflicts.find((candidate) => candidate.id === id);
      if (record) await resolve(id, Object.fromEntries(record.fields.map((field) => [field, keep])));
    }
    toast.success(
      `${ids.length} conflict${ids.length === 1 ? '' : 's'} resolved, keeping ${keep === 'local' ? 'this device' : 'the server'}'s values`,
    );
  };

  return (
    <>
      <PageHeader
        title="Conflicts"
        description="Edits made on two sides that a rule could not settle. Nothing is lost until you decide."
      />
      {open ? (
        <ConflictDiffViewer
          title={labelOf(open)}
          base={(open.base ?? null) as JsonObject | null}
          local={open.local as JsonObject}
          server={open.server as JsonObject}
          ignoreFields={settledFields(open)}
          onCancel={() => navigate('/conflicts')}
          onApply={async (resolution) => {
            await resolve(open.id, choicesFrom(open, resolution));
            toast.success(`${labelOf(open)} resolved`);
            navigate('/conflicts');
          }}
        />
      ) : conflicts.length === 0 ? (
        <EmptyState title="No conflicts" description="Every change merged by its rules." />
      ) : (
        <ConflictInbox
          conflicts={[...conflicts]
            .sort((a, b) => b.detectedAt - a.detectedAt)
            .map((record) => ({
              id: record.id,
              collection: record.collectionName,
              documentId: record.documentId,
              documentLabel: labelOf(record),
              fields: record.fields,
              detectedAt: record.detectedAt,
            }))}
          onOpen={(id) => navigate(`/conflicts/${encodeURIComponent(id)}`)}
          onResolveBatch={(ids, keep) => void resolveMany(ids, keep)}
        />
      )}
    </>
  );
}

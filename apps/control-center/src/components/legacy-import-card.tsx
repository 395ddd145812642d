// "Data from the previous app" on the Settings page: the import of the old app's customers as it goes (a progress
// bar), then what it did: imported, already present (kept as they were) and not imported, each record with why.
// A pure view of the import's report; the Settings page wires it to the device's.
import type { ImportedRecordNote, ImportReport } from '@syncline/data';
import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  cn,
  Progress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@syncline/ui';
import { useId, useState } from 'react';
import { formatDateTime, plural } from '../lib/format';
import { LEGACY_CUSTOMERS_KEY, type LegacyCustomersHere, legacyNumberOf } from '../lib/legacy-customers';

/** A list of records with why, behind a button: long lists stay out of the way until asked for. */
function RecordNotes({ title, notes }: { title: string; notes: readonly ImportedRecordNote[] }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (notes.length === 0) return null;
  return (
    <div className="flex flex-col gap-2" data-slot="legacy-import-notes">
      <div>
        <Button variant="outline" size="sm" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Show'} {title.toLowerCase()} ({notes.length.toLocaleString()})
        </Button>
      </div>
      {open ? (
        <Table id={id} aria-label={title}>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Record</TableHead>
              <TableHead scope="col">Customer number</TableHead>
              <TableHead scope="col">Why</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {notes.map((note) => (
              <TableRow key={note.position} data-position={note.position}>
                <TableCell className="tabular-nums">{(note.position + 1).toLocaleString()}</TableCell>
                <TableCell className="font-mono text-xs">
                  {note.id === undefined ? '—' : legacyNumberOf(note.id)}
                </TableCell>
                <TableCell className="whitespace-normal">{note.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
}

function Running({ report }: { report: ImportReport }) {
  return (
    <>
      <Progress value={report.done} max={report.total ?? report.done} aria-label="Customers from the previous app" />
      <p role="status">
        Importing: {report.done.toLocaleString()} of {plural(report.total ?? report.done, 'record')} handled
        {report.notImported.length > 0 ? `, ${report.notImported.length.toLocaleString()} not imported so far` : ''}.
      </p>
    </>
  );
}

function Finished({ report }: { report: ImportReport }) {
  return (
    <>
      <p role="status">
        Done{report.finishedAt ? ` on ${formatDateTime(report.finishedAt)}` : ''}: {plural(report.done, 'record')},{' '}
        {report.imported.toLocaleString()} imported, {report.alreadyPresent.length.toLocaleString()} already present,{' '}
        {report.notImported.length.toLocaleString()} not imported.
      </p>
      {report.notImported.length > 0 ? (
        <p className="text-foreground-muted">
          Records not imported are still in the previous app’s data on this device: correct them there, or enter them as
          new customers.
        </p>
      ) : null}
    </>
  );
}

export function LegacyImportCard({
  here,
  report,
  className,
}: {
  here: LegacyCustomersHere;
  report: ImportReport | undefined;
  className?: string;
}) {
  const titleId = useId();
  if (here.kind === 'none' && !report) return null;
  return (
    <Card className={cn('max-w-3xl', className)} aria-labelledby={titleId} role="region" data-slot="legacy-import">
      <CardHeader>
        <CardTitle id={titleId}>Data from the previous app</CardTitle>
        <CardDescription>
          The customers the previous laundry app kept in this browser (<code>{LEGACY_CUSTOMERS_KEY}</code>), copied into
          this shop’s customers once. The old data stays as it was.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm">
        {here.kind === 'elsewhere' && !report ? (
          <p>They were taken into the workspace of {here.tenant}, the first shop opened on this device.</p>
        ) : !report ? (
          <p role="status">Found on this device: the import starts after the first sync with the server.</p>
        ) : report.state === 'failed' ? (
          <p role="alert">{report.problem}</p>
        ) : report.state === 'running' ? (
          <Running report={report} />
        ) : (
          <Finished report={report} />
        )}
        {report ? (
          <>
            <RecordNotes title="Not imported" notes={report.notImported} />
            <RecordNotes title="Already present" notes={report.alreadyPresent} />
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}

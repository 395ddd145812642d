// @vitest-environment jsdom
// useRecordImport as an app uses it: an import that runs in the background while a component is mounted, its
// progress and report shown as they change; unmounted half-way it stops after its batch, and mounted again it goes
// on from there. useImportReport shows the same report anywhere else in the app.

import { controlCenterSchemas } from '@syncline/domain';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  type ImportRecordsOptions,
  importRecords,
  readImportReport,
  type SynclineDatabase,
  SynclineProvider,
  useImportReport,
  useRecordImport,
} from '../src';
import { openLocalDatabase } from './open-local';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const collections = { customers: controlCenterSchemas.customers };
let database: SynclineDatabase<typeof collections>;

beforeEach(async () => {
  database = await openLocalDatabase('useimport', collections);
});

afterEach(async () => {
  cleanup();
  await database.remove();
});

const source = Array.from({ length: 60 }, (_, i) =>
  i === 4 ? { id: 'c-5' } : { id: `c-${i + 1}`, name: `Customer ${i + 1}`, orderCount: 0, createdAt: 1 },
);

function Runner({ options }: { options: ImportRecordsOptions<(typeof source)[number]> }) {
  const { report, error } = useRecordImport(options);
  if (error) return <p>{error}</p>;
  return <p>{report ? `${report.state}: ${report.done} of ${report.total}` : 'not started'}</p>;
}

function Summary() {
  const { report } = useImportReport('customers-v0');
  if (!report) return <p>no import</p>;
  return (
    <p>
      imported {report.imported}, not imported {report.notImported.length}: {report.notImported[0]?.reason}
    </p>
  );
}

const wrap = (children: React.ReactNode) => <SynclineProvider database={database}>{children}</SynclineProvider>;

it('runs in the background, stops when unmounted and goes on when mounted again', async () => {
  let batches = 0;
  const options: ImportRecordsOptions<(typeof source)[number]> = {
    importId: 'customers-v0',
    collection: 'customers',
    source,
    batchSize: 10,
    onProgress: () => {
      batches += 1;
    },
  };
  const first = render(wrap(<Runner options={{ ...options, pauseMs: 50 }} />));
  await waitFor(() => expect(screen.getByText(/^running: (10|20) of 60$/)).toBeTruthy());
  first.unmount();
  // a run joins the one under way, or, as that one was told to stop, starts after it has
  await importRecords(database, { ...options, signal: AbortSignal.abort() }).catch(() => undefined);
  const stopped = await readImportReport(database, 'customers-v0');
  expect(stopped).toMatchObject({ state: 'running' });
  expect(stopped?.done).toBeLessThan(60);
  const stoppedAt = batches;

  render(
    wrap(
      <>
        <Runner options={options} />
        <Summary />
      </>,
    ),
  );
  await waitFor(() => expect(screen.getByText('finished: 60 of 60')).toBeTruthy());
  expect(screen.getByText(/imported 59, not imported 1: Does not fit the customers schema/)).toBeTruthy();
  expect(await database.customers.count().exec()).toBe(59);
  expect(batches).toBeGreaterThan(stoppedAt);
});

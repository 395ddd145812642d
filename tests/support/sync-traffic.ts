// A flight recorder of what a device said to the sync server and heard back (GraphQL requests and answers, the
// live stream's frames, console errors), printed only when a test fails: a journey that fails under load in CI then
// shows which device sent what, and when, instead of only the assertion that gave up.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach } from 'vitest';

/** a long line keeps its start (the operation, the first ids) and its end (checkpoints, the answer's tail) */
const HEAD = 500;
const TAIL = 400;
const LINES = 400;

interface Recorder {
  name: string;
  page: Page;
  started: number;
  lines: string[];
  /** its page closed (a test's own cleanup may close it before the failure is printed) */
  closed: boolean;
}

const recorders = new Set<Recorder>();

/** A GraphQL body with its query text replaced by the operation's name: the variables and answers are the story. */
const compact = (text: string) =>
  text.replace(/"query":"(?:query|mutation|subscription) (\w+)(?:[^"\\]|\\.)*"/g, '"operation":"$1"');

const shorten = (line: string) =>
  line.length <= HEAD + TAIL
    ? line
    : `${line.slice(0, HEAD)} …(${line.length - HEAD - TAIL} chars)… ${line.slice(-TAIL)}`;

/** Records the page's sync traffic (and its context's, so a service worker's requests too) as `name`. */
export function recordSyncTraffic(page: Page, name: string, context: BrowserContext = page.context()): void {
  const recorder: Recorder = { name, page, started: Date.now(), lines: [], closed: false };
  recorders.add(recorder);
  page.on('close', () => {
    recorder.closed = true;
  });
  const note = (line: string) => {
    recorder.lines.push(`${String(Date.now() - recorder.started).padStart(6)} ms  ${shorten(compact(line))}`);
    if (recorder.lines.length > LINES) recorder.lines.shift();
  };
  const isSync = (url: string) => url.includes('/graphql') || url.includes('/sync/');
  page.on('console', (message) => {
    if (message.type() === 'error') note(`console error: ${message.text()}`);
  });
  page.on('websocket', (socket) => {
    note(`ws open ${socket.url()}`);
    socket.on('framesent', (frame) => note(`ws > ${String(frame.payload)}`));
    socket.on('framereceived', (frame) => note(`ws < ${String(frame.payload)}`));
    socket.on('close', () => note('ws closed'));
  });
  context.on('request', (request) => {
    if (isSync(request.url())) note(`${request.method()} ${request.url()} ${request.postData() ?? ''}`);
  });
  context.on('response', async (response) => {
    if (!isSync(response.url())) return;
    const body = await response.text().catch(() => '(no body)');
    note(`${response.status()} ${body}`);
  });
  context.on('requestfailed', (request) => {
    if (isSync(request.url())) note(`failed ${request.url()}: ${request.failure()?.errorText}`);
  });
}

/** Ids of documents whose records on each device are printed beside the traffic when the test fails. */
const watched = new Set<string>();

/**
 * Prints, if the test fails, every record of these documents each open device holds in IndexedDB: the collection's
 * own, RxDB's record of the server's state (its replication meta) and Syncline's sync state. A document that did
 * not follow a change then shows why (a local write RxDB waits to push, a missing record of the server's state).
 */
export function watchDocuments(...ids: string[]): void {
  for (const id of ids) watched.add(id);
}

/** In the page: every IndexedDB record whose JSON mentions one of `needles`, as "database/store: json". */
async function recordsMentioning(needles: string[]): Promise<string[]> {
  const found: string[] = [];
  const request = <T>(make: () => IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      const pending = make();
      pending.onsuccess = () => resolve(pending.result);
      pending.onerror = () => reject(pending.error);
    });
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    const database = await request(() => indexedDB.open(name));
    try {
      for (const store of Array.from(database.objectStoreNames)) {
        const rows = await request(() => database.transaction(store).objectStore(store).getAll());
        for (const row of rows) {
          const text = JSON.stringify(row);
          if (needles.some((needle) => text.includes(needle))) found.push(`${name}/${store}: ${text}`);
        }
      }
    } finally {
      database.close();
    }
  }
  return found;
}

async function printWatchedRecords(recorder: Recorder): Promise<void> {
  if (recorder.closed || watched.size === 0) return;
  const timeout = new Promise<string[]>((resolve) => setTimeout(() => resolve(['(no answer within 5 s)']), 5_000));
  const records = await Promise.race([
    recorder.page
      .evaluate(recordsMentioning, [...watched])
      .catch((error: Error) => [`(could not read: ${error.message})`]),
    timeout,
  ]);
  console.error(`\n--- local records of ${[...watched].join(', ')} on ${recorder.name} ---\n${records.join('\n')}\n`);
}

/** In a test file: after each test, prints the recorded traffic when the test failed; each test starts afresh. */
export function printSyncTrafficOnFailure(): void {
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      for (const recorder of recorders) {
        const { name, lines } = recorder;
        console.error(`\n--- sync traffic of ${name} (last ${lines.length} lines) ---\n${lines.join('\n')}\n`);
        await printWatchedRecords(recorder);
      }
    }
    watched.clear();
    for (const recorder of recorders) {
      if (recorder.closed) recorders.delete(recorder);
      else recorder.lines.length = 0;
    }
  });
  // one worker runs every e2e file (isolate: false): the next file records devices of its own
  afterAll(() => {
    recorders.clear();
    watched.clear();
  });
}

// A flight recorder of what a device said to the sync server and heard back (GraphQL requests and answers, the
// live stream's frames, console errors), printed only when a test fails: a journey that fails under load in CI then
// shows which device sent what, and when, instead of only the assertion that gave up.
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach } from 'vitest';

/** a long line keeps its start (the operation, the first ids) and its end (checkpoints, the answer's tail) */
const HEAD = 500;
const TAIL = 400;
const LINES = 400;

interface Recorder {
  name: string;
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
  const recorder: Recorder = { name, started: Date.now(), lines: [], closed: false };
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

/** In a test file: after each test, prints the recorded traffic when the test failed; each test starts afresh. */
export function printSyncTrafficOnFailure(): void {
  afterEach((context) => {
    if (context.task.result?.state === 'fail') {
      for (const { name, lines } of recorders) {
        console.error(`\n--- sync traffic of ${name} (last ${lines.length} lines) ---\n${lines.join('\n')}\n`);
      }
    }
    for (const recorder of recorders) {
      if (recorder.closed) recorders.delete(recorder);
      else recorder.lines.length = 0;
    }
  });
}

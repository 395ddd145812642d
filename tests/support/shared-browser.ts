// The end-to-end project's one Chromium (started by browser-server.ts), joined from a test file. Closing what this
// returns leaves the browser running for the next file and closes only the contexts this file opened.
import { type Browser, chromium } from 'playwright-core';
import { inject } from 'vitest';

export async function sharedBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserEndpoint'));
}

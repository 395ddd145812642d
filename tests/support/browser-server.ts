// Vitest global setup for the end-to-end project: one Chromium for the whole run, which every journey joins over
// its socket (a context of its own per device or test) instead of starting a browser per file.
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumArgs, resolveChromium } from '../../scripts/chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the WebSocket address of the project's Chromium, for playwright-core's `chromium.connect` */
    browserEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await chromium.launchServer({ executablePath: resolveChromium(), args: chromiumArgs, headless: true });
  project.provide('browserEndpoint', server.wsEndpoint());
  return async () => {
    await server.close();
  };
}

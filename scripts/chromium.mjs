// Finds the Chromium that browser tests and screenshots run in, and the flags it needs here.
// Order: CHROMIUM_PATH, Playwright's own browser (when a user installed one), /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Flags every launch needs on this kind of machine (root, no GPU, no outside network). */
export const chromiumArgs = [
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function playwrightOwnBrowser() {
  try {
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** @returns {string} an existing Chromium executable, or throws saying how to get one. */
export function resolveChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(
      `CHROMIUM_PATH is set to ${fromEnv}, but no file is there. Point it at a Chromium executable or unset it.`,
    );
  }
  const candidates = [playwrightOwnBrowser(), '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path) => path && existsSync(path));
  if (found) return found;
  throw new Error(
    'No Chromium found for browser tests. Install one (Debian/Ubuntu: `apt-get install -y chromium`; ' +
      'or `npx playwright install chromium` where downloads are allowed), or set CHROMIUM_PATH to its executable.',
  );
}

/** Launch options for playwright-core's chromium.launch(). */
export function chromiumLaunchOptions() {
  return { executablePath: resolveChromium(), args: chromiumArgs, headless: true };
}

// Launches the system Chromium (resolved by scripts/chromium.mjs) for end-to-end tests.
import { type Browser, chromium } from 'playwright-core';
import { chromiumArgs, resolveChromium } from '../../scripts/chromium.mjs';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: resolveChromium(), args: chromiumArgs, headless: true });
}

// Launches the system Chromium (resolved by scripts/chromium.mjs) for end-to-end tests.
import { type Browser, chromium } from 'playwright-core';
import { chromiumArgs, resolveChromium } from '../../scripts/chromium.mjs';

/** `extraArgs`: more Chromium switches, after the usual ones (a benchmark's `--js-flags=--expose-gc`). */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: resolveChromium(), args: [...chromiumArgs, ...extraArgs], headless: true });
}

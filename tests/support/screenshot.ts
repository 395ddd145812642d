// Compares a page screenshot with its committed baseline in tests/e2e/__screenshots__. A missing baseline is
// written and the comparison fails, so a new screen is reviewed before it counts; SYNCLINE_UPDATE_SCREENSHOTS=1
// rewrites baselines after an intended change.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import type { Page, PageScreenshotOptions } from 'playwright-core';
import { PNG } from 'pngjs';

export const screenshotDir = join(import.meta.dirname, '../e2e/__screenshots__');

export interface ScreenshotResult {
  ok: boolean;
  message: string;
}

/** How `actual` differs from the baseline `name`, with nothing written: `undefined` when there is no baseline. */
async function differenceFromBaseline(
  name: string,
  actual: Buffer,
  maxDiffRatio: number,
): Promise<(ScreenshotResult & { diff?: PNG }) | undefined> {
  const baselinePath = join(screenshotDir, `${name}.png`);
  if (!existsSync(baselinePath)) return undefined;
  const expected = PNG.sync.read(await readFile(baselinePath));
  const received = PNG.sync.read(actual);
  if (expected.width !== received.width || expected.height !== received.height) {
    return {
      ok: false,
      message: `"${name}" is ${received.width}×${received.height}, its baseline ${expected.width}×${expected.height}.`,
    };
  }
  const diff = new PNG({ width: expected.width, height: expected.height });
  const mismatched = pixelmatch(expected.data, received.data, diff.data, expected.width, expected.height, {
    threshold: 0.1,
  });
  const ratio = mismatched / (expected.width * expected.height);
  if (ratio <= maxDiffRatio) return { ok: true, message: `"${name}" matches (${mismatched} pixels differ)` };
  return {
    ok: false,
    diff,
    message: `"${name}" differs from its baseline in ${mismatched} pixels (${(ratio * 100).toFixed(2)}%); see ${name}.actual.png and ${name}.diff.png. If the change is intended: SYNCLINE_UPDATE_SCREENSHOTS=1 pnpm vitest run --project e2e`,
  };
}

export async function compareScreenshot(name: string, actual: Buffer, maxDiffRatio = 0.002): Promise<ScreenshotResult> {
  await mkdir(screenshotDir, { recursive: true });
  const baselinePath = join(screenshotDir, `${name}.png`);
  if (process.env.SYNCLINE_UPDATE_SCREENSHOTS === '1' || !existsSync(baselinePath)) {
    const existed = existsSync(baselinePath);
    await writeFile(baselinePath, actual);
    return existed
      ? { ok: true, message: `updated ${baselinePath}` }
      : { ok: false, message: `No baseline for "${name}"; wrote ${baselinePath}. Review it and run the tests again.` };
  }
  const { diff, ...result } = (await differenceFromBaseline(name, actual, maxDiffRatio)) as ScreenshotResult & {
    diff?: PNG;
  };
  if (result.ok) return result;
  await writeFile(join(screenshotDir, `${name}.actual.png`), actual);
  if (diff) await writeFile(join(screenshotDir, `${name}.diff.png`), PNG.sync.write(diff));
  return result;
}

/**
 * Compares the page with its baseline once it has settled, instead of after a fixed pause: fonts loaded, finite
 * animations finished and a frame painted, then one picture. When that picture differs from the baseline, the page
 * may still be moving: pictures are taken until two in a row are alike (as Playwright's `toHaveScreenshot` waits),
 * and that one is compared and reported.
 */
export async function compareSettledScreenshot(
  page: Page,
  name: string,
  options: PageScreenshotOptions,
  maxDiffRatio = 0.002,
): Promise<ScreenshotResult> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    const finite = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY);
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
    await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
  });
  const first = await page.screenshot(options);
  if (process.env.SYNCLINE_UPDATE_SCREENSHOTS !== '1') {
    const result = await differenceFromBaseline(name, first, maxDiffRatio);
    if (result?.ok) return result;
  }
  let previous = first;
  for (let attempt = 0; attempt < 10; attempt++) {
    const next = await page.screenshot(options);
    if (next.equals(previous)) break;
    previous = next;
  }
  return compareScreenshot(name, previous, maxDiffRatio);
}

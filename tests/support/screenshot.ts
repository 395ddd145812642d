// Compares a page screenshot with its committed baseline in tests/e2e/__screenshots__. A missing baseline is
// written and the comparison fails, so a new screen is reviewed before it counts; SYNCLINE_UPDATE_SCREENSHOTS=1
// rewrites baselines after an intended change.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export const screenshotDir = join(import.meta.dirname, '../e2e/__screenshots__');

export interface ScreenshotResult {
  ok: boolean;
  message: string;
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
  const expected = PNG.sync.read(await readFile(baselinePath));
  const received = PNG.sync.read(actual);
  if (expected.width !== received.width || expected.height !== received.height) {
    await writeFile(join(screenshotDir, `${name}.actual.png`), actual);
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
  await writeFile(join(screenshotDir, `${name}.actual.png`), actual);
  await writeFile(join(screenshotDir, `${name}.diff.png`), PNG.sync.write(diff));
  return {
    ok: false,
    message: `"${name}" differs from its baseline in ${mismatched} pixels (${(ratio * 100).toFixed(2)}%); see ${name}.actual.png and ${name}.diff.png. If the change is intended: SYNCLINE_UPDATE_SCREENSHOTS=1 pnpm vitest run --project e2e`,
  };
}

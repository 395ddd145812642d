// Builds @syncline/tokens from the DTCG source in src/ into build/: CSS variables (light, dark,
// system preference, reduced motion), a Tailwind v4 theme, a typed JS module, a tailwind-merge
// config and plain JSON. `node scripts/build.mjs [outDir]`; the drift test builds into a temp dir.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import StyleDictionary from 'style-dictionary';
import { formats } from './formats.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const themes = /** @type {const} */ (['light', 'dark']);

/** Resolves every token for one theme: primitives + that theme's semantic files + shared files + components. */
async function resolveTheme(theme, srcDir) {
  const sd = new StyleDictionary({
    log: { verbosity: 'silent', warnings: 'disabled' },
    usesDtcg: true,
    source: [
      join(srcDir, 'primitive/*.json'),
      join(srcDir, `semantic/*.${theme}.json`),
      join(srcDir, 'component/*.json'),
    ],
    platforms: { css: { transformGroup: 'css' } },
  });
  const { allTokens } = await sd.getPlatformTokens('css');
  // Primitives stay inside the source: outputs carry semantic and component tokens only.
  return allTokens
    .filter((token) => token.path[0] !== 'palette')
    .map((token) => ({
      name: token.path.join('-'),
      path: token.path,
      type: token.$type,
      value: String(token.$value),
      description: token.$description,
    }));
}

/**
 * @param {string} [srcDir] the DTCG source folder (default: src/)
 * @returns {Promise<Record<string, string>>} file name -> contents
 */
export async function renderTokens(srcDir = join(root, 'src')) {
  const resolved = Object.fromEntries(
    await Promise.all(themes.map(async (theme) => [theme, await resolveTheme(theme, srcDir)])),
  );
  return Object.fromEntries(Object.entries(formats).map(([file, format]) => [file, format(resolved)]));
}

export async function buildTokens(outDir = join(root, 'build')) {
  const files = await renderTokens();
  await mkdir(outDir, { recursive: true });
  await Promise.all(Object.entries(files).map(([file, contents]) => writeFile(join(outDir, file), contents)));
  return Object.keys(files);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ? resolve(process.argv[2]) : undefined;
  const written = await buildTokens(outDir);
  console.log(`@syncline/tokens: wrote ${written.join(', ')}`);
}

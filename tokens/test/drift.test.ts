// The committed build/ files are exactly what the DTCG source produces: edit src/, never build/.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderTokens } from '../scripts/build.mjs';

const packageRoot = join(import.meta.dirname, '..');
const fixCommand = 'run `pnpm tokens:build` and commit tokens/build/';

describe('generated token files', async () => {
  const rendered = await renderTokens();

  it('produces every output the package exports', () => {
    expect(Object.keys(rendered).sort()).toEqual(
      [
        'tailwind-merge.d.ts',
        'tailwind-merge.js',
        'theme.css',
        'tokens.css',
        'tokens.d.ts',
        'tokens.js',
        'tokens.json',
      ].sort(),
    );
  });

  it.each(Object.keys(rendered))('build/%s matches the source', async (file) => {
    const committed = await readFile(join(packageRoot, 'build', file), 'utf8').catch(() => '<missing>');
    expect(committed === rendered[file], `tokens/build/${file} has drifted from tokens/src: ${fixCommand}`).toBe(true);
  });

  describe('when the source changes', () => {
    let scratch = '';
    afterAll(async () => {
      if (scratch) await rm(scratch, { recursive: true, force: true });
    });

    it('the outputs change with it, so the comparison above can fail', async () => {
      scratch = await mkdtemp(join(tmpdir(), 'syncline-tokens-'));
      await cp(join(packageRoot, 'src'), scratch, { recursive: true });
      const palette = join(scratch, 'primitive/color.json');
      await writeFile(palette, (await readFile(palette, 'utf8')).replace('"#0A78FF"', '"#0A78FE"'));
      const changed = await renderTokens(scratch);
      expect(changed['tokens.css']).not.toEqual(rendered['tokens.css']);
      expect(changed['tokens.css']).toContain('#0a78fe');
      expect(changed['tokens.js']).toContain('#0a78fe');
    });
  });
});

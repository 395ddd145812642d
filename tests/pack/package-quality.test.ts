// Every package as published passes publint (its manifest, exports and files agree) and "are the types wrong"
// (each entry point's declarations resolve and match its JavaScript under every modern TypeScript resolution).
// The packages are ESM only, as their READMEs say: CommonJS `require` (node10, node16-cjs) is out of scope.
import { readFile } from 'node:fs/promises';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { problemAffectsResolutionKind, problemKindInfo } from '@arethetypeswrong/core/problems';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, inject, it } from 'vitest';
import { type PackageName, publishedPackages } from './kit-consumer';

const names = Object.keys(publishedPackages) as PackageName[];
/** The resolutions an ESM-only package must satisfy: bundlers, and Node's ESM loader. */
const esmResolutions = ['bundler', 'node16-esm'] as const;

describe.each(names)('%s as published', (name) => {
  it('passes publint with no error, warning or suggestion', async () => {
    const tarball = await readFile(inject('tarballs')[name]);
    const { messages, pkg } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
      level: 'suggestion',
      strict: true,
    });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`)).toEqual([]);
  });

  it('has types that are not wrong for bundlers and Node ESM (arethetypeswrong)', async () => {
    const tarball = await readFile(inject('tarballs')[name]);
    // Stylesheets (`./styles.css`, `./theme.css`) are for CSS imports, not modules TypeScript resolves.
    const analysis = await checkPackage(createPackageFromTarballData(tarball), { excludeEntrypoints: [/\.css$/] });
    if (!('problems' in analysis)) throw new Error(`${name} ships no types at all`);
    expect(Object.keys(analysis.entrypoints).length).toBeGreaterThan(0);
    const problems = analysis.problems.filter((problem) =>
      esmResolutions.some((kind) => problemAffectsResolutionKind(problem, kind, analysis)),
    );
    expect(problems.map((problem) => `${problemKindInfo[problem.kind].title}: ${JSON.stringify(problem)}`)).toEqual([]);
  });
});

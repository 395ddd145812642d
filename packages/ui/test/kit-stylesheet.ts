// Builds the kit's stylesheet (src/styles.css through the Tailwind CLI, as the package build does) once per run and
// hands it to the browser tests, so components render with their real layout: virtualised lists and scroll areas
// measure real sizes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    kitStylesheet: string;
  }
}

export default function setup(project: TestProject) {
  const cliPackage = createRequire(import.meta.url).resolve('@tailwindcss/cli/package.json');
  const cli = join(dirname(cliPackage), JSON.parse(readFileSync(cliPackage, 'utf8')).bin.tailwindcss);
  // Without --output the CLI writes the stylesheet to stdout (and its progress to stderr).
  const css = execFileSync(process.execPath, [cli, '--input', 'src/styles.css'], {
    cwd: resolve(import.meta.dirname, '..'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  project.provide('kitStylesheet', css);
}

// The "Embed Syncline in your app" guide (docs/embed-syncline.md) as the pack suite uses it: every fenced code
// block whose info string names a file (```tsx file=src/app.tsx) is that file of the throwaway app, so the guide
// is built, type-checked and run by the suite and cannot rot.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const guidePath = join(import.meta.dirname, '../../docs/embed-syncline.md');

/** Path in the app -> text, for every block of the guide that names a file. */
function namedBlocks(): Map<string, string> {
  const text = readFileSync(guidePath, 'utf8');
  const blocks = new Map<string, string>();
  for (const match of text.matchAll(/^```\w*[^\S\n]+file=(\S+)\n([\s\S]*?)^```$/gm)) {
    const [, path, body] = match;
    if (!path || body === undefined) continue;
    if (blocks.has(path)) throw new Error(`${guidePath} has two blocks for ${path}`);
    blocks.set(path, body);
  }
  return blocks;
}

/** The app's source files the guide gives (all but package.json, which the suite writes from the tarballs). */
export function guideFiles(): Map<string, string> {
  const files = namedBlocks();
  files.delete('package.json');
  if (files.size === 0) throw new Error(`${guidePath} names no files: its blocks need \`file=<path>\``);
  return files;
}

/** The `overrides` of the guide's package.json block. */
export function guideOverrides(): Record<string, string> {
  const manifest = namedBlocks().get('package.json');
  if (!manifest) throw new Error(`${guidePath} has no \`json file=package.json\` block`);
  const overrides = (JSON.parse(manifest) as { overrides?: Record<string, string> }).overrides;
  if (!overrides) throw new Error(`${guidePath}'s package.json block has no overrides`);
  return overrides;
}

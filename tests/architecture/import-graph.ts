// The workspace's source as a graph of imports, read the way TypeScript reads it: every static, type-only,
// re-export and dynamic import, resolved with the workspace's compiler options (`source` condition included, so
// `@syncline/*` lead to their src), and the import loops in it.
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export const workspaceRoot = resolve(import.meta.dirname, '../..');

/** Where the workspace's own code lives, relative to the root; `*` stands for one folder name. */
export const sourceRoots = ['tokens', 'packages/*/src', 'apps/*/src', 'apps/*/server'] as const;

const codeFile = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const skippedFolders = new Set(['node_modules', 'dist', '.tsbuild', 'storybook-static']);

export interface ImportEdge {
  /** The specifier as written. */
  specifier: string;
  /** The workspace file it resolves to (repo-relative, `/`-separated), or undefined for a dependency or an asset. */
  target: string | undefined;
}

export interface ImportGraph {
  /** Repo-relative, `/`-separated paths of every source file, sorted. */
  files: string[];
  /** Each file's imports, in the order written. */
  imports: Map<string, ImportEdge[]>;
}

/** A repo-relative, `/`-separated path. */
export function repoPath(absolute: string): string {
  return relative(workspaceRoot, absolute).split(sep).join('/');
}

function expandRoot(pattern: string): string[] {
  const [head, ...rest] = pattern.split('/*/');
  if (head === undefined) return [];
  const base = join(workspaceRoot, head);
  if (rest.length === 0) return [base];
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => expandRoot(`${head}/${entry.name}/${rest.join('/*/')}`));
}

function codeFilesUnder(folder: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return skippedFolders.has(entry.name) ? [] : codeFilesUnder(path);
    return entry.isFile() && codeFile.test(entry.name) ? [path] : [];
  });
}

/** The compiler options every project extends, with plain JavaScript files resolvable too. */
function workspaceCompilerOptions(): ts.CompilerOptions {
  const configPath = join(workspaceRoot, 'tsconfig.base.json');
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, workspaceRoot, undefined, configPath);
  return { ...options, allowJs: true };
}

export function readImportGraph(roots: readonly string[] = sourceRoots): ImportGraph {
  const options = workspaceCompilerOptions();
  const cache = ts.createModuleResolutionCache(workspaceRoot, (name) => name, options);
  const absoluteFiles = [...new Set(roots.flatMap(expandRoot).flatMap(codeFilesUnder))];
  const known = new Set(absoluteFiles.map(repoPath));
  const imports = new Map<string, ImportEdge[]>();
  for (const file of absoluteFiles) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const edges = importedFiles.map(({ fileName: specifier }): ImportEdge => {
      const { resolvedModule } = ts.resolveModuleName(specifier, file, options, ts.sys, cache);
      const target = resolvedModule ? repoPath(resolvedModule.resolvedFileName) : undefined;
      return { specifier, target: target !== undefined && known.has(target) ? target : undefined };
    });
    imports.set(repoPath(file), edges);
  }
  return { files: [...known].sort(), imports };
}

/** Each file's workspace files it imports, without repeats. */
function successors(graph: ImportGraph): Map<string, string[]> {
  return new Map(
    graph.files.map((file) => [
      file,
      [...new Set((graph.imports.get(file) ?? []).flatMap(({ target }) => (target === undefined ? [] : [target])))],
    ]),
  );
}

/** Groups of files that all reach each other through imports (Tarjan), only those with a loop. */
export function stronglyConnected(graph: ImportGraph): string[][] {
  const next = successors(graph);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;

  // Iterative, so a long chain of imports cannot overflow the call stack.
  for (const start of graph.files) {
    if (index.has(start)) continue;
    const work: { file: string; position: number }[] = [{ file: start, position: 0 }];
    index.set(start, counter);
    low.set(start, counter);
    counter += 1;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work.at(-1) as { file: string; position: number };
      const targets = next.get(frame.file) ?? [];
      if (frame.position < targets.length) {
        const target = targets[frame.position] as string;
        frame.position += 1;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter);
          counter += 1;
          stack.push(target);
          onStack.add(target);
          work.push({ file: target, position: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.file, Math.min(low.get(frame.file) as number, index.get(target) as number));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.file, Math.min(low.get(parent.file) as number, low.get(frame.file) as number));
      if (low.get(frame.file) !== index.get(frame.file)) continue;
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        group.push(member);
      } while (member !== frame.file);
      const loops = group.length > 1 || (next.get(frame.file) ?? []).includes(frame.file);
      if (loops) groups.push(group.sort());
    }
  }
  return groups.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

/** The shortest chain of imports from `file` back to itself, staying inside `group`. */
function shortestLoop(file: string, group: ReadonlySet<string>, next: Map<string, string[]>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [file];
  for (let head = 0; head < queue.length; head += 1) {
    const current = queue[head] as string;
    for (const target of next.get(current) ?? []) {
      if (!group.has(target)) continue;
      if (target === file) {
        const chain = [current];
        while (chain[0] !== file) chain.unshift(cameFrom.get(chain[0] as string) as string);
        return [...chain, file];
      }
      if (cameFrom.has(target)) continue;
      cameFrom.set(target, current);
      queue.push(target);
    }
  }
  return [file];
}

/**
 * Every import loop as chains of files (`a.ts -> b.ts -> a.ts`): per group of files caught in loops, the shortest
 * loop through each file not already in a chain, so every file of the group appears in at least one.
 */
export function importCycles(graph: ImportGraph): string[][] {
  const next = successors(graph);
  return stronglyConnected(graph).flatMap((group) => {
    const members = new Set(group);
    const covered = new Set<string>();
    const chains: string[][] = [];
    for (const file of group) {
      if (covered.has(file)) continue;
      const chain = shortestLoop(file, members, next);
      for (const link of chain) covered.add(link);
      chains.push(chain);
    }
    return chains;
  });
}

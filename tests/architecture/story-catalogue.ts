// What the Storybook catalogue and the kit's public surface are, read from source: the components `@syncline/ui`
// exports (as TypeScript sees its index) and each story file's meta (title, component, subcomponents, tags) and
// story names with their own tags. The catalogue test compares the two.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { repoPath, workspaceRoot } from './import-graph';

/** Every component `@syncline/ui` exports: its PascalCase values, each declared in a .tsx file of the kit. */
export function exportedComponents(): string[] {
  const index = join(workspaceRoot, 'packages/ui/src/index.ts');
  const program = ts.createProgram([index], {
    jsx: ts.JsxEmit.ReactJSX,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(index);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`cannot read the exports of ${index}`);
  return checker
    .getExportsOfModule(module)
    .filter((symbol) => /^[A-Z]/.test(symbol.name))
    .filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return (
        (target.flags & ts.SymbolFlags.Value) !== 0 &&
        (target.declarations ?? []).some((declaration) => declaration.getSourceFile().fileName.endsWith('.tsx'))
      );
    })
    .map((symbol) => symbol.name)
    .sort();
}

export interface StoryEntry {
  /** The story file, repo-relative. */
  file: string;
  title: string | undefined;
  /** The names in the meta's `subcomponents`. */
  subcomponents: string[];
  /** The meta's `tags`. */
  tags: string[];
  /** Whether the meta gives `args` or `argTypes` (the controls panel). */
  controls: boolean;
  /** The exported story names. */
  stories: string[];
  /** Each story's own `tags`, in the order of `stories`. */
  storyTags: string[][];
}

function storyFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('__')) return [];
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return storyFiles(path);
    return entry.name.endsWith('.stories.tsx') ? [path] : [];
  });
}

function unwrap(node: ts.Expression): ts.Expression {
  return ts.isSatisfiesExpression(node) || ts.isAsExpression(node) || ts.isParenthesizedExpression(node)
    ? unwrap(node.expression)
    : node;
}

/** The string literals of an array literal, e.g. a `tags` property. */
function strings(node: ts.Expression | undefined): string[] {
  return node && ts.isArrayLiteralExpression(node)
    ? node.elements.filter(ts.isStringLiteral).map((element) => element.text)
    : [];
}

function property(meta: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const member of meta.properties) {
    if (ts.isPropertyAssignment(member) && member.name.getText() === name) return unwrap(member.initializer);
    if (ts.isShorthandPropertyAssignment(member) && member.name.text === name) return member.name;
  }
  return undefined;
}

/** The meta of every story file under stories/. */
export function storyEntries(): StoryEntry[] {
  return storyFiles(join(workspaceRoot, 'stories'))
    .sort()
    .map((path) => {
      const source = ts.createSourceFile(
        path,
        readFileSync(path, 'utf8'),
        ts.ScriptTarget.Latest,
        true,
        ts.ScriptKind.TSX,
      );
      let meta: ts.ObjectLiteralExpression | undefined;
      const stories: string[] = [];
      const storyTags: string[][] = [];
      for (const statement of source.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        const exported = statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
        for (const declaration of statement.declarationList.declarations) {
          const name = declaration.name.getText();
          const value = declaration.initializer && unwrap(declaration.initializer);
          if (name === 'meta' && value && ts.isObjectLiteralExpression(value)) meta = value;
          else if (exported) {
            stories.push(name);
            storyTags.push(value && ts.isObjectLiteralExpression(value) ? strings(property(value, 'tags')) : []);
          }
        }
      }
      const title = meta && property(meta, 'title');
      const subcomponents = meta && property(meta, 'subcomponents');
      const tags = meta && property(meta, 'tags');
      return {
        file: repoPath(path),
        title: title && ts.isStringLiteral(title) ? title.text : undefined,
        subcomponents:
          subcomponents && ts.isObjectLiteralExpression(subcomponents)
            ? subcomponents.properties.map((member) => member.name?.getText() ?? '')
            : [],
        tags: strings(tags),
        controls: Boolean(meta && (property(meta, 'args') || property(meta, 'argTypes'))),
        stories,
        storyTags,
      };
    });
}

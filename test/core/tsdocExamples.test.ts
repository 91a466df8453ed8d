/**
 * Every exported function in src/core carries a TSDoc block with at least one `@example`
 * (a worked example with concrete numbers, in the style of shared/style.md). Read with the
 * TypeScript compiler: function declarations and `export const f = (…) => …` both count;
 * an overloaded function needs the example on one of its signatures.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const CORE = resolve(__dirname, '..', '..', 'src', 'core');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function hasExample(node: ts.Node): boolean {
  return ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'example' && ts.getTextOfJSDocComment(tag.comment)?.trim());
}

/** Exported functions of a file without a TSDoc `@example`, as `file: name`. */
export function functionsWithoutExample(file: string, root = CORE): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const documented = new Map<string, boolean>();
  const note = (name: string, ok: boolean) => documented.set(name, (documented.get(name) ?? false) || ok);
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isFunctionDeclaration(statement)) {
      note(statement.name?.text ?? 'default', hasExample(statement));
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && ts.isIdentifier(declaration.name)) {
          note(declaration.name.text, hasExample(declaration));
        }
      }
    }
  }
  return [...documented].filter(([, ok]) => !ok).map(([name]) => `${relative(root, file)}: ${name}`);
}

describe('TSDoc in src/core', () => {
  it('every exported function has a TSDoc block with a worked @example', () => {
    const files = tsFiles(CORE);
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((f) => functionsWithoutExample(f))).toEqual([]);
  });

  it('finds a function without one (the check itself can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsdoc-'));
    const file = join(dir, 'sample.ts');
    writeFileSync(
      file,
      [
        '/** Doubles. */',
        'export function double(x: number): number { return 2 * x; }',
        '/**',
        ' * Halves.',
        ' * @example',
        ' * half(10); // → 5',
        ' */',
        'export const half = (x: number): number => x / 2;',
        '// @example in a line comment is not TSDoc',
        'export const third = (x: number): number => x / 3;',
        '/** @example */',
        'export function empty(): void {}',
        '/** @example quarter(8); // → 2 */',
        'export function quarter(x: number): number;',
        'export function quarter(x: number): number { return x / 4; }',
        'function internal(): void {}',
        'export const LIMIT = 3;',
      ].join('\n'),
    );
    expect(functionsWithoutExample(file, dir)).toEqual(['sample.ts: double', 'sample.ts: third', 'sample.ts: empty']);
  });
});

/**
 * Dependencies point one way (docs/architecture.md): gas and cli → workbook → core, report → core,
 * and nothing in core, workbook or report imports Node, a package or a runtime global (Apps
 * Script's SpreadsheetApp, Node's process), so each runs in Apps Script, Node and the sidebar's
 * browser alike. Imports are read with the TypeScript compiler (type-only, re-exports and
 * dynamic import() included), not with regexes.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..');
const SRC = join(ROOT, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier a file names: static and type-only imports, `export … from`, import() and require(). */
export function specifiersOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** Globals that tie code to one runtime: Apps Script services, Node's process and module system. */
const RUNTIME_GLOBALS = new Set([
  'SpreadsheetApp', 'HtmlService', 'ScriptApp', 'Session', 'LockService', 'PropertiesService', 'Utilities',
  'CacheService', 'UrlFetchApp', 'Logger', 'process', 'require', 'Buffer', '__dirname', '__filename', 'window', 'document',
]);

/** Names a file declares itself (imports, functions, variables, parameters, classes): a module function called `window` is not the global. */
function declaredNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isFunctionDeclaration(node) ||
        ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isClassDeclaration(node)) &&
      node.name !== undefined &&
      ts.isIdentifier(node.name)
    ) {
      names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** Runtime globals a file uses as values (a property, key or name of its own that happens to be called `process` does not count). */
export function runtimeGlobalsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const own = declaredNames(source);
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && RUNTIME_GLOBALS.has(node.text) && !own.has(node.text)) {
      const parent = node.parent;
      const isName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === node);
      if (!isName) found.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found];
}

/** The top folder under src/ (core, workbook, gas, cli, report) a relative import lands in; 'templates' (data), else 'outside'. */
function layerOf(target: string): string {
  if (!relative(join(ROOT, 'templates'), target).startsWith('..')) return 'templates';
  const rel = relative(SRC, target);
  return rel.startsWith('..') ? 'outside' : rel.split(sep)[0];
}

interface Rule {
  /** Folders under src/ this layer may import from. */
  readonly mayImport: readonly string[];
  /** Whether it may import packages or node: modules at all. */
  readonly packages: boolean;
  /** Whether it may use runtime globals. */
  readonly globals: boolean;
}

const RULES: Readonly<Record<string, Rule>> = {
  // The default plan is data (templates/default-plan.json), bundled into every runtime.
  core: { mayImport: ['core', 'templates'], packages: false, globals: false },
  report: { mayImport: ['report', 'core'], packages: false, globals: false },
  workbook: { mayImport: ['workbook', 'core'], packages: false, globals: false },
  gas: { mayImport: ['gas', 'workbook', 'report', 'core', 'templates'], packages: true, globals: true },
  cli: { mayImport: ['cli', 'workbook', 'report', 'core', 'templates'], packages: true, globals: true },
};

/** What `file` (in layer `layer`) imports or uses against its layer's rule, one line each. */
export function violations(file: string, layer: string, rule: Rule): string[] {
  const name = relative(ROOT, file);
  const found: string[] = [];
  for (const spec of specifiersOf(file)) {
    if (!spec.startsWith('.')) {
      if (!rule.packages) found.push(`${name} imports ${spec}`);
      continue;
    }
    const target = layerOf(resolve(dirname(file), spec));
    if (!rule.mayImport.includes(target)) found.push(`${name} (${layer}) imports ${spec} (${target})`);
  }
  if (!rule.globals) for (const global of runtimeGlobalsOf(file)) found.push(`${name} uses ${global}`);
  return found;
}

describe('dependency direction', () => {
  it.each(Object.entries(RULES))('src/%s imports only what its layer may', (layer, rule) => {
    // The sidebar's browser code is its own program (src/gas/sidebar/tsconfig.json): it uses `document`.
    const files = tsFiles(join(SRC, layer)).filter((f) => !f.includes(`${sep}gas${sep}sidebar${sep}`));
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap((f) => violations(f, layer, rule))).toEqual([]);
  });

  it('the sidebar reuses core and report only', () => {
    const files = tsFiles(join(SRC, 'gas', 'sidebar'));
    const rule: Rule = { mayImport: ['gas', 'report', 'core'], packages: false, globals: true };
    expect(files.flatMap((f) => violations(f, 'gas', rule))).toEqual([]);
  });

  it('nothing in src/ or bench/ imports from test/ (the in-memory workbook is test support)', () => {
    const files = [...tsFiles(SRC), ...tsFiles(join(ROOT, 'bench'))];
    const intoTest = files.flatMap((f) =>
      specifiersOf(f)
        .filter((s) => s.startsWith('.') && !relative(join(ROOT, 'test'), resolve(dirname(f), s)).startsWith('..'))
        .map((s) => `${relative(ROOT, f)} imports ${s}`),
    );
    expect(intoTest).toEqual([]);
  });

  it('finds what breaks the rule (the check itself can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layers-'));
    const file = join(dir, 'bad.ts');
    writeFileSync(
      file,
      [
        "import type { Stats } from 'node:fs';",
        "export { x } from '../cli/io';",
        'export const lazy = () => import("exceljs");',
        'export const when = (s: Stats) => process.env.TZ ?? SpreadsheetApp.getActive() ?? s;',
        'export const fine = { process: 1 }.process;',
        "import { window } from './monthSeries';",
        'export const own = window(1);',
      ].join('\n'),
    );
    expect(specifiersOf(file)).toEqual(['node:fs', '../cli/io', 'exceljs', './monthSeries']);
    expect(runtimeGlobalsOf(file).sort()).toEqual(['SpreadsheetApp', 'process']);
    // node:fs, exceljs, process, SpreadsheetApp, and ../cli/io and ./monthSeries (outside src: the file is in a temp dir);
    // the imported function called window is not the browser's global.
    expect(violations(file, 'core', RULES.core)).toHaveLength(6);
  });
});

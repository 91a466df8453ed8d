/** The workbook layer's modules import one another in one direction only (issue 8 §7: port ↔ layout ↔ fingerprint was a cycle). */
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '..', '..', 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports (type-only ones included: a cycle of types still ties the files together). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)]
    .map((m) => resolve(dirname(file), m[1]))
    .map((target) => (existsSync(`${target}.ts`) ? `${target}.ts` : join(target, 'index.ts')))
    .filter((target) => existsSync(target));
}

function cycles(files: readonly string[]): string[] {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const found: string[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): void => {
    if (path.includes(file)) {
      found.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' → '));
      return;
    }
    if (done.has(file)) return;
    path.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    path.pop();
    done.add(file);
  };
  files.forEach(visit);
  return found;
}

describe('import graph', () => {
  it('has no cycles in core, workbook and gas', () => {
    const files = ['core', 'workbook', 'gas'].flatMap((dir) => tsFiles(join(SRC, dir))).filter((f) => !f.includes(`${join('gas', 'sidebar')}`));
    expect(cycles(files)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycle-'));
    writeFileSync(join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B;\n");
    writeFileSync(join(dir, 'b.ts'), "import { a } from './a';\nexport type B = typeof a;\n");
    expect(cycles([join(dir, 'a.ts'), join(dir, 'b.ts')])).toHaveLength(1);
  });
});

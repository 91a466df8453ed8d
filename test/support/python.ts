/**
 * Test helper: python3 with openpyxl, pandas and xlsxwriter, the way data teams edit workbooks, to make files
 * "saved by another tool". Missing locally, the tests that need it are skipped with a printed line;
 * under CI=true they fail instead (.ci/run installs the modules with pip).
 */
import { spawnSync } from 'node:child_process';

let found: boolean | undefined;

export function pythonAvailable(): boolean {
  if (found === undefined) {
    const r = spawnSync('python3', ['-c', 'import openpyxl, pandas, xlsxwriter'], { encoding: 'utf8', timeout: 60_000 });
    found = r.status === 0;
  }
  return found;
}

/** Runs a Python script with arguments; throws with its stderr when it fails. */
export function runPython(script: string, args: readonly string[] = []): string {
  const r = spawnSync('python3', ['-c', script, ...args], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** `describe` when python3 with openpyxl, pandas and xlsxwriter is here; otherwise a skip that says why, or a failure on CI. */
export function describeWithPython(name: string, body: () => void): void {
  if (pythonAvailable()) {
    describe(name, body);
    return;
  }
  if (process.env.CI) {
    test(`${name}: python3 with openpyxl, pandas and xlsxwriter is installed (required on CI)`, () => {
      throw new Error('python3 -c "import openpyxl, pandas, xlsxwriter" failed: install them with python3 -m pip install openpyxl pandas xlsxwriter (.ci/run does this)');
    });
    return;
  }
  console.log(`skipped "${name}": python3 with openpyxl, pandas and xlsxwriter not found`);
  describe.skip(name, body);
}

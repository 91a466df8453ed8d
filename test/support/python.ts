/**
 * Test helper: a Python with openpyxl, pandas and xlsxwriter, the way data teams edit workbooks,
 * to make files "saved by another tool". Without one, the tests that need it are skipped (the
 * summary reporter prints one line saying so); under CI=true they fail instead (.ci/run
 * installs the modules with pip, or Debian's packages for /usr/bin/python3).
 */
import { spawnSync } from 'node:child_process';

/** Marks the describe blocks the summary reporter counts when it says what was skipped. */
export const NEEDS_PYTHON = '[needs python3 with openpyxl, pandas, xlsxwriter]';

let interpreter: string | null | undefined;

/** $PYTHON, else python3 on PATH, else Debian's /usr/bin/python3: the first that has the modules. */
function findPython(): string | null {
  if (interpreter !== undefined) return interpreter;
  interpreter = null;
  for (const candidate of [process.env.PYTHON, 'python3', '/usr/bin/python3']) {
    if (!candidate) continue;
    const r = spawnSync(candidate, ['-c', 'import openpyxl, pandas, xlsxwriter'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) {
      interpreter = candidate;
      break;
    }
  }
  return interpreter;
}

export function pythonAvailable(): boolean {
  return findPython() !== null;
}

/** Runs a Python script with arguments; throws with its stderr when it fails. */
export function runPython(script: string, args: readonly string[] = []): string {
  const python = findPython();
  if (!python) throw new Error('no python3 with openpyxl, pandas and xlsxwriter');
  const r = spawnSync(python, ['-c', script, ...args], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${python} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** `describe` when such a Python is here; otherwise a skip counted in the summary, or a failure on CI. */
export function describeWithPython(name: string, body: () => void): void {
  const title = `${name} ${NEEDS_PYTHON}`;
  if (pythonAvailable()) {
    describe(title, body);
  } else if (process.env.CI) {
    describe(title, () => {
      test('python3 with openpyxl, pandas and xlsxwriter is installed (required on CI)', () => {
        throw new Error('python3 -c "import openpyxl, pandas, xlsxwriter" failed: install them with python3 -m pip install openpyxl pandas xlsxwriter (.ci/run does this)');
      });
    });
  } else {
    describe.skip(title, body);
  }
}

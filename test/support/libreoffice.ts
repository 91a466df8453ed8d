/**
 * Test helper: recalculate an .xlsx with a real spreadsheet engine (LibreOffice Calc, headless)
 * and read formula cells back, so tests can check that every formula computes to the result
 * cached in the file.
 *
 * LibreOffice normally trusts the cached results of an .xlsx (Calc's OOXMLRecalcMode defaults
 * to 1, "never recalculate"). We therefore run it with a private user profile whose
 * registrymodifications.xcu sets OOXMLRecalcMode (and ODFRecalcMode) to 0, "always recalculate".
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';

export interface FormulaCell {
  sheet: string;
  /** A1-style address, e.g. "B7". */
  address: string;
  /** Formula text without the leading "=" (shared formulas are translated to this cell). */
  formula: string;
  /**
   * Cached result: number, string, boolean, Date (date-formatted cells), `{ error: '#DIV/0!' }`
   * for error results, or undefined when the file holds no cached value (or an empty string).
   */
  result: unknown;
}

/** Generous: the first run of a fresh profile takes several seconds, more on a busy 2-core CI box. */
const CONVERT_TIMEOUT_MS = 120_000;

const RECALC_ALWAYS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

let sofficePath: string | null | undefined;

/** The LibreOffice executable: $SOFFICE if set, else `soffice` / `libreoffice` on PATH (or the macOS app). */
function findSoffice(): string | null {
  if (sofficePath !== undefined) return sofficePath;
  const candidates: string[] = [];
  if (process.env.SOFFICE) candidates.push(process.env.SOFFICE);
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    candidates.push(path.join(dir, 'soffice'), path.join(dir, 'libreoffice'));
  }
  candidates.push('/Applications/LibreOffice.app/Contents/MacOS/soffice');
  sofficePath = null;
  for (const candidate of candidates) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) {
        sofficePath = candidate;
        break;
      }
    } catch {
      // not there: try the next one
    }
  }
  return sofficePath;
}

export function libreOfficeAvailable(): boolean {
  return findSoffice() !== null;
}

/** Marks the describe blocks the summary reporter counts when it says what was skipped. */
export const NEEDS_LIBREOFFICE = '[needs LibreOffice]';

/**
 * describe() for tests that need LibreOffice, which no npm package ships. Without it they are
 * skipped locally (test/support/summaryReporter.js prints one line saying so and how to
 * enable them); under CI (CI=true, where .ci/run installs it) a missing LibreOffice fails.
 */
export function describeWithLibreOffice(name: string, body: () => void): void {
  const title = `${name} ${NEEDS_LIBREOFFICE}`;
  if (libreOfficeAvailable()) {
    describe(title, body);
  } else if (process.env.CI) {
    describe(title, () => {
      test('LibreOffice is installed (required on CI)', () => {
        throw new Error(
          'soffice not found on PATH, so formulas cannot be checked with LibreOffice. ' +
            'Install it with: apt-get install -y libreoffice-calc-nogui (.ci/run does this), or set SOFFICE.',
        );
      });
    });
  } else {
    describe.skip(title, body);
  }
}

/** Conversions in one process share one profile, and a profile admits one soffice at a time. */
let queue: Promise<unknown> = Promise.resolve();

function serialized<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

let profileDir: string | undefined;

/** One profile per process: a fresh profile's first start is the slow part. Removed at exit. */
function profile(): string {
  if (profileDir) return profileDir;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-lo-profile-'));
  fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS_XCU);
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  profileDir = dir;
  return dir;
}

/**
 * Deletes this process's LibreOffice profile once pending conversions finish. Call it from a
 * test file's afterAll: Jest's sandbox does not reliably run process 'exit' handlers.
 */
export function disposeLibreOfficeProfile(): Promise<void> {
  return serialized(async () => {
    if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
    profileDir = undefined;
  });
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/**
 * Runs soffice without a shell. Spawned detached (its own process group) so that a timeout
 * kills the whole tree: the `soffice` script execs oosplash, which starts soffice.bin.
 */
function run(file: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const killTree = (signal: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killTree('SIGTERM');
      setTimeout(() => killTree('SIGKILL'), 5_000).unref();
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/**
 * Recalculates every formula of an .xlsx with LibreOffice headless; returns the path of the
 * recalculated copy (in a fresh temporary directory; the input file is left untouched).
 */
export function recalculateWithLibreOffice(xlsxPath: string): Promise<string> {
  return convertWithLibreOffice(xlsxPath, 'xlsx:Calc MS Excel 2007 XML', '.xlsx', 'recalculate');
}

/**
 * Prints an .xlsx to PDF with LibreOffice headless (formulas recalculated, charts drawn as
 * LibreOffice draws them); returns the path of the PDF, in a fresh temporary directory.
 */
export function convertToPdfWithLibreOffice(xlsxPath: string): Promise<string> {
  return convertWithLibreOffice(xlsxPath, 'pdf', '.pdf', 'convert to PDF');
}

async function convertWithLibreOffice(xlsxPath: string, filter: string, extension: string, what: string): Promise<string> {
  const soffice = findSoffice();
  if (!soffice) {
    throw new Error('LibreOffice (soffice) not found on PATH: install it, e.g. apt-get install libreoffice-calc-nogui');
  }
  const source = path.resolve(xlsxPath);
  if (!fs.existsSync(source)) throw new Error(`LibreOffice ${what}: no such file ${source}`);

  return serialized(async () => {
    const profileUrl = 'file://' + encodeURI(profile().split(path.sep).join('/'));
    // Work on a private copy so LibreOffice's lock file never lands next to the caller's file.
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-lo-convert-'));
    const inDir = path.join(work, 'in');
    const outDir = path.join(work, 'out');
    fs.mkdirSync(inDir);
    fs.mkdirSync(outDir);
    const stem = path.parse(source).name;
    const input = path.join(inDir, stem + '.xlsx');
    const output = path.join(outDir, stem + extension);
    fs.copyFileSync(source, input);

    const args = [
      `-env:UserInstallation=${profileUrl}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--nodefault',
      '--nologo',
      '--convert-to',
      filter,
      '--outdir',
      outDir,
      input,
    ];

    // A fresh profile's first start can end without converting (e.g. exit code 81, "restart
    // required"); one retry with the now-initialised profile covers that.
    const failures: string[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      const r = await run(soffice, args, CONVERT_TIMEOUT_MS);
      if (!r.timedOut && r.code === 0 && fs.existsSync(output) && fs.statSync(output).size > 0) {
        fs.rmSync(inDir, { recursive: true, force: true });
        return output;
      }
      const how = r.timedOut
        ? `timed out after ${CONVERT_TIMEOUT_MS / 1000} s`
        : `exited with ${r.signal ? `signal ${r.signal}` : `code ${r.code}`}${fs.existsSync(output) ? '' : ', no output file'}`;
      failures.push(`attempt ${attempt}: soffice ${how}\n  stderr: ${r.stderr.trim() || '(empty)'}\n  stdout: ${r.stdout.trim() || '(empty)'}`);
      if (r.timedOut) break;
    }
    fs.rmSync(work, { recursive: true, force: true });
    throw new Error(`LibreOffice could not ${what} ${source}:\n${failures.join('\n')}`);
  });
}

/** Reads every formula cell of a workbook: sheet, address, formula, cached result. */
export async function readFormulaCells(xlsxPath: string): Promise<FormulaCell[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const cells: FormulaCell[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        // cell.formula covers both { formula, result } and shared { sharedFormula, result }
        // (translated from the master cell). Read the result from cell.result, not cell.value:
        // exceljs's cell.value drops falsy results (0, false, '').
        const formula = cell.formula;
        cells.push({
          sheet: sheet.name,
          address: cell.address,
          formula: typeof formula === 'string' ? formula.replace(/^=/, '') : '',
          result: cell.result,
        });
      });
    });
  });
  return cells;
}

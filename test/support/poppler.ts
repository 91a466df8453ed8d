/**
 * Test helper: look at a PDF the way a reader sees it, with poppler's pdftoppm (a page as
 * pixels) and pdftotext (its text): enough to tell that LibreOffice drew a chart. Without
 * poppler-utils the tests that need it are skipped (the summary reporter prints one line
 * saying so); under CI=true they fail instead (.ci/run installs poppler-utils).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeWithLibreOffice } from './libreoffice';

/** Marks the describe blocks the summary reporter counts when it says what was skipped. */
export const NEEDS_POPPLER = '[needs pdftoppm]';

const has = (tool: string) => spawnSync(tool, ['-v'], { encoding: 'utf8' }).error === undefined;

export function popplerAvailable(): boolean {
  return has('pdftoppm') && has('pdftotext');
}

/** `describeWithLibreOffice`, also needing poppler: skipped locally without it, a failure on CI. */
export function describeWithLibreOfficeAndPoppler(name: string, body: () => void): void {
  const title = `${name} ${NEEDS_POPPLER}`;
  if (popplerAvailable()) {
    describeWithLibreOffice(name, body);
  } else if (process.env.CI) {
    describe(title, () => {
      test('poppler-utils is installed (required on CI)', () => {
        throw new Error('pdftoppm/pdftotext not found on PATH: install them with apt-get install poppler-utils (.ci/run does this)');
      });
    });
  } else {
    describe.skip(title, body);
  }
}

function run(tool: string, args: readonly string[]): string {
  const r = spawnSync(tool, args, { encoding: 'latin1', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${tool} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** The text of a PDF (one page, or all), laid out as on the page. */
export function pdfText(pdf: string, page?: number): string {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const r = spawnSync('pdftotext', ['-layout', ...pages, pdf, '-'], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`pdftotext failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

export interface Raster {
  readonly width: number;
  readonly height: number;
  /** RGB, 3 bytes a pixel, rows top to bottom. */
  readonly rgb: Buffer;
}

/** One page of a PDF as pixels (pdftoppm's binary PPM). */
export function renderPdfPage(pdf: string, page: number, dpi = 40): Raster {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-ppm-'));
  try {
    run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, path.join(dir, 'page')]);
    const data = fs.readFileSync(path.join(dir, 'page.ppm'));
    // "P6\n<width> <height>\n<max>\n" then the pixels.
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('pdftoppm wrote no binary PPM');
    const width = Number(header[1]);
    const height = Number(header[2]);
    return { width, height, rgb: data.subarray(header[0].length, header[0].length + width * height * 3) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** How many pixels are within `tolerance` (per channel) of the colour #RRGGBB. */
export function pixelsOfColor(raster: Raster, hex: string, tolerance = 24): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.replace('#', '').slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i + 2 < raster.rgb.length; i += 3) {
    if (Math.abs(raster.rgb[i] - r) <= tolerance && Math.abs(raster.rgb[i + 1] - g) <= tolerance && Math.abs(raster.rgb[i + 2] - b) <= tolerance) n++;
  }
  return n;
}

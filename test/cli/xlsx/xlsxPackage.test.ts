/**
 * Structural quirks of .xlsx files other tools write, reproduced on our own workbook: each
 * variant must read back to the same plan input (ExcelWorkbook) and the same rows (streaming).
 * Excel and Google Sheets cannot run here; these are the ways their files and those of
 * openpyxl and the .NET Open XML SDK differ from what exceljs writes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plan } from '../../../src/core/plan';
import { readXlsxRows } from '../../../src/cli/history/readXlsxRows';
import { ExcelWorkbook } from '../../../src/cli/xlsx/excelWorkbook';
import { planXlsx } from '../../../src/cli/xlsx/planXlsx';
import { dropRootPrefix, tidyXlsxPackage } from '../../../src/cli/xlsx/xlsxPackage';
import { readZip, writeZip } from '../../../src/cli/xlsx/zipArchive';
import { defaultPlanInput } from '../../../src/core/defaultPlan';
import { readInputs } from '../../../src/workbook/readInputs';
import ExcelJS from 'exceljs';
import { writeExportXlsx } from '../history/exportFixtures';

type Parts = Map<string, Buffer>;
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const xml = (parts: Parts, name: string) => (parts.get(name) as Buffer).toString('utf8');
const put = (parts: Parts, name: string, text: string) => parts.set(name, Buffer.from(text, 'utf8'));
const isRels = (name: string) => name.endsWith('.rels');

/** Every relationship target absolute from the package root, as openpyxl writes them. */
function absoluteTargets(parts: Parts): void {
  for (const name of [...parts.keys()].filter(isRels)) {
    const folder = name.replace(/_rels\/[^/]+$/, '');
    put(
      parts,
      name,
      xml(parts, name).replace(/Target="([^"]+)"/g, (m, target: string) => {
        if (target.startsWith('/') || /TargetMode/.test(m) || /^https?:/.test(target)) return m;
        const parts2 = `${folder}${target}`.split('/');
        const out: string[] = [];
        for (const p of parts2) if (p === '..') out.pop(); else if (p !== '.' && p !== '') out.push(p);
        return `Target="/${out.join('/')}"`;
      }),
    );
  }
}

/** Moves a part and points every relationship at its new name. */
function movePart(parts: Parts, from: string, to: string): void {
  parts.set(to, parts.get(from) as Buffer);
  parts.delete(from);
  for (const name of [...parts.keys()].filter(isRels)) put(parts, name, xml(parts, name).split(`/${from}"`).join(`/${to}"`));
}

/** openpyxl's layout: absolute targets, notes in xl/comments/comment1.xml, their drawing in xl/drawings/commentsDrawing1.vml. */
function openpyxlLayout(parts: Parts): void {
  absoluteTargets(parts);
  const comments = [...parts.keys()].filter((n) => /^xl\/comments\d+\.xml$/.test(n));
  const vml = [...parts.keys()].filter((n) => /^xl\/drawings\/vmlDrawing\d+\.vml$/.test(n));
  comments.forEach((n, i) => movePart(parts, n, `xl/comments/comment${i + 1}.xml`));
  vml.forEach((n, i) => movePart(parts, n, `xl/drawings/commentsDrawing${i + 1}.vml`));
}

/** `<x:worksheet xmlns:x="…main">`: SpreadsheetML parts with a namespace prefix (.NET Open XML SDK). */
function prefixed(parts: Parts): void {
  for (const name of [...parts.keys()].filter((n) => /^xl\/(workbook|sharedStrings|styles|worksheets\/sheet\d+)\.xml$/.test(n))) {
    const text = xml(parts, name)
      .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, '<$1x:$2')
      .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
    put(parts, name, text);
  }
}

/**
 * Inline strings instead of the shared string table, as openpyxl 3.1 writes them: one `<t>` each
 * (rich text runs are joined: exceljs's streaming reader keeps only the last run of an inline
 * rich string, a limitation left as it is).
 */
function inlineStrings(parts: Parts): void {
  const table = [...xml(parts, 'xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (m) => `<t xml:space="preserve">${[...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join('')}</t>`,
  );
  for (const name of [...parts.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    put(parts, name, xml(parts, name).replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, a: string, b: string, i: string) => `<c ${a}t="inlineStr"${b}><is>${table[Number(i)]}</is></c>`));
  }
  parts.delete('xl/sharedStrings.xml');
  put(parts, 'xl/_rels/workbook.xml.rels', xml(parts, 'xl/_rels/workbook.xml.rels').replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ''));
}

/** No `<dimension>` element (several exporters leave it out). */
function noDimension(parts: Parts): void {
  for (const name of [...parts.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) put(parts, name, xml(parts, name).replace(/<dimension [^>]*\/>/, ''));
}

/** Sheets stored under other names than sheetN.xml. */
function renamedSheets(parts: Parts): void {
  for (const name of [...parts.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const to = name.replace(/sheet(\d+)\.xml$/, 'data_$1.xml');
    const rels = name.replace(/sheet(\d+)\.xml$/, '_rels/sheet$1.xml.rels');
    if (parts.has(rels)) {
      parts.set(rels.replace(/sheet(\d+)\.xml\.rels$/, 'data_$1.xml.rels'), parts.get(rels) as Buffer);
      parts.delete(rels);
    }
    parts.set(to, parts.get(name) as Buffer);
    parts.delete(name);
    put(parts, 'xl/_rels/workbook.xml.rels', xml(parts, 'xl/_rels/workbook.xml.rels').replace(`worksheets/${name.split('/').pop()}"`, `worksheets/${to.split('/').pop()}"`));
  }
}

/**
 * Sheet files numbered in another order than the sheets, as in Google Sheets' download (the
 * first sheet is not sheet1.xml): the files of the first and last sheets swap names.
 */
function sheetFilesShuffled(parts: Parts): void {
  const rels = xml(parts, 'xl/_rels/workbook.xml.rels');
  const targets = [...rels.matchAll(/Target="(worksheets\/sheet\d+\.xml)"/g)].map((m) => m[1]);
  const [first, last] = [targets[0], targets[targets.length - 1]];
  const swap = (a: string, b: string) => {
    const [pa, pb] = [parts.get(`xl/${a}`) as Buffer, parts.get(`xl/${b}`) as Buffer];
    parts.set(`xl/${a}`, pb);
    parts.set(`xl/${b}`, pa);
  };
  swap(first, last);
  const relsOf = (t: string) => `xl/worksheets/_rels/${t.split('/').pop()}.rels`;
  const [ra, rb] = [parts.get(relsOf(first)), parts.get(relsOf(last))];
  parts.delete(relsOf(first));
  parts.delete(relsOf(last));
  if (ra) parts.set(relsOf(last), ra);
  if (rb) parts.set(relsOf(first), rb);
  put(parts, 'xl/_rels/workbook.xml.rels', rels.replace(`"${first}"`, '"FIRST"').replace(`"${last}"`, `"${first}"`).replace('"FIRST"', `"${last}"`));
}

/** A sheet as the last entry of the zip, after the workbook part (exceljs's streaming reader dropped it). */
function sheetLast(parts: Parts): void {
  const sheets = [...parts.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  for (const name of sheets) {
    const data = parts.get(name) as Buffer;
    parts.delete(name);
    parts.set(name, data);
  }
}

/** Excel's "Strict Open XML" save: purl.oclc.org namespaces and relationship types. */
function strict(parts: Parts): void {
  for (const name of [...parts.keys()].filter((n) => /\.(xml|rels)$/.test(n))) {
    put(
      parts,
      name,
      xml(parts, name)
        .split('http://schemas.openxmlformats.org/officeDocument/2006/relationships')
        .join('http://purl.oclc.org/ooxml/officeDocument/relationships')
        .split(MAIN)
        .join('http://purl.oclc.org/ooxml/spreadsheetml/main'),
    );
  }
}

const QUIRKS: Record<string, (parts: Parts) => void> = {
  'Strict Open XML namespaces and relationship types': strict,
  'inline strings and the sheets last in the zip': (parts) => [inlineStrings, sheetLast].forEach((f) => f(parts)),
  'sheet files numbered in another order (Google Sheets)': sheetFilesShuffled,
  'openpyxl part names and absolute targets': openpyxlLayout,
  'x: namespace prefixes': prefixed,
  'inline strings, no shared string table': inlineStrings,
  'no dimension element': noDimension,
  'sheets not named sheetN.xml': renamedSheets,
  'all of them at once': (parts) => [sheetFilesShuffled, inlineStrings, noDimension, openpyxlLayout, renamedSheets, prefixed].forEach((f) => f(parts)),
};

function variant(data: Buffer, quirk: (parts: Parts) => void): Buffer {
  const parts = readZip(data);
  quirk(parts);
  return writeZip(parts);
}

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('drawings as openpyxl writes them', () => {
  it('a picture in the default drawing namespace with absolute targets still loads, picture and all', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Inputs');
    ws.getCell('A1').value = 'Revenue target';
    ws.addImage(wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' }), 'C3:D4');
    const parts = readZip(Buffer.from(await wb.xlsx.writeBuffer()));
    const drawing = [...parts.keys()].find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n)) as string;
    put(parts, drawing, xml(parts, drawing).replace(/<(\/?)xdr:/g, '<$1').replace('xmlns:xdr=', 'xmlns='));
    absoluteTargets(parts);
    const book = await ExcelWorkbook.fromBuffer(writeZip(parts));
    expect(book.workbook.getWorksheet('Inputs')?.getImages()).toHaveLength(1);
  });
});

describe('zipArchive', () => {
  it('writes what it reads, names and bytes', () => {
    const entries = new Map([
      ['a.txt', Buffer.from('hello')],
      ['xl/名前.xml', Buffer.from('<x/>'.repeat(1000))],
      ['empty', Buffer.alloc(0)],
    ]);
    expect(readZip(writeZip(entries))).toEqual(entries);
  });
});

describe('dropRootPrefix', () => {
  it('drops the prefix of the SpreadsheetML namespace only', () => {
    expect(dropRootPrefix(`<?xml version="1.0"?><x:sst xmlns:x="${MAIN}"><x:si><x:t>a</x:t></x:si></x:sst>`)).toBe(
      `<?xml version="1.0"?><sst xmlns="${MAIN}"><si><t>a</t></si></sst>`,
    );
    const core = '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"><cp:lastModifiedBy/></cp:coreProperties>';
    expect(dropRootPrefix(core)).toBe(core);
  });
});

describe('workbooks with other tools\' quirks read back', () => {
  let original: Buffer;
  let expected: unknown;
  const dir = mkdtempSync(join(tmpdir(), 'fp-quirks-'));
  let exportFile: string;
  let exportRows: unknown[];

  const rowsOf = async (path: string, sheet?: string) => {
    const rows: unknown[] = [];
    await readXlsxRows(path, (h) => void rows.push(h), (cells, n) => void rows.push([n, ...cells]), sheet === undefined ? {} : { sheet });
    return rows;
  };

  beforeAll(async () => {
    const outcome = plan(defaultPlanInput());
    if (!outcome.ok) throw new Error('the default plan is valid');
    original = await planXlsx({ plan: outcome.plan, funnel: outcome.funnel, lang: 'en', stamp: { version: 't', generatedOn: '2026-12-01' } });
    const reading = readInputs(await ExcelWorkbook.fromBuffer(original));
    if (!reading.ok) throw new Error(reading.problems.join('\n'));
    expected = reading.input;
    exportFile = join(dir, 'export.xlsx');
    await writeExportXlsx(exportFile);
    exportRows = await rowsOf(exportFile);
  });

  it('leaves a workbook exceljs wrote as it is', () => {
    expect(tidyXlsxPackage(original)).toBe(original);
  });

  it('the plan has notes, so the openpyxl layout moves comment parts', () => {
    expect([...readZip(original).keys()].some((n) => /^xl\/comments\d+\.xml$/.test(n))).toBe(true);
  });

  it.each(Object.keys(QUIRKS))('%s: the plan reads the same', async (name) => {
    const book = await ExcelWorkbook.fromBuffer(variant(original, QUIRKS[name]));
    const reading = readInputs(book);
    expect(reading.ok && reading.input).toEqual(expected);
    expect(book.workbook.getWorksheet('Inputs')?.getCell('A7').note).toBeTruthy(); // notes survive: comment parts were found
    expect(book.getOwner('Inputs')?.kind).toBe('inputs'); // the hidden owner table still reads
  });

  it.each(Object.keys(QUIRKS))('%s: a streamed export gives the same rows', async (name) => {
    const file = join(dir, `${name}.xlsx`);
    writeFileSync(file, variant(readFileSync(exportFile), QUIRKS[name]));
    expect(await rowsOf(file)).toEqual(exportRows);
    expect(await rowsOf(file, 'Notes')).toEqual(await rowsOf(exportFile, 'Notes')); // the last sheet too
  });
});

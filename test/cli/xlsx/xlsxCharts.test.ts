/**
 * Native charts in the .xlsx (xlsxCharts.ts): the DrawingML parts and their links, exceljs and
 * openpyxl reading the file, and LibreOffice drawing the charts when it prints the workbook.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plan } from '../../../src/core/plan';
import { defaultPlanInput } from '../../../src/core/defaultPlan';
import { ExcelWorkbook } from '../../../src/cli/xlsx/excelWorkbook';
import { planXlsx } from '../../../src/cli/xlsx/planXlsx';
import { addXlsxCharts, chartOf, chartsOf, CONTENT_TYPE, SERIES_COLORS } from '../../../src/cli/xlsx/xlsxCharts';
import { parseRelationships, relsPartOf, resolveTarget, sheetParts } from '../../../src/cli/xlsx/xlsxPackage';
import { readZip } from '../../../src/cli/xlsx/zipArchive';
import type { LayoutInput } from '../../../src/workbook/layouts/layoutInput';
import { planLayouts } from '../../../src/workbook/layouts/planLayouts';
import { readInputs } from '../../../src/workbook/readInputs';
import type { SheetLayout } from '../../../src/workbook/sheetLayout';
import type { Cell, ChartSpec } from '../../../src/workbook/sheetTypes';
import { writeLayouts } from '../../../src/workbook/writeLayouts';
import { convertToPdfWithLibreOffice, disposeLibreOfficeProfile, recalculateWithLibreOffice } from '../../support/libreoffice';
import { describeWithLibreOfficeAndPoppler, pdfText, pixelsOfColor, renderPdfPage } from '../../support/poppler';
import { describeWithPython, runPython } from '../../support/python';

const STAMP = { version: '0.0.0-test', generatedOn: '2026-11-23' };
const dir = mkdtempSync(join(tmpdir(), 'fp-xlsx-charts-'));

function layoutInput(): LayoutInput {
  const outcome = plan(defaultPlanInput());
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return { plan: outcome.plan, funnel: outcome.funnel, lang: 'en', stamp: STAMP };
}

/** The plan's layouts written by exceljs alone: the package before the charts go in. */
async function withoutCharts(layouts: readonly SheetLayout[]): Promise<Buffer> {
  const book = new ExcelWorkbook();
  writeLayouts(book, layouts, STAMP);
  return book.toBuffer();
}

/** A sheet whose name needs quoting, as the Monthly sheet lays a chart out: months across row 1, a series per row below (ChartSpec's stackedColumn). */
const MONTHLY_SHEET = "Monthly plan's";
const MONTHS = ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'];
function monthlyLayout(): SheetLayout {
  const series = (name: string, at: (i: number) => number): (Cell | null)[] => [{ value: name }, ...MONTHS.map((_, i): Cell => ({ value: at(i), format: '#,##0' }))];
  const rows: (Cell | null)[][] = [
    [{ value: 'Stage' }, ...MONTHS.map((m): Cell => ({ value: m }))],
    series('Leads', (i) => 400 + 10 * i),
    series('MQLs', (i) => 200 + 5 * i),
    series('SQLs', (i) => 100 + i),
  ];
  const chart: ChartSpec = { title: 'Work by month', data: { row: 1, col: 1, rows: rows.length, cols: 1 + MONTHS.length }, anchor: { row: 2, col: 9 }, kind: 'stackedColumn' };
  return {
    name: MONTHLY_SHEET,
    kind: 'monthly',
    blocks: [{ row: 1, col: 1, cells: rows }],
    frozenRows: 0,
    frozenCols: 0,
    columnWidths: [],
    namedRanges: [],
    validations: [],
    conditionalFormats: [],
    charts: [chart],
  };
}

async function monthlyXlsx(): Promise<Buffer> {
  const layouts = [monthlyLayout()];
  return addXlsxCharts(await withoutCharts(layouts), chartsOf(layouts));
}

const text = (parts: Map<string, Buffer>, name: string) => {
  const data = parts.get(name);
  if (!data) throw new Error(`no part ${name}`);
  return data.toString('utf8');
};

/** The chart parts of one sheet, followed from its relationships. */
function chartsOfSheet(parts: Map<string, Buffer>, sheet: string): { drawing: string; charts: string[] } {
  const part = sheetParts(parts).find((s) => s.name === sheet)?.part as string;
  const drawingRel = parseRelationships(text(parts, relsPartOf(part))).find((r) => r.type === 'drawing');
  if (!drawingRel) throw new Error(`no drawing on ${sheet}`);
  expect(text(parts, part)).toContain(`<drawing r:id="${drawingRel.id}"/>`);
  const drawing = resolveTarget(part, drawingRel.target);
  const charts = parseRelationships(text(parts, relsPartOf(drawing)))
    .filter((r) => r.type === 'chart')
    .map((r) => resolveTarget(drawing, r.target));
  return { drawing, charts };
}

describe('the plan .xlsx carries its charts as DrawingML parts', () => {
  let parts: Map<string, Buffer>;
  let before: Map<string, Buffer>;
  beforeAll(async () => {
    const input = layoutInput();
    parts = readZip(await planXlsx(input));
    before = readZip(await withoutCharts(planLayouts(input)));
  });

  it("Summary's funnel chart: a drawing with a two-cell anchor at D4 and a bar chart of Summary!A8:B12", () => {
    const { drawing, charts } = chartsOfSheet(parts, 'Summary');
    expect(drawing).toBe('xl/drawings/drawing1.xml');
    expect(charts).toEqual(['xl/charts/chart1.xml']);
    const drawingXml = text(parts, drawing);
    expect(drawingXml).toMatch(/<xdr:twoCellAnchor[^>]*><xdr:from><xdr:col>3<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>3<\/xdr:row>/);
    expect(drawingXml).toContain('<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/>');

    const chart = text(parts, charts[0]);
    expect(chart).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(chart).not.toContain('<c:overlap');
    expect(chart).toContain('<a:t>Required to hit the target</a:t>');
    expect(chart).not.toContain('<c:legend>'); // one series, as the add-on draws it in Sheets
    expect(chart).toContain('<c:cat><c:strRef><c:f>Summary!$A$8:$A$12</c:f>');
    expect(chart).toContain('<c:val><c:numRef><c:f>Summary!$B$8:$B$12</c:f>');
    // The caches hold what the cells hold.
    const summary = planLayouts(layoutInput()).find((l) => l.name === 'Summary') as SheetLayout;
    const cells = summary.blocks[0].cells;
    const cache = (tag: 'strCache' | 'numCache') =>
      [...(new RegExp(`<c:${tag}>.*?</c:${tag}>`).exec(chart)?.[0] ?? '').matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
    expect(cache('strCache')).toEqual([8, 9, 10, 11, 12].map((r) => cells[r - summary.blocks[0].row][0]?.value));
    expect(cache('numCache').map(Number)).toEqual([8, 9, 10, 11, 12].map((r) => cells[r - summary.blocks[0].row][1]?.value));
  });

  it('declares the new parts in [Content_Types].xml', () => {
    const types = text(parts, '[Content_Types].xml');
    expect(types).toContain(`<Override PartName="/xl/charts/chart1.xml" ContentType="${CONTENT_TYPE.chart}"/>`);
    expect(types).toContain(`<Override PartName="/xl/drawings/drawing1.xml" ContentType="${CONTENT_TYPE.drawing}"/>`);
    expect(types).toContain(`<Override PartName="/xl/charts/chart2.xml" ContentType="${CONTENT_TYPE.chart}"/>`); // Monthly's
  });

  it('leaves every other part as exceljs wrote it', () => {
    // The template has a fiscal year, so Monthly carries its stacked column chart beside Summary's funnel.
    const monthly = sheetParts(parts).find((s) => s.name === 'Monthly')?.part as string;
    expect(monthly).toBe('xl/worksheets/sheet4.xml');
    const changed = ['[Content_Types].xml', 'xl/worksheets/sheet1.xml', monthly, 'docProps/core.xml'];
    const added = [...parts.keys()].filter((n) => !before.has(n)).sort();
    expect(added).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      'xl/drawings/_rels/drawing2.xml.rels',
      'xl/drawings/drawing1.xml',
      'xl/drawings/drawing2.xml',
      'xl/worksheets/_rels/sheet1.xml.rels',
      'xl/worksheets/_rels/sheet4.xml.rels',
    ]);
    expect(chartsOfSheet(parts, 'Monthly')).toEqual({ drawing: 'xl/drawings/drawing2.xml', charts: ['xl/charts/chart2.xml'] });
    for (const [name, data] of before) {
      expect(parts.has(name)).toBe(true);
      if (!changed.includes(name)) expect({ name, same: data.equals(parts.get(name) as Buffer) }).toEqual({ name, same: true });
    }
    // Each sheet gained only its <drawing> element, just before </worksheet> (after pageSetup).
    for (const sheet of ['xl/worksheets/sheet1.xml', monthly]) {
      expect(text(parts, sheet)).toBe(text(before, sheet).replace('</worksheet>', '<drawing r:id="rId1"/></worksheet>'));
    }
  });

  it('a sheet with notes keeps its legacy drawing after the chart drawing, and its relationships', async () => {
    const layout = { ...monthlyLayout() };
    const withNote: SheetLayout = { ...layout, blocks: [{ row: 1, col: 1, cells: [[{ value: 'Month', note: 'a note' }, ...layout.blocks[0].cells[0].slice(1)], ...layout.blocks[0].cells.slice(1)] }] };
    const out = readZip(addXlsxCharts(await withoutCharts([withNote]), chartsOf([withNote])));
    const part = sheetParts(out).find((s) => s.name === MONTHLY_SHEET)?.part as string;
    const xml = text(out, part);
    expect(xml.indexOf('<drawing ')).toBeLessThan(xml.indexOf('<legacyDrawing '));
    const types = parseRelationships(text(out, relsPartOf(part))).map((r) => r.type).sort();
    expect(types).toEqual(['comments', 'drawing', 'vmlDrawing']);
    expect(new Set(parseRelationships(text(out, relsPartOf(part))).map((r) => r.id)).size).toBe(3);
  });
});

describe('a stacked column chart of several series', () => {
  it('reads the header row as series names, and the rest as months', () => {
    const layout = monthlyLayout();
    const chart = chartOf(layout, (layout.charts as ChartSpec[])[0]);
    expect(chart.kind).toBe('stackedColumn');
    expect(chart.categories.values).toEqual(MONTHS);
    expect(chart.series.map((s) => s.name?.text)).toEqual(['Leads', 'MQLs', 'SQLs']);
    expect(chart.series[2].values.area).toEqual({ row: 4, col: 2, rows: 1, cols: 6 });
  });

  it('columns, stacked with overlap 100, a legend, references quoted for the sheet name', async () => {
    const parts = readZip(await monthlyXlsx());
    const { charts } = chartsOfSheet(parts, MONTHLY_SHEET);
    const chart = text(parts, charts[0]);
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="stacked"/>');
    expect(chart).toContain('<c:overlap val="100"/>');
    expect(chart).toContain('<c:legend>');
    expect(chart).toContain("<c:cat><c:strRef><c:f>'Monthly plan''s'!$B$1:$G$1</c:f>");
    expect(chart).toContain("<c:tx><c:strRef><c:f>'Monthly plan''s'!$A$3</c:f>");
    expect(chart).toContain("<c:val><c:numRef><c:f>'Monthly plan''s'!$B$4:$G$4</c:f>");
    expect(chart.match(/<c:ser>/g)).toHaveLength(3);
    SERIES_COLORS.slice(0, 3).forEach((color) => expect(chart).toContain(`<a:srgbClr val="${color}"/>`));
  });

  it('no charts: the very same bytes', async () => {
    const data = await withoutCharts([monthlyLayout()]);
    expect(addXlsxCharts(data, [])).toBe(data);
  });
});

describe('readers still read the file', () => {
  it('exceljs (through our reader): the Inputs read back, the owner markers are there', async () => {
    const book = await ExcelWorkbook.fromBuffer(await planXlsx(layoutInput()));
    expect(book.listSheets()).toEqual(['Summary', 'Funnel', 'Monthly', 'Teams', 'Headcount', 'Bonus', 'Diagnosis', 'Inputs']);
    expect(readInputs(book).ok).toBe(true);
    expect(book.getOwner('Summary')?.kind).toBe('summary');
    const monthly = await ExcelWorkbook.fromBuffer(await monthlyXlsx());
    expect(monthly.readBlock(MONTHLY_SHEET, { row: 2, col: 1, rows: 1, cols: 2 })).toEqual([['Leads', 400]]);
  });
});

describeWithPython('openpyxl', () => {
  it('loads the plan and the monthly workbook and sees their charts', async () => {
    writeFileSync(join(dir, 'plan.xlsx'), await planXlsx(layoutInput()));
    writeFileSync(join(dir, 'monthly.xlsx'), await monthlyXlsx());
    const out = runPython(
      [
        'import json, sys, openpyxl',
        'res = {}',
        'for path, sheet in ((sys.argv[1], "Summary"), (sys.argv[2], sys.argv[3])):',
        '    ws = openpyxl.load_workbook(path)[sheet]',
        '    res[sheet] = [{"type": c.type, "grouping": c.grouping, "overlap": c.overlap, "series": [s.val.numRef.f for s in c.series],',
        '                   "col": c.anchor._from.col, "row": c.anchor._from.row} for c in ws._charts]',
        'print(json.dumps(res))',
      ].join('\n'),
      [join(dir, 'plan.xlsx'), join(dir, 'monthly.xlsx'), MONTHLY_SHEET],
    );
    expect(JSON.parse(out)).toEqual({
      Summary: [{ type: 'bar', grouping: 'clustered', overlap: null, series: ['Summary!$B$8:$B$12'], col: 3, row: 3 }],
      [MONTHLY_SHEET]: [
        {
          type: 'col',
          grouping: 'stacked',
          overlap: 100,
          series: ["'Monthly plan''s'!$B$2:$G$2", "'Monthly plan''s'!$B$3:$G$3", "'Monthly plan''s'!$B$4:$G$4"],
          col: 8,
          row: 1,
        },
      ],
    });
  });
});

describeWithLibreOfficeAndPoppler('LibreOffice draws the charts when it prints the workbook', () => {
  afterAll(() => disposeLibreOfficeProfile());
  const BLUE = `#${SERIES_COLORS[0]}`;

  it("the funnel chart on Summary's page: its bars in the series colour, its title and value axis in the text", async () => {
    const input = layoutInput();
    writeFileSync(join(dir, 'charts.xlsx'), await planXlsx(input));
    writeFileSync(join(dir, 'bare.xlsx'), await withoutCharts(planLayouts(input)));
    const withChart = await convertToPdfWithLibreOffice(join(dir, 'charts.xlsx'));
    const bare = await convertToPdfWithLibreOffice(join(dir, 'bare.xlsx'));
    // The same workbook without the chart parts has no pixel of the bars' colour.
    expect(pixelsOfColor(renderPdfPage(bare, 1), BLUE)).toBe(0);
    expect(pixelsOfColor(renderPdfPage(withChart, 1), BLUE)).toBeGreaterThan(500);
    // The title is a cell's text too: the chart adds a second one, and the value axis's numbers.
    const count = (s: string, word: string) => s.split(word).length - 1;
    const page = pdfText(withChart, 1);
    expect(count(page, 'Required to hit the target')).toBe(count(pdfText(bare, 1), 'Required to hit the target') + 1);
    expect(page).toMatch(/\b0\s+2,000\s+4,000\s+6,000/);
    expect(page).toContain('Won deals');
  }, 240_000);

  it('saved again by LibreOffice, the chart keeps its references and our reader still reads the plan', async () => {
    writeFileSync(join(dir, 'resave.xlsx'), await planXlsx(layoutInput()));
    const saved = readFileSync(await recalculateWithLibreOffice(join(dir, 'resave.xlsx')));
    const charts = [...readZip(saved)].filter(([name]) => /^xl\/charts\/chart\d+\.xml$/.test(name)).map(([, data]) => data.toString('utf8'));
    expect(charts).toHaveLength(2); // Summary's funnel and Monthly's stacked columns
    const funnel = charts.find((c) => c.includes('Summary!'));
    expect(funnel).toContain('Summary!$B$8:$B$12');
    expect(funnel).toContain('Summary!$A$8:$A$12');
    expect(charts.find((c) => c !== funnel)).toContain('Monthly!$B$8:$P$8');
    expect(readInputs(await ExcelWorkbook.fromBuffer(saved)).ok).toBe(true);
  }, 240_000);

  it('the stacked monthly chart: every series drawn in its colour, the months on the axis, a legend', async () => {
    writeFileSync(join(dir, 'monthly.xlsx'), await monthlyXlsx());
    const pdf = await convertToPdfWithLibreOffice(join(dir, 'monthly.xlsx'));
    const raster = renderPdfPage(pdf, 1);
    for (const color of SERIES_COLORS.slice(0, 3)) expect({ color, drawn: pixelsOfColor(raster, `#${color}`) > 100 }).toEqual({ color, drawn: true });
    const page = pdfText(pdf, 1);
    expect(page).toContain('Work by month');
    // Each month is a cell and an axis label.
    for (const month of MONTHS) expect(page.split(month).length - 1).toBe(2);
    // The legend names the series beside the header cells.
    for (const name of ['Leads', 'MQLs', 'SQLs']) expect(page.split(name).length - 1).toBe(2);
  }, 240_000);
});


/**
 * Native charts in an .xlsx package that exceljs has written: exceljs 4 cannot write charts, so
 * the DrawingML parts are added to its zip afterwards — for each sheet with charts a drawing
 * (`xl/drawings/drawingN.xml`, one `xdr:twoCellAnchor` per chart) reached from the sheet's
 * `<drawing r:id>`, each chart a `xl/charts/chartN.xml` (a `c:barChart`) reached from the
 * drawing's relationships, and their content types. Series point at the sheet's cells and carry
 * the values as their cache, so viewers that do not recalculate still draw them. Every other
 * part keeps its bytes. Pure of exceljs: the chart data comes from the layouts' cells.
 */
import { posix } from 'node:path';
import { areaAddress, quoteSheet } from '../../workbook/a1';
import type { SheetLayout } from '../../workbook/sheetLayout';
import type { Area, Block, Cell, ChartSpec } from '../../workbook/sheetTypes';
import { parseRelationships, relsPartOf, sheetParts } from './xlsxPackage';
import { readZip, writeZip } from './zipArchive';

/** A one-dimensional run of cells (a column or a row) and what its cells hold. */
export interface ChartRange {
  readonly area: Area;
  readonly values: readonly (string | number | null)[];
  /** The number format of the values (a numCache's formatCode). */
  readonly format?: string;
}

export interface ChartSeries {
  /** The series' name: a cell and its text (shown in the legend). */
  readonly name?: { readonly row: number; readonly col: number; readonly text: string };
  readonly values: ChartRange;
}

/** A chart as it goes into the package. */
export interface XlsxChart {
  /** `bar`: horizontal bars, clustered (the funnel); `column`: vertical columns (a histogram); `stackedColumn`: vertical columns stacked (months). */
  readonly kind: 'bar' | 'column' | 'stackedColumn';
  readonly sheet: string;
  readonly title: string;
  readonly categories: ChartRange;
  readonly series: readonly ChartSeries[];
  /** Top-left cell, 1-based. */
  readonly anchor: { readonly row: number; readonly col: number };
  /** Cells the chart spans; about Google Sheets' default 600 × 371 px. */
  readonly size?: { readonly cols: number; readonly rows: number };
}

const DEFAULT_SIZE = { cols: 9, rows: 18 };
/** Google Sheets' series colours, so the .xlsx looks like the sheet the add-on draws. */
export const SERIES_COLORS = ['4285F4', 'EA4335', 'FBBC04', '34A853', 'FF6D01', '46BDC6', '7BAAF7', 'F07B72', 'FCD04F', '71C287'];

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const REL_TYPE = {
  drawing: `${NS.r}/drawing`,
  chart: `${NS.r}/chart`,
};
export const CONTENT_TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cellAt(blocks: readonly Block[], row: number, col: number): Cell | null {
  for (const b of blocks) {
    const cell = b.cells[row - b.row]?.[col - b.col];
    if (cell !== undefined) return cell;
  }
  return null;
}

function rangeOf(blocks: readonly Block[], area: Area): ChartRange {
  const cells: (Cell | null)[] = [];
  for (let r = 0; r < area.rows; r++) for (let c = 0; c < area.cols; c++) cells.push(cellAt(blocks, area.row + r, area.col + c));
  const values = cells.map((cell) => (typeof cell?.value === 'number' || typeof cell?.value === 'string' ? cell.value : null));
  const format = cells.find((cell) => cell?.format)?.format;
  return { area, values, ...(format ? { format } : {}) };
}

/**
 * The chart a layout's ChartSpec describes, with its cells' values: `data` is a labels column
 * followed by one values column per series (today one: the funnel's counts). A first row with
 * text above every values column is the header naming the series, as Google Sheets reads a
 * range; `kind` (absent: a bar chart) picks the column or the stacked column chart.
 */
export function chartOf(layout: SheetLayout, spec: ChartSpec): XlsxChart {
  const { data } = spec;
  if (spec.kind === 'stackedColumn') return stackedChartOf(layout, spec);
  const kind = spec.kind === 'column' ? 'column' : 'bar';
  const valueCols = Array.from({ length: Math.max(data.cols - 1, 0) }, (_, i) => data.col + 1 + i);
  const headerText = (col: number) => cellAt(layout.blocks, data.row, col)?.value;
  const header = data.rows > 1 && valueCols.length > 0 && valueCols.every((col) => typeof headerText(col) === 'string' && headerText(col) !== '');
  const first = header ? data.row + 1 : data.row;
  const rows = header ? data.rows - 1 : data.rows;
  const series = valueCols.map(
    (col): ChartSeries => ({
      ...(header ? { name: { row: data.row, col, text: String(headerText(col)) } } : {}),
      values: rangeOf(layout.blocks, { row: first, col, rows, cols: 1 }),
    }),
  );
  return {
    kind,
    sheet: layout.name,
    title: spec.title,
    categories: rangeOf(layout.blocks, { row: first, col: data.col, rows, cols: 1 }),
    series,
    anchor: spec.anchor,
  };
}

/**
 * A stacked column chart as ChartSpec defines it (sheetTypes.ts) and Google Sheets draws it
 * (rows and columns transposed): the first row labels the months, each further row is a
 * series named by its first cell.
 */
function stackedChartOf(layout: SheetLayout, spec: ChartSpec): XlsxChart {
  const { data } = spec;
  const cols = Math.max(data.cols - 1, 0);
  const series: ChartSeries[] = [];
  for (let row = data.row + 1; row < data.row + data.rows; row++) {
    const name = cellAt(layout.blocks, row, data.col)?.value;
    series.push({
      ...(typeof name === 'string' && name !== '' ? { name: { row, col: data.col, text: name } } : {}),
      values: rangeOf(layout.blocks, { row, col: data.col + 1, rows: 1, cols }),
    });
  }
  return {
    kind: 'stackedColumn',
    sheet: layout.name,
    title: spec.title,
    categories: rangeOf(layout.blocks, { row: data.row, col: data.col + 1, rows: 1, cols }),
    series,
    anchor: spec.anchor,
    size: { cols: 12, rows: 20 },
  };
}

/** Every chart the layouts carry. */
export function chartsOf(layouts: readonly SheetLayout[]): XlsxChart[] {
  return layouts.flatMap((layout) => (layout.charts ?? []).map((spec) => chartOf(layout, spec)));
}

const ref = (sheet: string, area: Area) => `${quoteSheet(sheet)}!${areaAddress(area, true)}`;

function strCache(values: readonly (string | number | null)[]): string {
  const points = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${esc(String(v))}</c:v></c:pt>`)).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function numCache(range: ChartRange): string {
  const points = range.values
    .map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numCache><c:formatCode>${esc(range.format ?? 'General')}</c:formatCode><c:ptCount val="${range.values.length}"/>${points}</c:numCache>`;
}

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich>`
  );
}

/** The chart part: a bar (column, or stacked column) chart, its title, axes, and a legend for several series. */
export function chartXml(chart: XlsxChart): string {
  const stacked = chart.kind === 'stackedColumn';
  // Vertical columns, categories left to right along the bottom: the stacked months and the histogram.
  const vertical = chart.kind !== 'bar';
  const allText = chart.categories.values.every((v) => typeof v !== 'number');
  const cat = allText
    ? `<c:cat><c:strRef><c:f>${esc(ref(chart.sheet, chart.categories.area))}</c:f>${strCache(chart.categories.values)}</c:strRef></c:cat>`
    : `<c:cat><c:numRef><c:f>${esc(ref(chart.sheet, chart.categories.area))}</c:f>${numCache(chart.categories)}</c:numRef></c:cat>`;
  const series = chart.series
    .map((s, i) => {
      const name = s.name
        ? `<c:tx><c:strRef><c:f>${esc(ref(chart.sheet, { row: s.name.row, col: s.name.col, rows: 1, cols: 1 }))}</c:f>${strCache([s.name.text])}</c:strRef></c:tx>`
        : '';
      const color = SERIES_COLORS[i % SERIES_COLORS.length];
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${name}` +
        `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
        `<c:invertIfNegative val="0"/>${cat}` +
        `<c:val><c:numRef><c:f>${esc(ref(chart.sheet, s.values.area))}</c:f>${numCache(s.values)}</c:numRef></c:val></c:ser>`
      );
    })
    .join('');
  const gridLine = '<c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>';
  const axisText = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;
  // The funnel reads top-down like the sheet (first stage on top), the value axis below it.
  const catAx =
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${vertical ? 'minMax' : 'maxMin'}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${vertical ? 'b' : 'l'}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${axisText}<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valFormat = chart.series.find((s) => s.values.format)?.values.format ?? 'General';
  const valAx =
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${vertical ? 'l' : 'b'}"/><c:majorGridlines>${gridLine}</c:majorGridlines><c:numFmt formatCode="${esc(valFormat)}" sourceLinked="0"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisText}<c:crossAx val="500000001"/>` +
    `<c:crosses val="${vertical ? 'autoZero' : 'max'}"/><c:crossBetween val="between"/></c:valAx>`;
  const legend = chart.series.length > 1 ? `<c:legend><c:legendPos val="${vertical ? 'b' : 'r'}"/><c:overlay val="0"/></c:legend>` : '';
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/>` +
    `<c:chart><c:title><c:tx>${richText(chart.title, 1400, false)}</c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="${vertical ? 'col' : 'bar'}"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/>` +
    `<c:varyColors val="0"/>${series}<c:gapWidth val="${stacked ? 50 : vertical ? 10 : 80}"/>${stacked ? '<c:overlap val="100"/>' : ''}` +
    `<c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>${catAx}${valAx}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:chartSpace>`
  );
}

/** A sheet's drawing part: one two-cell anchor per chart, `chartRelIds[i]` naming chart i in the drawing's relationships. */
export function drawingXml(charts: readonly XlsxChart[], chartRelIds: readonly string[]): string {
  const anchors = charts
    .map((chart, i) => {
      const size = chart.size ?? DEFAULT_SIZE;
      const col = chart.anchor.col - 1;
      const row = chart.anchor.row - 1;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${col + size.cols}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + size.rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}" descr="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${chartRelIds[i]}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join('');
  return XML_HEAD + `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors}</xdr:wsDr>`;
}

function relsXml(rels: readonly { id: string; type: string; target: string; external?: boolean }[]): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${NS.rels}">` +
    rels
      .map((r) => `<Relationship Id="${esc(r.id)}" Type="${esc(r.type)}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`)
      .join('') +
    `</Relationships>`
  );
}

/** Elements a worksheet may hold after `<drawing>` (CT_Worksheet's sequence): it goes before the first of them. */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function withDrawingElement(sheetXml: string, relId: string): string {
  const element = `<drawing r:id="${relId}"/>`;
  let at = sheetXml.lastIndexOf('</worksheet>');
  for (const name of AFTER_DRAWING) {
    const i = sheetXml.search(new RegExp(`<${name}[\\s/>]`));
    if (i >= 0 && i < at) at = i;
  }
  if (at < 0) throw new Error('worksheet part without </worksheet>');
  let xml = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  // The r: prefix must be declared on the root (exceljs declares it; a bare sheet might not).
  const root = /<worksheet\b[^>]*>/.exec(xml);
  if (root && !/\sxmlns:r\s*=/.test(root[0])) xml = xml.replace(root[0], root[0].replace(/^<worksheet/, `<worksheet xmlns:r="${NS.r}"`));
  return xml;
}

function nextFree(parts: ReadonlyMap<string, Buffer>, make: (n: number) => string): string {
  for (let n = 1; ; n++) if (!parts.has(make(n))) return make(n);
}

function nextRelId(rels: readonly { id: string }[]): string {
  const used = new Set(rels.map((r) => r.id));
  for (let n = rels.length + 1; ; n++) if (!used.has(`rId${n}`)) return `rId${n}`;
}

/**
 * The package `data` with `charts` added on their sheets. No charts: the same bytes. A sheet
 * that already has a drawing (a picture or chart of another tool) is an error, not merged: the
 * plan workbooks this writes come fresh from exceljs, which writes drawings only for images.
 */
export function addXlsxCharts(data: Buffer, charts: readonly XlsxChart[]): Buffer {
  if (charts.length === 0) return data;
  const original = readZip(data);
  const parts = new Map(original);
  const sheets = sheetParts(parts);
  const overrides: { part: string; type: string }[] = [];
  const bySheet = new Map<string, XlsxChart[]>();
  for (const chart of charts) bySheet.set(chart.sheet, [...(bySheet.get(chart.sheet) ?? []), chart]);

  for (const [sheet, sheetCharts] of bySheet) {
    const sheetPart = sheets.find((s) => s.name === sheet)?.part;
    if (!sheetPart || !parts.has(sheetPart)) throw new Error(`addXlsxCharts: no worksheet part for sheet "${sheet}"`);
    const sheetXml = (parts.get(sheetPart) as Buffer).toString('utf8');
    if (/<drawing[\s/>]/.test(sheetXml)) throw new Error(`addXlsxCharts: sheet "${sheet}" already has a drawing`);

    const chartParts = sheetCharts.map((chart) => {
      const part = nextFree(parts, (n) => `xl/charts/chart${n}.xml`);
      parts.set(part, Buffer.from(chartXml(chart), 'utf8'));
      overrides.push({ part, type: CONTENT_TYPE.chart });
      return part;
    });
    const drawingPart = nextFree(parts, (n) => `xl/drawings/drawing${n}.xml`);
    const chartRels = chartParts.map((part, i) => ({ id: `rId${i + 1}`, type: REL_TYPE.chart, target: posix.relative('xl/drawings', part) }));
    parts.set(drawingPart, Buffer.from(drawingXml(sheetCharts, chartRels.map((r) => r.id)), 'utf8'));
    parts.set(relsPartOf(drawingPart), Buffer.from(relsXml(chartRels), 'utf8'));
    overrides.push({ part: drawingPart, type: CONTENT_TYPE.drawing });

    const sheetRelsPart = relsPartOf(sheetPart);
    const existing = parts.has(sheetRelsPart) ? parseRelationships((parts.get(sheetRelsPart) as Buffer).toString('utf8')) : [];
    const relId = nextRelId(existing);
    const sheetRels = [
      ...existing.map((r) => ({ id: r.id, type: r.typeUri, target: r.target, external: r.external })),
      { id: relId, type: REL_TYPE.drawing, target: posix.relative(posix.dirname(sheetPart), drawingPart), external: false },
    ];
    parts.set(sheetRelsPart, Buffer.from(relsXml(sheetRels), 'utf8'));
    parts.set(sheetPart, Buffer.from(withDrawingElement(sheetXml, relId), 'utf8'));
  }

  const typesXml = (parts.get('[Content_Types].xml') as Buffer).toString('utf8');
  const added = overrides.map((o) => `<Override PartName="/${o.part}" ContentType="${o.type}"/>`).join('');
  parts.set('[Content_Types].xml', Buffer.from(typesXml.replace('</Types>', `${added}</Types>`), 'utf8'));

  // The original order, new parts before the content types (exceljs writes those last).
  const names = [...original.keys()];
  const fresh = [...parts.keys()].filter((n) => !original.has(n));
  const typesAt = names.indexOf('[Content_Types].xml');
  const order = typesAt < 0 ? [...names, ...fresh] : [...names.slice(0, typesAt), ...fresh, ...names.slice(typesAt)];
  return writeZip(new Map(order.map((n) => [n, parts.get(n) as Buffer] as const)));
}

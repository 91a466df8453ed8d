/**
 * The parts of an .xlsx package and how they point at each other, read the way the format
 * allows any tool to write them — and a tidied copy laid out the way exceljs expects.
 *
 * exceljs 4 finds parts by fixed names instead of following relationships: comments must be
 * `xl/commentsN.xml` reached as `../commentsN.xml`, notes' drawings `xl/drawings/vmlDrawingN.vml`,
 * sheets `xl/worksheets/sheetN.xml` with relative targets, elements without a namespace prefix.
 * openpyxl (and so pandas) writes `/xl/comments/comment1.xml` with absolute targets, so exceljs
 * fails on every plan workbook openpyxl saved ("Cannot read properties of undefined (reading
 * 'comments')"); tools built on the .NET Open XML SDK write `<x:worksheet>`, which exceljs reads
 * as an empty sheet. The tidy copy renames parts and rewrites targets; cell data is untouched.
 */
import { posix } from 'node:path';
import { readZip, writeZip } from './zipArchive';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

export interface Relationship {
  readonly id: string;
  /** The last segment of the type URI: worksheet, comments, vmlDrawing, styles… */
  readonly type: string;
  /** The type as written (Strict OOXML's purl.oclc.org URIs included). */
  readonly typeUri: string;
  readonly target: string;
  readonly external: boolean;
}

export interface SheetPart {
  readonly name: string;
  readonly state: string;
  /** The worksheet part, e.g. `xl/worksheets/sheet1.xml`; undefined when the relationship is missing. */
  readonly part: string | undefined;
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    const lower = e.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    return String.fromCodePoint(lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10));
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = decodeXml(m[3] ?? m[4] ?? '');
  return out;
}

/** Attribute `local` whatever prefix it carries (`r:id`, `ns1:id`, or none). */
function attribute(attrs: Record<string, string>, local: string): string | undefined {
  if (attrs[local] !== undefined) return attrs[local];
  const key = Object.keys(attrs).find((k) => k.endsWith(`:${local}`) && !k.startsWith('xmlns'));
  return key === undefined ? undefined : attrs[key];
}

/** Start tags of elements with local name `local`, with or without a prefix. */
function startTags(xml: string, local: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s/>])[^>]*>`, 'g'))].map((m) => attributes(m[0]));
}

export function parseRelationships(xml: string): Relationship[] {
  return startTags(xml, 'Relationship').map((a) => ({
    id: a.Id ?? '',
    type: (a.Type ?? '').split('/').pop() ?? '',
    typeUri: a.Type ?? '',
    target: a.Target ?? '',
    external: (a.TargetMode ?? '').toLowerCase() === 'external',
  }));
}

/** The part a relationship of `fromPart` points at: targets are relative to its folder, or absolute from the package root. */
export function resolveTarget(fromPart: string, target: string): string {
  const clean = target.replace(/\\/g, '/').trim();
  if (clean.startsWith('/')) return posix.normalize(clean).slice(1);
  return posix.normalize(posix.join(posix.dirname(fromPart), clean)).replace(/^(\.\.\/)+/, '');
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPartOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

const text = (parts: ReadonlyMap<string, Buffer>, name: string): string | undefined => parts.get(name)?.toString('utf8');

/** The workbook part (`xl/workbook.xml` unless the package's root relationships say otherwise). */
export function workbookPart(parts: ReadonlyMap<string, Buffer>): string {
  const root = text(parts, '_rels/.rels');
  const rel = root === undefined ? undefined : parseRelationships(root).find((r) => r.type === 'officeDocument' && !r.external);
  return rel ? resolveTarget('', rel.target) : 'xl/workbook.xml';
}

/** The sheets in workbook order, with the part each is stored in. */
export function sheetParts(parts: ReadonlyMap<string, Buffer>, book: string = workbookPart(parts)): SheetPart[] {
  const xml = text(parts, book) ?? '';
  const rels = parseRelationships(text(parts, relsPartOf(book)) ?? '');
  return startTags(xml, 'sheet').map((a) => {
    const rel = rels.find((r) => r.id === attribute(a, 'id'));
    return { name: a.name ?? '', state: a.state ?? 'visible', part: rel && !rel.external ? resolveTarget(book, rel.target) : undefined };
  });
}

/** Namespaces exceljs only reads as the default one (its parsers compare unprefixed element names). */
const UNPREFIXED: readonly string[] = [
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
  'http://schemas.openxmlformats.org/package/2006/relationships',
];

/**
 * `<x:worksheet xmlns:x="…/main">…</x:worksheet>` → `<worksheet xmlns="…/main">…</worksheet>`:
 * a root element with a namespace prefix and no default namespace loses the prefix throughout.
 */
export function dropRootPrefix(xml: string): string {
  const root = /<([\w.-]+):[\w.-]+[\s>]/.exec(xml.replace(/^\uFEFF?(<\?[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*/, ''));
  if (!root || root.index !== 0) return xml;
  const prefix = root[1];
  const head = xml.slice(0, xml.indexOf('>', xml.indexOf(`<${prefix}:`)) + 1);
  const uri = new RegExp(`\\sxmlns:${prefix}\\s*=\\s*["']([^"']*)["']`).exec(head)?.[1];
  if (/\sxmlns\s*=/.test(head) || uri === undefined || !UNPREFIXED.includes(uri)) return xml;
  return xml
    .replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1')
    .replace(new RegExp(`(\\s)xmlns:${prefix}(\\s*=)`), '$1xmlns$2');
}

/** The part names exceljs 4 reads, and how to make one. */
const NAMES = {
  worksheet: [/^xl\/worksheets\/sheet\d+\.xml$/, (n: number) => `xl/worksheets/sheet${n}.xml`],
  comments: [/^xl\/comments\d+\.xml$/, (n: number) => `xl/comments${n}.xml`],
  vmlDrawing: [/^xl\/drawings\/vmlDrawing\d+\.vml$/, (n: number) => `xl/drawings/vmlDrawing${n}.vml`],
  table: [/^xl\/tables\/table\d+\.xml$/, (n: number) => `xl/tables/table${n}.xml`],
} as const;

const SPREADSHEET_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

/**
 * `<wsDr xmlns="…/spreadsheetDrawing">` → `<xdr:wsDr xmlns:xdr="…">`: exceljs reads drawings only
 * under the `xdr:` prefix; openpyxl writes them in the default namespace, and exceljs then fails
 * on any workbook with a chart or picture ("Cannot read properties of undefined (reading 'anchors')").
 */
export function addDrawingPrefix(xml: string): string {
  const head = /<wsDr\b[^>]*>/.exec(xml);
  if (!head || !new RegExp(`\\sxmlns\\s*=\\s*["']${SPREADSHEET_DRAWING}["']`).test(head[0]) || /\sxmlns:xdr\s*=/.test(head[0])) return xml;
  return xml
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, '<$1xdr:$2')
    .replace(new RegExp(`(\\s)xmlns(\\s*=\\s*["']${SPREADSHEET_DRAWING})`), '$1xmlns:xdr$2');
}

interface Tidy {
  readonly parts: Map<string, Buffer>;
  readonly changed: boolean;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Relationships as XML; Strict OOXML's type URIs become the transitional ones exceljs compares with. */
function relsXml(rels: readonly Relationship[]): string {
  const body = rels
    .map(
      (r) =>
        `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.typeUri.replace(STRICT_REL, REL))}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
}

/** The package with parts where exceljs looks for them; `changed` false when it already was. */
function tidyParts(original: ReadonlyMap<string, Buffer>): Tidy {
  const parts = new Map<string, Buffer>();
  for (const [name, data] of original) parts.set(name.replace(/\\/g, '/').replace(/^\/+/, ''), data);
  let changed = [...original.keys()].some((name) => !parts.has(name));

  // Namespace prefixes on SpreadsheetML and relationship parts.
  for (const [name, data] of parts) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const xml = data.toString('utf8');
    const fixed = dropRootPrefix(xml);
    if (fixed !== xml) {
      parts.set(name, Buffer.from(fixed, 'utf8'));
      changed = true;
    }
  }

  // Drawings (charts, pictures) in the default namespace, and their links.
  for (const [name, data] of parts) {
    if (/^xl\/drawings\/[^/]+\.xml$/.test(name)) {
      const xml = data.toString('utf8');
      const fixed = addDrawingPrefix(xml);
      if (fixed !== xml) {
        parts.set(name, Buffer.from(fixed, 'utf8'));
        changed = true;
      }
    } else if (/^xl\/drawings\/_rels\/[^/]+\.rels$/.test(name)) {
      const xml = data.toString('utf8');
      const source = posix.join('xl/drawings', posix.basename(name, '.rels'));
      const rels = parseRelationships(xml);
      if (rels.some((r) => !r.external && r.target.startsWith('/'))) {
        const relative = rels.map((r) => (r.external ? r : { ...r, target: posix.relative(posix.dirname(source), resolveTarget(source, r.target)) }));
        parts.set(name, Buffer.from(relsXml(relative), 'utf8'));
        changed = true;
      }
    }
  }

  const book = workbookPart(parts);
  if (book !== 'xl/workbook.xml' && parts.has(book)) {
    parts.set('xl/workbook.xml', parts.get(book) as Buffer);
    parts.delete(book);
    if (parts.has(relsPartOf(book))) {
      parts.set('xl/_rels/workbook.xml.rels', parts.get(relsPartOf(book)) as Buffer);
      parts.delete(relsPartOf(book));
    }
    changed = true;
  }
  const bookRelsName = 'xl/_rels/workbook.xml.rels';
  const bookRelsXml = text(parts, bookRelsName);
  if (bookRelsXml === undefined) return { parts, changed };
  const renames = new Map<string, string>(); // old part → new part
  // A part already named the way exceljs looks for keeps its name; others get the next free number.
  const canonical = (part: string, kind: keyof typeof NAMES): string => {
    const [pattern, make] = NAMES[kind];
    if (pattern.test(part)) return part;
    for (let n = 1; ; n++) {
      const name = make(n);
      if (!parts.has(name) && ![...renames.values()].includes(name)) return name;
    }
  };
  const fixed: Record<string, string> = { styles: 'xl/styles.xml', sharedStrings: 'xl/sharedStrings.xml' };
  const bookRels = parseRelationships(bookRelsXml).map((rel): Relationship => {
    if (rel.external) return rel;
    const part = resolveTarget('xl/workbook.xml', rel.target);
    let next = part;
    if (rel.type === 'worksheet') next = canonical(part, 'worksheet');
    else if (fixed[rel.type]) next = fixed[rel.type];
    if (next !== part) renames.set(part, next);
    return { ...rel, target: posix.relative('xl', next) };
  });

  // Each sheet's own relationships: notes, their drawings, tables.
  const sheetRels = new Map<string, string>(); // new rels part → xml
  for (const rel of bookRels) {
    if (rel.type !== 'worksheet' || rel.external) continue;
    const newSheet = `xl/${rel.target}`;
    const oldSheet = [...renames].find(([, to]) => to === newSheet)?.[0] ?? newSheet;
    const relsXmlText = text(parts, relsPartOf(oldSheet));
    if (relsXmlText === undefined) continue;
    const rels = parseRelationships(relsXmlText).flatMap((r): Relationship[] => {
      if (r.external) return [r];
      const part = resolveTarget(oldSheet, r.target);
      if (!parts.has(part)) return []; // a dangling link would crash the reader; the part is gone anyway
      let next = part;
      if (r.type === 'comments' || r.type === 'vmlDrawing' || r.type === 'table') next = canonical(part, r.type);
      if (next !== part) renames.set(part, next);
      return [{ ...r, target: posix.relative('xl/worksheets', next) }];
    });
    const newRels = relsXml(rels);
    if (relsPartOf(oldSheet) !== relsPartOf(newSheet) || relsXmlText.includes(STRICT_REL) || JSON.stringify(parseRelationships(relsXmlText)) !== JSON.stringify(rels)) {
      sheetRels.set(relsPartOf(newSheet), newRels);
      parts.delete(relsPartOf(oldSheet));
    }
  }
  const bookRelsChanged = bookRelsXml.includes(STRICT_REL) || JSON.stringify(parseRelationships(bookRelsXml)) !== JSON.stringify(bookRels);
  if (renames.size === 0 && sheetRels.size === 0 && !bookRelsChanged) return { parts, changed };

  const out = new Map<string, Buffer>();
  for (const [name, data] of parts) {
    if (name === bookRelsName) out.set(name, Buffer.from(relsXml(bookRels), 'utf8'));
    else out.set(renames.get(name) ?? name, data);
  }
  for (const [name, xml] of sheetRels) out.set(name, Buffer.from(xml, 'utf8'));
  return { parts: out, changed: true };
}

const EMPTY_SHARED_STRINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>`;

/** Parts the streaming reader needs before any sheet, so sheets stream instead of waiting in temporary files. */
const FIRST = ['_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/**
 * The order a tidied package is written in: the parts above first, then the rest, and never a
 * sheet last — exceljs's streaming reader was seen to drop the last entry of such a package when
 * its sheets had to wait for the workbook part. Folder entries (names ending in "/") are dropped.
 */
function streamingOrder(parts: ReadonlyMap<string, Buffer>): Map<string, Buffer> {
  const names = [...parts.keys()].filter((n) => !n.endsWith('/'));
  const rank = (n: string) => (FIRST.includes(n) ? FIRST.indexOf(n) : n === '[Content_Types].xml' ? FIRST.length + 2 : FIRST.length + 1);
  return new Map(names.sort((a, b) => rank(a) - rank(b)).map((n) => [n, parts.get(n) as Buffer] as const));
}

/** The .xlsx bytes as exceljs can load them: the same bytes when nothing needed tidying. */
export function tidyXlsxPackage(data: Buffer): Buffer {
  let original: Map<string, Buffer>;
  try {
    original = readZip(data);
  } catch {
    return data; // zip64 or damaged: exceljs reads it as it can, or says why
  }
  const tidy = tidyParts(original);
  const names = [...tidy.parts.keys()].filter((n) => !n.endsWith('/'));
  const sheetLast = NAMES.worksheet[0].test(names[names.length - 1] ?? '');
  if (!tidy.changed && !sheetLast) return data;
  // Without a shared string table the streaming reader parks every sheet in a temporary file
  // until the end, where it was seen to lose one now and then; an empty table lets sheets stream.
  if (!tidy.parts.has('xl/sharedStrings.xml')) tidy.parts.set('xl/sharedStrings.xml', Buffer.from(EMPTY_SHARED_STRINGS, 'utf8'));
  return writeZip(streamingOrder(tidy.parts));
}

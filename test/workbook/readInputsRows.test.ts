/**
 * An Inputs sheet that lost a row must not plan a different funnel in silence: a missing label
 * row, a deleted won row, a stage list unlike the Funnel sheet's, a formula with no saved result.
 */
import { defaultPlanInput } from '../../src/core/defaultPlan';
import { formatFieldError } from '../../src/core/fieldError';
import { plan } from '../../src/core/plan';
import type { Lang } from '../../src/core/stages';
import { planLayouts } from '../../src/workbook/layouts/planLayouts';
import { MemoryWorkbook } from '../support/memoryWorkbook';
import type { CellValue } from '../../src/workbook/port';
import { readInputs, type InputsReading } from '../../src/workbook/readInputs';
import { writeLayouts } from '../../src/workbook/writeLayouts';

const STAMP = { version: '9.9.9', generatedOn: '2026-12-01' };
const CHECKS = { formulasWithoutResults: true, stagesAgainstFunnel: true };

function written(lang: Lang = 'en'): MemoryWorkbook {
  const outcome = plan(defaultPlanInput());
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => formatFieldError(e)).join('; '));
  const book = new MemoryWorkbook();
  writeLayouts(book, planLayouts({ plan: outcome.plan, funnel: outcome.funnel, lang, stamp: STAMP }), STAMP);
  return book;
}

/** The Inputs sheet rewritten as `change` leaves its values (a row deleted, a label retyped…); other sheets kept. */
function editInputs(book: MemoryWorkbook, change: (rows: CellValue[][]) => CellValue[][]): MemoryWorkbook {
  const values = change(book.readValues('Inputs').map((r) => [...r]));
  const width = Math.max(...values.map((r) => r.length));
  book.deleteSheet('Inputs');
  book.addSheet('Inputs');
  book.writeBlock('Inputs', { row: 1, col: 1, cells: values.map((r) => Array.from({ length: width }, (_, c) => (r[c] === null || r[c] === undefined ? null : { value: r[c] }))) });
  return book;
}

const rowOf = (book: MemoryWorkbook, label: string) => book.readValues('Inputs').findIndex((r) => r[0] === label) + 1;
const problems = (reading: InputsReading) => (reading.ok ? [] : reading.problems);

describe('readInputs and rows that went missing', () => {
  it('reads an untouched sheet with no warning', () => {
    const reading = readInputs(written(), 'Inputs', 'en', undefined, CHECKS);
    expect(reading.ok && reading.warnings).toEqual([]);
  });

  it('refuses an Inputs sheet whose currency or handoff label changed instead of planning with the default', () => {
    const book = written();
    const currency = rowOf(book, 'Currency');
    const handoff = rowOf(book, "Marketing's target stage");
    editInputs(book, (rows) => {
      rows[currency - 1][0] = 'Money';
      rows[handoff - 1][0] = 'Target';
      return rows;
    });
    expect(problems(readInputs(book))).toEqual([
      'Inputs!A:A has no row labelled "Currency": the row was deleted or its label changed; restore the label (in English or Chinese) or regenerate the sheet',
      'Inputs!A:A has no row labelled "Marketing\'s target stage": the row was deleted or its label changed; restore the label (in English or Chinese) or regenerate the sheet',
    ]);
    expect(problems(readInputs(book, 'Inputs', 'zh-CN'))[0]).toBe('Inputs!A:A 中没有标签为“币种”的行：该行被删除或标签被修改；请恢复标签（中文或英文均可）或重新生成该表');
  });

  it('names the cell when the won row was deleted (the last stage row holds a rate)', () => {
    const book = written();
    const won = rowOf(book, 'won');
    editInputs(book, (rows) => rows.filter((_, i) => i !== won - 1));
    expect(problems(readInputs(book))).toEqual([
      'Inputs!B23 holds a conversion rate, but "opportunity" is the last stage row, where the won stage (marked "(won stage)") should be: the won stage row was deleted; restore it or regenerate the sheet',
    ]);
  });

  it('warns, naming the row, when a rate row was deleted, and when one was added', () => {
    const book = written();
    const mql = rowOf(book, 'mql');
    editInputs(book, (rows) => rows.filter((_, i) => i !== mql - 1));
    const reading = readInputs(book, 'Inputs', 'en', undefined, CHECKS);
    expect(reading.ok && reading.warnings).toEqual([
      'Inputs!A20:A23 lists the stages lead, sql, opportunity, won, but the Funnel sheet was generated for lead, mql, sql, opportunity, won: the row "mql" is missing. If you changed the stages on purpose, ignore this; otherwise restore the row',
    ]);
    const zh = written('zh-CN');
    const sql = rowOf(zh, 'sql');
    editInputs(zh, (rows) => [...rows.slice(0, sql - 1), ['bql', 0.5, 0.5], ...rows.slice(sql - 1)]);
    const added = readInputs(zh, 'Inputs', 'zh-CN', undefined, CHECKS);
    expect(added.ok && added.warnings[0]).toContain('“Funnel”表生成时的阶段是 lead, mql, sql, opportunity, won：新增了“bql”行');
  });

  it('says the order changed, not the list twice, when two stage labels were swapped (A21 sql, A22 mql)', () => {
    const swap = (lang: Lang) => {
      const book = written(lang);
      const mql = rowOf(book, 'mql');
      const sql = rowOf(book, 'sql');
      editInputs(book, (rows) => {
        rows[mql - 1][0] = 'sql';
        rows[sql - 1][0] = 'mql';
        return rows;
      });
      const reading = readInputs(book, 'Inputs', lang, undefined, CHECKS);
      return reading.ok ? reading.warnings : reading.problems;
    };
    expect(swap('en')).toEqual([
      'Inputs!A20:A24 has the stage rows in a different order than the Funnel sheet was generated for: found lead, sql, mql, opportunity, won, generated lead, mql, sql, opportunity, won. If you reordered the stages on purpose, ignore this; otherwise put the rows back in the generated order',
    ]);
    expect(swap('zh-CN')[0]).toContain('阶段行顺序与“Funnel”表生成时不同：现在是 lead, sql, mql, opportunity, won，生成时是 lead, mql, sql, opportunity, won');
    expect(swap('zh-TW')[0]).toContain('階段列順序與「Funnel」表生成時不同');
  });

  it('names a stage row typed twice', () => {
    const book = written();
    const sql = rowOf(book, 'sql');
    editInputs(book, (rows) => {
      rows[sql - 1][0] = 'mql';
      return rows;
    });
    const reading = readInputs(book, 'Inputs', 'en', undefined, CHECKS);
    expect(reading.ok ? reading.warnings : reading.problems).toEqual([expect.stringContaining('the row "sql" is missing; the row "mql" appears 2 times.')]);
  });

  it('refuses a source typed into the Total column of Sources, naming its first cell, instead of planning without it', () => {
    const typeThird = (lang: Lang) => {
      const book = written(lang);
      const values = book.readValues('Inputs');
      const titleRow = values.findIndex((r) => r.some((v) => v === (lang === 'en' ? 'Total' : '合计'))) + 1;
      const col = values[titleRow - 1].findIndex((v) => v === (lang === 'en' ? 'Total' : '合计')) + 1;
      const mql = rowOf(book, 'mql');
      editInputs(book, (rows) => {
        ['partner', 'Partners', 'partner', 0.1, 30_000, 'mql'].forEach((v, k) => (rows[titleRow + k][col - 1] = v));
        rows[mql - 1][col - 1] = 0.3;
        return rows;
      });
      return { col, titleRow, problems: problems(readInputs(book, 'Inputs', lang, undefined, CHECKS)) };
    };
    const en = typeThird('en');
    expect(en.col).toBe(4);
    expect(en.problems[0]).toBe(`Inputs!D${en.titleRow + 1}: this column is the Total; to add a source, insert a column before it and regenerate`);
    expect(typeThird('zh-CN').problems[0]).toContain('这一列是“合计”列；要新增来源，请在它之前插入一列，然后重新生成');
  });

  it('refuses a share typed over the share total, and keeps a total that is its formula or the sum', () => {
    const book = written();
    const share = rowOf(book, 'Share of target');
    expect(readInputs(book, 'Inputs', 'en', undefined, CHECKS).ok).toBe(true);
    // A stale cached total (openpyxl changed a share and saved without calculating) is still the formula.
    book.writeBlock('Inputs', { row: share, col: 4, cells: [[{ formula: 'SUM(B15:C15)', value: 0.8 }]] });
    expect(readInputs(book, 'Inputs', 'en', undefined, CHECKS).ok).toBe(true);
    book.writeBlock('Inputs', { row: share, col: 4, cells: [[{ value: 0.1 }]] });
    expect(problems(readInputs(book, 'Inputs', 'en', undefined, CHECKS))[0]).toBe(`Inputs!D${share}: this column is the Total; to add a source, insert a column before it and regenerate`);
  });

  it('names an input formula with no saved result; a formula with one reads as its value', () => {
    const book = written();
    const share = rowOf(book, 'Share of target');
    book.writeBlock('Inputs', { row: share, col: 2, cells: [[{ formula: '1-0.6' }, { formula: '1-B15', value: 0.6 }]] });
    expect(problems(readInputs(book, 'Inputs', 'en', undefined, CHECKS))).toEqual([
      'Inputs!B15 holds the formula =1-0.6 but no saved result (the file was saved by a tool that does not calculate, such as openpyxl or pandas): open and save the workbook in Excel, LibreOffice or Google Sheets, or type the number instead of the formula',
    ]);
  });

  it('does not read the Funnel sheet or formulas unless asked (each read is a round trip in Google Sheets)', () => {
    const book = written();
    const reads: string[] = [];
    const port = Object.assign(Object.create(book) as MemoryWorkbook, {
      readValues: (sheet: string) => (reads.push(`values ${sheet}`), book.readValues(sheet)),
      readFormulas: (sheet: string) => (reads.push(`formulas ${sheet}`), book.readFormulas(sheet)),
    });
    expect(readInputs(port).ok).toBe(true);
    expect(reads).toEqual(['values Inputs']);
  });
});

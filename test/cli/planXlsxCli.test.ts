import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';

const dir = mkdtempSync(join(tmpdir(), 'fp-xlsx-cli-'));
const at = (name: string) => join(dir, name);

async function editCell(file: string, out: string, sheet: string, address: string, value: ExcelJS.CellValue): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet(sheet)!.getCell(address).value = value;
  writeFileSync(out, Buffer.from(await wb.xlsx.writeBuffer()));
}

describe('funnel-planner plan with workbooks', () => {
  beforeAll(() => {
    const r = runCli(['plan', '--out', at('plan.xlsx'), '--report', at('plan.html')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`wrote the workbook to ${at('plan.xlsx')}`);
    expect(r.stdout).toContain(`wrote the report to ${at('plan.html')}`);
  });

  it('writes the workbook and the report atomically, leaving no temporary files', () => {
    expect(readdirSync(dir).sort()).toEqual(['plan.html', 'plan.xlsx']);
    expect(readFileSync(at('plan.html'), 'utf8')).toContain('12,800');
  });

  it('plans an .xlsx again from its Inputs sheet: the same numbers', () => {
    const fromJson = JSON.parse(runCli(['plan', '--json']).stdout);
    const r = runCli(['plan', at('plan.xlsx'), '--out', at('plan-2.xlsx'), '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).funnel).toEqual(fromJson.funnel);
    expect(r.stderr).toContain('wrote the workbook');
    expect(existsSync(at('plan-2.xlsx'))).toBe(true);
  });

  it('reads a user edit: a rate typed as "20%" text', async () => {
    await editCell(at('plan.xlsx'), at('edited.xlsx'), 'Inputs', 'B20', '20%');
    const json = JSON.parse(runCli(['plan', at('edited.xlsx'), '--json']).stdout);
    expect(json.funnel.bySource.marketing.counts.lead).toBe(16_000);
  });

  it('names the cell of a bad input', async () => {
    await editCell(at('plan.xlsx'), at('bad.xlsx'), 'Inputs', 'B15', 1.4);
    const r = runCli(['plan', at('bad.xlsx')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Inputs!B15 (sources[0].share): expected a share from 0 to 1 (e.g. 0.4 or "40%"), got 1.4');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    await editCell(at('plan.xlsx'), at('bad-sum.xlsx'), 'Inputs', 'B15', 0.3);
    expect(runCli(['plan', at('bad-sum.xlsx')]).stderr).toContain(
      'Inputs!B15:C15 (sources): the shares of all sources must add up to 1 (100%), but they add up to 0.9 (90%)',
    );
  });

  it('refuses to write over its own input', () => {
    const before = readFileSync(at('plan.xlsx'));
    const r = runCli(['plan', at('plan.xlsx'), '--out', at('plan.xlsx')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('refusing to write over an input file');
    expect(readFileSync(at('plan.xlsx')).equals(before)).toBe(true);
  });

  it('explains unusable files', async () => {
    writeFileSync(at('fake.xlsx'), 'not a zip');
    expect(runCli(['plan', at('fake.xlsx')])).toMatchObject({ status: 2, stderr: expect.stringContaining('is not a readable .xlsx workbook') });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Budget').getCell('A1').value = 'hello';
    writeFileSync(at('other.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    expect(runCli(['plan', at('other.xlsx')])).toMatchObject({ status: 2, stderr: expect.stringContaining('the workbook has no "Inputs" sheet (it has: Budget)') });
    expect(runCli(['plan', '--out', at('plan.csv')])).toMatchObject({ status: 2, stderr: expect.stringContaining('expected a .xlsx file name') });
  });
});

describe('funnel-planner template --out inputs.xlsx', () => {
  it('writes an Inputs-only workbook that plans to the default', async () => {
    expect(runCli(['template', '--out', at('inputs.xlsx')]).status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at('inputs.xlsx'));
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['Inputs']);
    const fromTemplate = JSON.parse(runCli(['plan', at('inputs.xlsx'), '--json']).stdout);
    expect(fromTemplate.funnel).toEqual(JSON.parse(runCli(['plan', '--json']).stdout).funnel);
  });
});

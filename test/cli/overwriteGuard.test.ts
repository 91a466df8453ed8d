/** `--out` and `--report` replace only files Funnel Planner wrote and nobody changed since; anything else needs --force. */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';

const dir = mkdtempSync(join(tmpdir(), 'fp-overwrite-'));
const at = (name: string) => join(dir, name);

async function edit(file: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  change(wb);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

function refused(args: string[], file: string, why: string): void {
  const before = readFileSync(file);
  const r = runCli(args);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain(`${file}: the file exists and ${why}; not overwriting it: choose another name, or add --force to replace it`);
  expect(readFileSync(file).equals(before)).toBe(true);
}

describe('overwrite protection', () => {
  it('replaces its own plan workbook and report, untouched since written', () => {
    expect(runCli(['plan', '--out', at('plan.xlsx'), '--report', at('plan.html')]).status).toBe(0);
    const again = runCli(['plan', '--out', at('plan.xlsx'), '--report', at('plan.html')]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('wrote the workbook');
  });

  it('refuses a workbook another tool wrote, naming its sheets; --force replaces it', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Budget').getCell('A1').value = 'Q1';
    writeFileSync(at('budget.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    refused(['plan', '--out', at('budget.xlsx')], at('budget.xlsx'), 'it was not written by Funnel Planner (its sheets: Budget)');
    refused(['template', '--out', at('budget.xlsx')], at('budget.xlsx'), 'it was not written by Funnel Planner (its sheets: Budget)');
    expect(runCli(['plan', '--out', at('budget.xlsx'), '--force']).status).toBe(0);
  });

  it('rates --out refuses another tool\'s workbook before reading the export, and replaces its own', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Budget').getCell('A1').value = 'Q1';
    writeFileSync(at('rates-budget.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    writeFileSync(at('export.csv'), 'Became a Lead Date,Became a Customer Date\n2024-01-01,2024-01-11\n2024-01-02,\n');
    refused(['rates', at('export.csv'), '--out', at('rates-budget.xlsx')], at('rates-budget.xlsx'), 'it was not written by Funnel Planner (its sheets: Budget)');
    expect(runCli(['rates', at('export.csv'), '--out', at('rates.xlsx')]).status).toBe(0);
    expect(runCli(['rates', at('export.csv'), '--out', at('rates.xlsx')]).status).toBe(0);
    expect(runCli(['rates', at('export.csv'), '--out', at('rates-budget.xlsx'), '--force']).status).toBe(0);
  });

  it('refuses a plan workbook whose Inputs were edited, or that gained a sheet', async () => {
    expect(runCli(['plan', '--out', at('edited.xlsx')]).status).toBe(0);
    await edit(at('edited.xlsx'), (wb) => (wb.getWorksheet('Inputs')!.getCell('B7').value = 12_000_000));
    refused(['plan', '--out', at('edited.xlsx')], at('edited.xlsx'), 'its sheets were edited since Funnel Planner wrote them: Inputs');
    const zh = runCli(['--lang', 'zh-CN', 'plan', '--out', at('edited.xlsx')]);
    expect(zh.stderr).toContain('该文件已存在，其中的工作表在 Funnel Planner 写出后被编辑过：Inputs；未覆盖。请换一个文件名，或加上 --force 覆盖它');
    expect(runCli(['plan', '--out', at('extra.xlsx')]).status).toBe(0);
    await edit(at('extra.xlsx'), (wb) => (wb.addWorksheet('My notes').getCell('A1').value = 'keep me'));
    refused(['plan', '--out', at('extra.xlsx')], at('extra.xlsx'), 'it has sheets Funnel Planner did not write: My notes');
  });

  it('refuses a page it did not write and a JSON file with other content', () => {
    writeFileSync(at('index.html'), '<!DOCTYPE html><title>our intranet</title>');
    refused(['plan', '--report', at('index.html')], at('index.html'), 'it is not a Funnel Planner report');
    writeFileSync(at('my-plan.json'), '{"revenueTarget": 5}\n');
    refused(['template', '--out', at('my-plan.json')], at('my-plan.json'), 'it holds other JSON (a plan you edited?)');
    expect(runCli(['template', '--out', at('my-plan.json'), '--force']).status).toBe(0);
    expect(runCli(['template', '--out', at('my-plan.json')]).status).toBe(0); // the same bytes again: nothing lost
  });

  it('refuses before doing the work', () => {
    writeFileSync(at('other.xlsx'), 'not a workbook');
    const r = runCli(['plan', '--out', at('other.xlsx'), '--rates-from', at('missing.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('it is not an .xlsx workbook');
  });
});

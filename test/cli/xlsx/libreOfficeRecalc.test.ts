/** A real spreadsheet engine (LibreOffice Calc, headless) computes every formula of our .xlsx to the value cached in it. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { plan } from '../../../src/core/plan';
import { planXlsx } from '../../../src/cli/xlsx/planXlsx';
import { disposeLibreOfficeProfile, describeWithLibreOffice, readFormulaCells, recalculateWithLibreOffice } from '../../support/libreoffice';
import { WORKBOOK_PLANS } from './planPlans';

/** LibreOffice stores 15 significant digits; counts must match exactly. */
function agrees(cached: unknown, computed: unknown): boolean {
  if (typeof cached === 'number' && typeof computed === 'number') {
    if (Number.isInteger(cached)) return cached === computed;
    return Math.abs(cached - computed) <= 1e-13 * Math.max(1, Math.abs(cached));
  }
  return cached === computed;
}

describeWithLibreOffice('LibreOffice recalculates our workbooks to the cached values', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-lo-'));
  afterAll(async () => {
    await disposeLibreOfficeProfile();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it.each(Object.keys(WORKBOOK_PLANS))('the %s plan', async (name) => {
    const outcome = plan(WORKBOOK_PLANS[name]);
    if (!outcome.ok) throw new Error('valid plan');
    const file = path.join(tmp, `${name}.xlsx`);
    fs.writeFileSync(file, await planXlsx({ plan: outcome.plan, funnel: outcome.funnel, lang: 'en', stamp: { version: 't', generatedOn: '2026-11-23' } }));
    const cached = await readFormulaCells(file);
    const recalculated = await readFormulaCells(await recalculateWithLibreOffice(file));
    expect(cached.length).toBeGreaterThan(10);
    const computed = new Map(recalculated.map((c) => [`${c.sheet}!${c.address}`, c.result]));
    const disagreements = cached
      .filter((c) => !agrees(c.result, computed.get(`${c.sheet}!${c.address}`)))
      .map((c) => `${c.sheet}!${c.address} =${c.formula}: cached ${String(c.result)}, LibreOffice ${JSON.stringify(computed.get(`${c.sheet}!${c.address}`))}`);
    expect(disagreements).toEqual([]);
  }, 240_000);
});

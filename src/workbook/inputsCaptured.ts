/**
 * Whether replacing the Inputs sheet with a submitted form can lose anything: only when the
 * sheet is unchanged since the form was filled from it AND holds nothing but the plan it
 * encodes (no notes in spare cells, no formulas in input cells). Otherwise Generate keeps a
 * backup copy.
 */
import { LANGS } from '../core/i18n/lang';
import { validatePlan } from '../core/validatePlan';
import { contentFingerprint } from './contentFingerprint';
import { inputsLayout } from './layouts/inputsLayout';
import { fingerprintLayout } from './sheetLayout';
import { SHEET } from './layouts/sheetNames';
import type { WorkbookPort } from './port';
import { readInputs } from './readInputs';

export function inputsOnlyHoldTheirPlan(port: WorkbookPort, fingerprintWhenLoaded: string): boolean {
  if (!port.listSheets().includes(SHEET.inputs)) return false;
  const now = contentFingerprint(port, SHEET.inputs);
  const marker = port.getOwner(SHEET.inputs);
  if (now !== fingerprintWhenLoaded || !marker) return false;
  const reading = readInputs(port, SHEET.inputs);
  if (!reading.ok) return false;
  const checked = validatePlan(reading.input);
  if (!checked.ok) return false;
  const funnel = checked.funnel;
  const stamp = { version: marker.version, generatedOn: marker.generatedOn };
  return LANGS.some(
    (lang) => fingerprintLayout(inputsLayout({ plan: checked.plan, funnel, lang, stamp }), { charts: port.setCharts !== undefined }) === now,
  );
}

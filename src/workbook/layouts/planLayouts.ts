/**
 * The sheets of a plan workbook, in order. Later issues add
 * History and Diagnostics here: one layout file each, one line in this list.
 */
import type { SheetLayout } from '../sheetLayout';
import { bonusLayout } from './bonusLayout';
import { diagnosisLayout } from './diagnosisLayout';
import { funnelLayout } from './funnelLayout';
import { headcountLayout } from './headcountLayout';
import { inputsLayout } from './inputsLayout';
import { monthlyLayout } from './monthlyLayout';
import type { LayoutInput } from './layoutInput';
import { summaryLayout } from './summaryLayout';
import { teamsLayout } from './teamsLayout';

export const OUTPUT_LAYOUTS: readonly ((input: LayoutInput) => SheetLayout)[] = [summaryLayout, funnelLayout, monthlyLayout, teamsLayout, headcountLayout, bonusLayout, diagnosisLayout];

/** Every sheet of a full workbook: Summary first (what leadership opens), then Funnel, Monthly, Teams, Headcount and Bonus, then Inputs. */
export function planLayouts(input: LayoutInput): SheetLayout[] {
  return [...OUTPUT_LAYOUTS.map((layout) => layout(input)), inputsLayout(input)];
}

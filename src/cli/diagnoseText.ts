/** `diagnose` in the terminal: each source's shapes with evidence and advice, then the sensitivity ranking. */
import Table from 'cli-table3';
import type { Diagnosis } from '../core/diagnosis/diagnosis';
import { percent } from '../core/diagnosis/funnelShapes';
import { messages } from '../core/i18n/catalogue';
import type { Lang } from '../core/i18n/lang';
import { stageLabel } from '../core/stages';
import { formatCount, formatMoney } from '../report/formatNumber';
import { cliMessages } from './i18n/cliCatalogue';
import { COMPACT_TABLE } from './tableStyle';

export interface DiagnoseTextOptions {
  /** How the plan input is named (a file, or the built-in template). */
  readonly where: string;
  readonly currency: string;
  /** The export judged, when --rates-from gave one. */
  readonly exportFile?: string;
  /** Why there is no sensitivity (the plan's problems with the export's rates). */
  readonly noSensitivity?: readonly string[];
}

/**
 * @example
 * diagnoseText(diagnose({ … }), { where: 'the built-in template', currency: 'USD' }, 'en');
 * // → "What is wrong with the funnel: the built-in template\n…Marketing-sourced (enters at Leads)\n  Healthy\n…"
 */
export function diagnoseText(d: Diagnosis, options: DiagnoseTextOptions, lang: Lang): string {
  const t = cliMessages(lang).diagnose;
  const words = messages(lang).diagnosis;
  const short = (stage: string) => (Object.prototype.hasOwnProperty.call(words.stage, stage) ? words.stage[stage] : stage);
  const transition = (from: string) => words.transition(short(from), short(d.stages[d.stages.indexOf(from) + 1]));
  const lines = [t.title(options.where), options.exportFile !== undefined ? t.measured(options.exportFile) : t.planned, ''];
  for (const s of d.sources) {
    lines.push(t.source(s.name, stageLabel(s.entryStage, lang)));
    for (const f of s.shapes) {
      lines.push(`  ${words.shapes[f.shape]}`, `    ${t.evidence}${f.evidence}`, `    ${t.advice}${f.advice}`);
    }
    lines.push('');
  }
  if (d.sensitivity === null) {
    lines.push(t.noSensitivity, ...(options.noSensitivity ?? []).map((line) => `  - ${line}`));
  } else {
    lines.push(t.sensitivityTitle);
    const names = new Map(d.sources.map((s) => [s.id, s.name]));
    const table = new Table({
      head: [cliMessages(lang).simulate.source, t.stage, t.rate, t.entries, t.saved, t.budget, t.revenue],
      colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
      ...COMPACT_TABLE,
    });
    for (const s of d.sensitivity) {
      table.push([
        names.get(s.source) ?? s.source,
        transition(s.stage),
        `${percent(s.rate)} → ${percent(s.betterRate)}`,
        `${formatCount(s.entryToday)} → ${formatCount(s.entryBetter)} ${stageLabel(s.entryStage, lang)}`,
        formatCount(s.leadsSaved),
        s.budgetSaved === null ? t.noCost : formatMoney(s.budgetSaved, options.currency),
        formatMoney(Math.round(s.revenueGained), options.currency),
      ]);
    }
    lines.push(table.toString(), t.costNote);
    if (d.sensitivityLeftOut.length > 0) {
      lines.push(t.leftOut(d.sensitivityLeftOut.map((b) => `${names.get(b.source) ?? b.source} ${transition(b.stage)}`).join(words.separator)));
    }
  }
  lines.push('', t.bandsTitle, Object.entries(d.bands).map(([from, b]) => `  ${transition(from)} ${percent(b.low)}–${percent(b.high)}`).join('\n'));
  return lines.join('\n');
}

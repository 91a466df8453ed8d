/** What `plan --rates-from` says under the plan table: which rates came from the export, and its cautions. */
import { stageLabel, type Lang } from '../core/stages';
import { formatPercent } from '../report/formatNumber';
import type { PlanHistory } from './ratesFromHistory';
import { cliMessages } from './i18n/cliCatalogue';

export function historyNotes(history: PlanHistory, lang: Lang): string {
  const t = cliMessages(lang).historyNotes;
  const r = history.result;
  const head = t.head(history.file, r.rows, r.skipped.count, r.asOf?.slice(0, 10) ?? '—', history.matureRates ? t.matureBasis : t.allBasis);
  const next = (stage: string) => r.stages[r.stages.indexOf(stage) + 1];
  const lines = history.applied.map(
    (a) =>
      `  ${a.source}: ${stageLabel(a.stage, lang)} → ${stageLabel(next(a.stage), lang)} ${formatPercent(a.rate)} (${a.stat.converted}/${a.stat.sample}${a.basis === 'mature' ? '' : t.allRecords})`,
  );
  const filled = history.filledLines.map((f) => `  ${f}`);
  const warnings = history.warnings.map((w) => `  ! ${w}`);
  return [head, ...lines, ...filled, ...warnings].join('\n');
}

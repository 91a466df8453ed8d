/** What `plan --rates-from` says under the plan table: which rates came from the export, and its cautions. */
import { stageLabel, type Lang } from '../core/stages';
import { formatPercent } from '../report/formatNumber';
import type { PlanHistory } from './ratesFromHistory';

export function historyNotes(history: PlanHistory, lang: Lang): string {
  const r = history.result;
  const basis = history.matureRates
    ? lang === 'zh-CN'
      ? '成熟记录（到达该阶段已超过 p90 天）'
      : 'mature records (reached the stage at least p90 days before the as-of date)'
    : lang === 'zh-CN'
      ? '全部记录'
      : 'all records';
  const head =
    lang === 'zh-CN'
      ? `转化率来自 ${history.file}：${r.rows} 行（跳过 ${r.skipped.count} 行），截至 ${r.asOf?.slice(0, 10) ?? '—'}，依据${basis}。`
      : `Rates from ${history.file}: ${r.rows} rows (${r.skipped.count} skipped), as of ${r.asOf?.slice(0, 10) ?? '—'}, using ${basis}.`;
  const next = (stage: string) => r.stages[r.stages.indexOf(stage) + 1];
  const allRecords = lang === 'zh-CN' ? '，全部记录' : ', all records';
  const lines = history.applied.map(
    (a) =>
      `  ${a.source}: ${stageLabel(a.stage, lang)} → ${stageLabel(next(a.stage), lang)} ${formatPercent(a.rate)} (${a.stat.converted}/${a.stat.sample}${a.basis === 'mature' ? '' : allRecords})`,
  );
  const warnings = history.warnings.map((w) => `  ! ${w}`);
  return [head, ...lines, ...warnings].join('\n');
}

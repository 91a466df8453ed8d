/** History as a plain 2D table for a sheet: one row per source and stage pair, numbers as numbers, blanks as "". */
import { messages } from '../i18n/catalogue';
import { stageLabel, type Lang } from '../stages';
import { NO_SOURCE } from './historyAccumulator';
import type { HistoryResult, StageStats } from './historyTypes';


/**
 * The rates table: a header row, then overall and each source (most records first), each
 * with one row per stage but the last: "stage → next stage", reached, converted, rate,
 * Wilson 95% low/high, mature rate and sample, median and p90 days, and a note. Rates are
 * 0..1 numbers for the sheet to format as percentages; a missing number is "" (never null,
 * NaN or Infinity). Source names are CRM text: the sheet writer must keep a leading `=` literal.
 *
 * @example
 * // 1000 leads, 250 became MQLs (Wilson 95%: 0.2242–0.2778), 900 of them mature with 230 MQLs,
 * // median 12.5 days, p90 40 days:
 * historyRatesTable(result, 'en')
 * // → [['Source', 'Stage', 'Reached', …, 'Note'],
 * //     ['Overall', 'Leads → MQLs', 1000, 250, 0.25, 0.2242, 0.2778, 0.2556, 900, 12.5, 40, ''],
 * //     …]
 */
export function historyRatesTable(result: HistoryResult, lang: Lang): (string | number)[][] {
  const text = messages(lang).ratesTable;
  const table: (string | number)[][] = [[...text.headers]];
  const top = result.stages[0];
  const sources = Object.keys(result.bySource).sort((a, b) => {
    const diff = (result.bySource[b].reached[top] ?? 0) - (result.bySource[a].reached[top] ?? 0);
    return diff !== 0 ? diff : a < b ? -1 : a > b ? 1 : 0;
  });
  addRows(table, result, text.overall, result.overall, lang);
  for (const source of sources) {
    addRows(table, result, source === NO_SOURCE ? text.none : source, result.bySource[source], lang);
  }
  return table;
}

function addRows(table: (string | number)[][], result: HistoryResult, name: string, stats: StageStats, lang: Lang): void {
  const { stages } = result;
  for (let k = 0; k < stages.length - 1; k++) {
    const stage = stages[k];
    const rate = stats.rates[stage];
    const mature = stats.matureRates[stage];
    table.push([
      name,
      `${stageLabel(stage, lang)} → ${stageLabel(stages[k + 1], lang)}`,
      cell(stats.reached[stage]),
      cell(rate?.converted),
      cell(rate?.rate),
      cell(rate?.low),
      cell(rate?.high),
      cell(mature?.rate),
      cell(mature?.sample),
      cell(stats.medianDays[stage]),
      cell(stats.p90Days[stage]),
      rate?.smallSample ? messages(lang).ratesTable.small : '',
    ]);
  }
}

function cell(value: number | null | undefined): number | string {
  return typeof value === 'number' && Number.isFinite(value) ? value : '';
}

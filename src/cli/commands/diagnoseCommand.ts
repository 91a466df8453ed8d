/** `funnel-planner diagnose [INPUT] [--rates-from EXPORT [--unmapped-source ID] [--map stage=Column] [--source-column C] [--date-order dmy|mdy] [--all-records]]] [--json]`: what is wrong with the funnel, and what a 10 % better rate saves. */
import { Command } from 'commander';
import { diagnose, diagnosisJson } from '../../core/diagnosis/diagnosis';
import { channelEvidence, historyEvidence, planEvidence } from '../../core/diagnosis/funnelEvidence';
import { readBenchmarks } from '../../core/diagnosis/readBenchmarks';
import type { FieldError } from '../../core/fieldError';
import { applyHistoryPolicy } from '../../core/history/historyPolicy';
import { fractionToNumber } from '../../core/fraction';
import { isRecord } from '../../core/isRecord';
import { readNumberLike } from '../../core/parseNumberText';
import type { ValidPlan } from '../../core/planInput';
import { validatePlan } from '../../core/validatePlan';
import { InputError, invalidPlanError } from '../cliError';
import { cliText } from '../cliLang';
import { diagnoseText } from '../diagnoseText';
import { cliMessages } from '../i18n/cliCatalogue';
import { CliIo } from '../io';
import { readRawPlan, validateRawPlan, warningLine } from '../loadPlan';
import { today } from '../outputPaths';
import { policyNoteLine, readGroupedExport } from '../ratesFromHistory';
import { globalOptions } from './globalOptions';
import { RatesFromOptions, ratesFromFlags, ratesFromOptions } from './ratesFromFlags';

interface DiagnoseOptions extends RatesFromOptions {
  ratesFrom?: string;
  json?: boolean;
}

export function diagnoseCommand(io: CliIo): Command {
  const t = cliText().diagnose;
  const command = new Command('diagnose')
    .description(t.description)
    .argument('[input]', cliText().help.input)
    .option('--rates-from <export>', t.ratesFrom);
  return ratesFromOptions(command)
    .option('--json', cliText().help.json)
    .action(async function (this: Command, input: string | undefined, options: DiagnoseOptions) {
      const { lang } = globalOptions(this);
      const raw = await readRawPlan(input, lang);
      for (const warning of raw.warnings ?? []) io.err(warningLine(warning, lang));
      let result: ReturnType<typeof diagnose>;
      let noSensitivity: string[] | undefined;
      let currency = 'USD';
      if (!options.ratesFrom) {
        const { plan } = validateRawPlan(raw, lang);
        currency = plan.currency;
        result = diagnose({ stages: plan.stages, handoffStage: plan.handoffStage, benchmarks: plan.benchmarks, evidence: planEvidence(plan), plan, lang });
      } else {
        const grouped = await readGroupedExport(raw.input, options.ratesFrom, ratesFromFlags(options), lang);
        for (const warning of grouped.exported.result.warnings) io.err(warningLine(warning, lang));
        const policy = applyHistoryPolicy({ stages: grouped.stages, sources: grouped.sources, result: grouped.exported.result, grouping: grouped.grouping, matureRates: grouped.matureRates });
        // Records no plan source owns would be judged nowhere: the user must place them first, as for plan --rates-from.
        const unmapped = policy.errors.filter((e) => e.code === 'unmappedSources');
        if (unmapped.length > 0) throw new InputError(cliMessages(lang).cliHistory.cannotTakeRates(options.ratesFrom), unmapped.map((e) => policyNoteLine(e, lang)));
        // The plan with every rate the export gives it, when the policy gives it one for each stage: the sensitivity's plan.
        let plan: ValidPlan | undefined;
        if (policy.ok) {
          const sources = grouped.input.sources.map((source, j) => {
            const fed = policy.rates.filter((r) => r.source === grouped.sources[j].id);
            if (fed.length === 0 || !isRecord(source)) return source;
            return { ...source, conversionRates: { ...(isRecord(source.conversionRates) ? source.conversionRates : {}), ...Object.fromEntries(fed.map((r) => [r.stage, r.rate])) } };
          });
          plan = validateRawPlan({ ...raw, input: { ...grouped.input, sources } }, lang).plan;
        } else {
          noSensitivity = policy.errors.map((e) => policyNoteLine(e, lang));
          // Without a plan, the parts the diagnosis reads still have to be right: stages, handoff, benchmarks.
          const checked = validatePlan(raw.input, { today: today() });
          const wanted = (e: FieldError) => /^(stages|handoffStage|benchmarks)\b/.test(e.path);
          if (!checked.ok && checked.errors.some(wanted)) throw invalidPlanError(raw.where, checked.errors.filter(wanted), lang);
        }
        const stages = grouped.stages;
        const rawInput = grouped.input as unknown as Record<string, unknown>;
        const handoff = plan ? plan.handoffStage : typeof rawInput.handoffStage === 'string' ? rawInput.handoffStage.trim() : stages.includes('sql') ? 'sql' : undefined;
        const benchmarks = plan ? plan.benchmarks : readBenchmarks(rawInput.benchmarks, stages, []);
        currency = plan?.currency ?? (typeof rawInput.currency === 'string' ? rawInput.currency : 'USD');
        const measured = historyEvidence(
          grouped.exported.result,
          stages,
          grouped.sources.map((s) => ({ id: s.id, ...(s.name !== undefined ? { name: s.name } : {}), ...(s.entryStage !== undefined ? { entryStage: s.entryStage } : {}), planRates: planRatesOf(s.id, s.own, plan) })),
          grouped.matureRates,
        );
        // The export measures sources, not channels: a channel's typed overrides are still judged on their own.
        const evidence = measured.map((e) => {
          const source = plan?.sources.find((p) => p.id === e.id);
          const channels = plan && source ? channelEvidence(plan, source) : [];
          return channels.length > 0 ? { ...e, channels } : e;
        });
        result = diagnose({ stages, handoffStage: handoff, benchmarks, evidence, plan, lang });
      }
      if (options.json) io.out(`${JSON.stringify({ ...diagnosisJson(result), ...(noSensitivity ? { noSensitivity } : {}) }, null, 2)}\n`);
      else io.out(`${diagnoseText(result, { where: raw.where, currency, ...(options.ratesFrom ? { exportFile: options.ratesFrom } : {}), ...(noSensitivity ? { noSensitivity } : {}) }, lang)}\n`);
    });
}

/**
 * A source's own rates as numbers, for a source the export has no record of (judged on them, as
 * plan and simulate keep them): the validated plan's when there is one, else what the input typed.
 */
function planRatesOf(id: string, own: Record<string, unknown>, plan: ValidPlan | undefined): Record<string, number> {
  const source = plan?.sources.find((s) => s.id === id);
  if (source) return Object.fromEntries(Object.entries(source.conversionRates).map(([stage, r]) => [stage, r.value]));
  const rates: Record<string, number> = {};
  for (const [stage, value] of Object.entries(own)) {
    const read = readNumberLike(value);
    if (!('problem' in read)) rates[stage] = fractionToNumber(read);
  }
  return rates;
}

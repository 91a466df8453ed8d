/** `funnel-planner bonus [INPUT] [--scenario NAME] [--json]`: the shared bonus pool of a plan, per scenario, explained. */
import { Command } from 'commander';
import { bonusNames } from '../../core/bonus/bonusNames';
import { bonusPlan } from '../../core/bonus/bonusPlan';
import { bonusToJson } from '../../core/bonus/bonusJson';
import type { BonusPlan, ScenarioResult } from '../../core/bonus/bonusTypes';
import { planHeadcount } from '../../core/headcount/planHeadcount';
import { planTimeline } from '../../core/time/planTimeline';
import { bonusText } from '../bonusText';
import { scenarioLabel } from '../../core/bonus/explainPayout';
import type { Lang } from '../../core/i18n/lang';
import { InputError } from '../cliError';
import { cliText } from '../cliLang';
import { cliMessages } from '../i18n/cliCatalogue';
import { CliIo } from '../io';
import { loadPlan, warningLine } from '../loadPlan';
import { globalOptions } from './globalOptions';

/** The scenario `--scenario` names: one of the plan's, "Plan" (or the plan word of the run's language) for all KPIs on plan; case and spaces do not matter. */
function pickScenario(b: BonusPlan, name: string | undefined, planWord: string, lang: Lang): ScenarioResult | undefined {
  if (name === undefined) return b.plan;
  const key = name.trim().toLowerCase();
  const named = b.scenarios.find((s) => s.name.toLowerCase() === key || scenarioLabel(s.name, lang).toLowerCase() === key);
  if (named) return named;
  return key === b.plan.name.toLowerCase() || key === planWord.toLowerCase() ? b.plan : undefined;
}

export function bonusCommand(io: CliIo): Command {
  const h = cliText().help;
  return new Command('bonus')
    .description(h.bonusDescription)
    .argument('[input]', h.input)
    .option('-s, --scenario <name>', h.scenarioOption)
    .option('--json', h.json)
    .action(async function (this: Command, input: string | undefined, options: { scenario?: string; json?: boolean }) {
      const { lang } = globalOptions(this);
      const t = cliMessages(lang).bonus;
      const { plan, funnel, warnings } = await loadPlan(input, lang);
      for (const warning of warnings ?? []) io.err(warningLine(warning, lang));
      if (!plan.bonus) throw new InputError(t.noBonus);
      const timeline = planTimeline(plan, funnel);
      const headcount = timeline ? planHeadcount(plan, timeline) : undefined;
      const b = bonusPlan(plan.bonus, plan.revenueTarget.value, plan.currency, headcount);
      const names = bonusNames(headcount, lang);
      const scenario = pickScenario(b, options.scenario, t.planScenario, lang);
      if (!scenario) throw new InputError(t.unknownScenario(options.scenario!, [b.plan.name, ...b.scenarios.map((s) => s.name).filter((n) => n !== b.plan.name)].join(', ')));
      if (options.json) {
        const json = bonusToJson(b, lang, names);
        // --scenario keeps that one scenario; the plan's, when it is the plan scenario and the plan lists none of that name.
        const listed = json.scenarios.filter((s) => s.name === scenario.name);
        const only = options.scenario === undefined ? json : { ...json, scenarios: listed.length > 0 ? listed : [json.plan] };
        io.out(`${JSON.stringify(only, null, 2)}\n`);
      } else {
        io.out(`${bonusText(b, scenario, lang, names)}\n`);
      }
    });
}

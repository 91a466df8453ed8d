/** `funnel-planner simulate [INPUT] [--rates-from EXPORT] [--trials N] [--seed S] [--confidence C] [--json]`: how sure the plan is. */
import { Command } from 'commander';
import type { Uncertainty } from '../../core/confidence/simulate';
import { readNumberLike } from '../../core/parseNumberText';
import { fractionToNumber } from '../../core/fraction';
import { InputError } from '../cliError';
import { cliText } from '../cliLang';
import { CliIo } from '../io';
import { readRawPlan, validateRawPlan, warningLine } from '../loadPlan';
import { ratesFromHistory } from '../ratesFromHistory';
import { historySpread } from '../historySpread';
import { simulateText } from '../simulateText';
import { runConfidence, spreadKinds, withoutMeasuredRanges } from '../confidenceRun';
import { globalOptions } from './globalOptions';
import { RatesFromOptions, ratesFromFlags, ratesFromOptions } from './ratesFromFlags';
import { cliMessages } from '../i18n/cliCatalogue';
import type { Lang } from '../../core/i18n/lang';

interface SimulateOptions extends RatesFromOptions {
  ratesFrom?: string;
  trials?: string;
  seed?: string;
  confidence?: string;
  json?: boolean;
}

/** A whole number option in a range, or an InputError naming the flag, the value and what was expected. */
function wholeOption(flag: string, value: string | undefined, fallback: number, min: number, max: number, lang: Lang): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[,_ ]/g, ''));
  if (!Number.isInteger(n) || n < min || n > max) throw new InputError(cliMessages(lang).simulate.badWhole(flag, value, min.toLocaleString('en-US'), max.toLocaleString('en-US')));
  return n;
}

function confidenceOption(value: string | undefined, lang: Lang): number {
  if (value === undefined) return 0.9;
  const read = readNumberLike(value);
  const c = 'problem' in read ? Number.NaN : fractionToNumber(read);
  if (!(c > 0 && c < 1)) throw new InputError(cliMessages(lang).simulate.badConfidence(value));
  return c;
}

export function simulateCommand(io: CliIo): Command {
  const h = cliText().help;
  return ratesFromOptions(
    new Command('simulate')
      .description(h.simulateDescription)
      .argument('[input]', h.input)
      .option('--rates-from <export>', h.simulateRatesFrom),
  )
    .option('-n, --trials <n>', h.trials)
    .option('--seed <s>', h.seed)
    .option('-c, --confidence <c>', h.confidence)
    .option('--json', h.json)
    .action(async function (this: Command, input: string | undefined, options: SimulateOptions) {
      const { lang } = globalOptions(this);
      const trials = wholeOption('--trials', options.trials, 10_000, 100, 1_000_000, lang);
      const seed = wholeOption('--seed', options.seed, 2027, 0, 0xffffffff, lang);
      const confidence = confidenceOption(options.confidence, lang);
      let raw = await readRawPlan(input, lang);
      for (const warning of raw.warnings ?? []) io.err(warningLine(warning, lang));
      let uncertainty: Uncertainty = {};
      if (options.ratesFrom) {
        const derived = await ratesFromHistory(raw.input, options.ratesFrom, ratesFromFlags(options), lang);
        raw = { ...raw, input: withoutMeasuredRanges(derived.input, derived.history) };
        uncertainty = historySpread(derived.history);
        for (const warning of derived.history.warnings) io.err(warningLine(warning, lang));
      }
      const { plan, funnel } = validateRawPlan(raw, lang);
      const c = runConfidence(plan, funnel, { trials, seed, confidence, uncertainty });
      if (options.json) {
        const { histogram, ...rest } = c;
        // A confidence no volume reaches has no multiplier and no volumes: null, so the keys are there for a script.
        io.out(`${JSON.stringify({ ...rest, histogram }, (_key, value: unknown) => (value === undefined ? null : value), 2)}\n`);
      } else {
        io.out(`${simulateText(c, funnel, spreadKinds(plan, uncertainty), lang)}\n`);
      }
    });
}

/** Loads a plan input for a command: the given JSON file, or the embedded default template. */
import { defaultPlanInput } from '../core/defaultPlan';
import { ValidPlan } from '../core/planInput';
import { Lang } from '../core/stages';
import { validatePlan } from '../core/validatePlan';
import { InputError, invalidPlanError } from './cliError';
import { readJsonFile } from './readJsonFile';

export interface LoadedPlan {
  readonly plan: ValidPlan;
  /** How to name the input in messages. */
  readonly where: string;
}

export function readPlanInput(path: string | undefined): { input: unknown; where: string } {
  if (path === undefined) return { input: defaultPlanInput(), where: 'the default template' };
  if (/\.(xlsx|xlsm|xls|csv)$/i.test(path)) {
    throw new InputError(`${path}: expected a .json plan (see templates/default-plan.json)`);
  }
  return { input: readJsonFile(path), where: path };
}

export function loadPlan(path: string | undefined, lang: Lang): LoadedPlan {
  const { input, where } = readPlanInput(path);
  const checked = validatePlan(input);
  if (!checked.ok) throw invalidPlanError(where, checked.errors, lang);
  return { plan: checked.plan, where };
}

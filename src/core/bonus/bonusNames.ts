/** The words a bonus explanation names roles and stages with, from the headcount plan and the catalogue. */
import type { HeadcountPlan } from '../headcount/planHeadcount';
import { roleName } from '../headcount/roleName';
import { messages } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';
import type { BonusNames } from './explainPayout';

/**
 * @example
 * bonusNames(headcount, 'en').role('ae', 8); // → 'AEs'
 * bonusNames(headcount, 'en').stage('sql');  // → 'SQLs'
 */
export function bonusNames(headcount: HeadcountPlan | undefined, lang: Lang): BonusNames {
  const stages: Readonly<Record<string, string>> = messages(lang).stages;
  return {
    role: (id, count) => {
      const role = headcount?.roles.find((p) => p.role.id === id)?.role;
      return roleName(role ?? { id, name: undefined }, lang, count);
    },
    stage: (id) => (Object.prototype.hasOwnProperty.call(stages, id) ? stages[id] : id),
  };
}

/** A bonus section read as a plan with these stages and roles would read it (for the bonus tests). */
import type { FieldError } from '../../../src/core/fieldError';
import type { ValidBonus } from '../../../src/core/bonus/bonusTypes';
import { readBonus } from '../../../src/core/bonus/readBonus';

const STAGES = ['lead', 'mql', 'sql', 'opportunity', 'won'];
const ROLES = ['ae', 'salesManager', 'sdr', 'marketer'];

export function bonusOf(raw: unknown): ValidBonus {
  const errors: FieldError[] = [];
  const b = readBonus(raw, { stages: STAGES, roleIds: ROLES, reservedIds: ['revenue', 'name'] }, errors);
  if (!b) throw new Error(JSON.stringify(errors));
  return b;
}


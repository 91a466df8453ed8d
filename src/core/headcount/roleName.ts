/** A role's name in the user's language: its own name when the plan gives one, a default role's from the catalogue, else its id. */
import { messages } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';

/**
 * The name, or with `count` the form that reads after the number ("3 SDRs", "1 SDR"); Chinese
 * has one form. A name the plan gives is used as written, for any count.
 *
 * @example
 * roleName({ id: 'sdr', name: undefined }, 'en', 3);        // → 'SDRs'
 * roleName({ id: 'design', name: undefined }, 'en', 1);     // → 'designer' (the label is 'Designer')
 * roleName({ id: 'sdr', name: undefined }, 'zh-CN');        // → '销售开发代表 (SDR)'
 * roleName({ id: 'partnerMgr', name: 'Partner manager' }, 'en', 2); // → 'Partner manager'
 * roleName({ id: 'partnerMgr', name: undefined }, 'en');    // → 'partnerMgr'
 */
export function roleName(role: { readonly id: string; readonly name: string | undefined }, lang: Lang, count?: number): string {
  if (role.name !== undefined) return role.name;
  const names: Readonly<Record<string, { name: string; one: string; many: string }>> = messages(lang).headcount.roles;
  if (!Object.prototype.hasOwnProperty.call(names, role.id)) return role.id;
  const forms = names[role.id];
  return count === undefined ? forms.name : count === 1 ? forms.one : forms.many;
}

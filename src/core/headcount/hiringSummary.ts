/** The hiring plan in one sentence, in the user's language: "Hire 18 SDRs in 2026-11, 13 AEs in 2026-12, …" (the CLI, the sidebar). */
import { messages } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';
import type { HeadcountPlan } from './planHeadcount';
import { roleName } from './roleName';

/**
 * Every (month, role) with hires, months in order and roles as the plan lists them.
 *
 * @example
 * hiringSummary(planHeadcount(plan, timeline), 'en');
 * // → "Hire 18 SDRs in 2026-11, 1 SDR in 2026-12, 13 AEs in 2026-12, …"
 * hiringSummary(planHeadcount(plan, timeline), 'zh-CN');
 * // → "招聘计划：2026-11 招聘 18 名销售开发代表 (SDR)；…"
 */
export function hiringSummary(h: HeadcountPlan, lang: Lang): string {
  const t = messages(lang).headcount;
  const items: string[] = [];
  h.months.forEach((month, i) => {
    for (const p of h.roles) {
      const n = p.hires[i];
      if (n > 0) items.push(t.hire(n, roleName(p.role, lang, n), month));
    }
  });
  return items.length === 0 ? t.noHires : t.hireList(items);
}

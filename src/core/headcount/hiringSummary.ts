/** The hiring plan in one sentence, in the user's language: "Hire 18 SDRs in 2026-11, 13 AEs in 2026-12, …" (the CLI, the sidebar, the report). */
import { messages } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';
import type { HeadcountPlan } from './planHeadcount';
import { roleName } from './roleName';

/**
 * Every (month, role) with hires, months in order and roles as the plan lists them; months read
 * "YYYY-MM" unless `monthName` names them (the report and the sidebar: "Nov 2026", "2026年11月").
 *
 * @example
 * hiringSummary(planHeadcount(plan, timeline), 'en');
 * // → "Hire 18 SDRs in 2026-11, 1 SDR in 2026-12, 13 AEs in 2026-12, …"
 * hiringSummary(planHeadcount(plan, timeline), 'zh-CN');
 * // → "招聘计划：2026-11 招聘 18 名销售开发代表 (SDR)；…"
 * const label = (i: number) => { const c = calendarMonth(h.start, h.planStart + i); return messages('en').report.monthLabel(c.year, c.month); };
 * hiringSummary(h, 'en', label);
 * // → "Hire 18 SDRs in Nov 2026, 1 SDR in Dec 2026, …"
 */
export function hiringSummary(h: HeadcountPlan, lang: Lang, monthName: (index: number) => string = (i) => h.months[i]): string {
  const t = messages(lang).headcount;
  const items: string[] = [];
  h.months.forEach((_, i) => {
    for (const p of h.roles) {
      const n = p.hires[i];
      if (n > 0) items.push(t.hire(n, roleName(p.role, lang, n), monthName(i)));
    }
  });
  return items.length === 0 ? t.noHires : t.hireList(items);
}

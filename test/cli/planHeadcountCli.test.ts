/** `plan` and `plan --json` with the headcount plan: who to hire when, the cost for the FY, in three languages; bad roles named by their field; the hiring plan in --report. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './runCli';
import { seedPlan, tempFiles } from './planFixtures';

const { dir, file } = tempFiles('fp-headcount-');
const SDR = { id: 'sdr', driver: { stage: 'sql', sources: ['marketing', 'outbound'] }, capacityPerMonth: 15, ramp: [0.25, 0.5, 0.75], attritionPerYear: 0.3, hireLeadMonths: 1, monthlyCost: 8000, current: 6 };
const plan = { ...seedPlan, timing: { fiscalYearStart: '2027-01' }, headcount: { roles: [SDR, { id: 'ae', current: 4 }, { id: 'csm' }, { id: 'sdrManager' }] } };

describe('funnel-planner plan: the hiring plan', () => {
  it('prints who to hire when, the roles, the FY cost, the ramp-up gap, per-person targets and the structures', () => {
    const r = runCli(['plan', file('plan.json', JSON.stringify(plan))]);
    expect(r.status).toBe(0);
    const json = JSON.parse(runCli(['plan', file('plan.json', JSON.stringify(plan)), '--json']).stdout);
    const h = json.headcount;
    expect(r.stdout).toContain('Headcount plan, 2026-10 to 2027-12 (fiscal year from 2027-01)');
    const first = h.months.find((m: string) => h.roles.sdr.hires[m] > 0);
    expect(r.stdout).toMatch(new RegExp(`Hire ${h.roles.sdr.hires[first]} SDRs? in ${first}`));
    expect(r.stdout).toContain(`Headcount cost for the fiscal year: USD ${h.total.yearCost.toLocaleString('en-US', { maximumFractionDigits: 2 })}`);
    expect(r.stdout).toMatch(/│ SDR\s+│ SQLs ÷ 15 a month\s+│/);
    expect(r.stdout).toMatch(/│ SDR manager\s+│ 1 per 8 SDRs\s+│/);
    expect(r.stdout).toContain('Ramp-up gap');
    expect(r.stdout).toMatch(/each SDR: \d+\.\d SQLs a month, \d+\.\d a working day/);
    expect(r.stdout).toMatch(/Horizontal \(SDR → AE → CSM\): \d+\.\d heads at FY end/);
    expect(r.stdout).toMatch(/Vertical: \d+\.\d heads at FY end against/);
  });

  it('plan --json adds headcount: months from plan start, roles with hires in every month, total and structures', () => {
    const r = runCli(['plan', file('plan.json', JSON.stringify(plan)), '--json']);
    expect(r.status).toBe(0);
    const h = JSON.parse(r.stdout).headcount;
    expect(h.months[0]).toBe('2026-10');
    expect(h.months[h.months.length - 1]).toBe('2027-12');
    expect(Object.keys(h.roles)).toEqual(['sdr', 'ae', 'csm', 'sdrManager']);
    for (const role of Object.values(h.roles) as any[]) {
      expect(Object.keys(role.hires)).toEqual(h.months);
      for (const key of ['demandFte', 'heads', 'effectiveFte', 'cost']) expect(Object.keys(role[key])).toEqual(h.months);
      expect(typeof role.yearCost).toBe('number');
    }
    expect(h.roles.ae).toMatchObject({ capacityPerMonth: 8, current: 4, driver: { stage: 'opportunity', sources: ['marketing', 'outbound'] } });
    expect(h.roles.sdrManager.driver).toEqual({ span: 8, of: ['sdr'] });
    expect(h.structures.horizontal.roles).toEqual(['sdr', 'ae', 'csm']);
    expect(Object.keys(h.structures.vertical)).toEqual(['roles', 'headsAtFyEnd', 'yearCost', 'hires', 'rampMonths', 'shortfallMonths', 'role']);
  });

  it('speaks simplified and traditional Chinese', () => {
    const path = file('plan.json', JSON.stringify(plan));
    const cn = runCli(['--lang', 'zh-CN', 'plan', path]);
    expect(cn.stdout).toContain('人员计划：2026-10 至 2027-12（财年自 2027-01 起）');
    expect(cn.stdout).toMatch(/招聘计划：\d{4}-\d{2} 招聘 \d+ 名销售开发代表 \(SDR\)/);
    expect(cn.stdout).toContain('财年人员成本：USD');
    expect(cn.stdout).toMatch(/每名销售开发代表 \(SDR\)：每月 \d+\.\d 个销售认可线索 \(SQL\)，每工作日 \d+\.\d 个/);
    const tw = runCli(['--lang', 'zh-TW', 'plan', path]);
    expect(tw.stdout).toContain('人員計畫：2026-10 至 2027-12（財年自 2027-01 起）');
    expect(tw.stdout).toMatch(/招聘計畫：\d{4}-\d{2} 招聘 \d+ 名銷售開發代表 \(SDR\)/);
    expect(tw.stdout).toContain('縱向結構：財年末');
  });

  it('puts the hiring plan in --report: the sentence, the timeline chart with a mark per hire month, the roles and the structures', () => {
    const path = file('plan.json', JSON.stringify(plan));
    const report = join(dir, 'report.html');
    expect(runCli(['plan', path, '--report', report]).status).toBe(0);
    const html = readFileSync(report, 'utf8');
    const h = JSON.parse(runCli(['plan', path, '--json']).stdout).headcount;
    const hireMonths = Object.values(h.roles).reduce((n: number, r: any) => n + Object.values(r.hires).filter((x) => (x as number) > 0).length, 0);
    expect(html).toContain('<section class="hiring"><h2>Hiring plan</h2>');
    expect(html.split('class="hire-mark"').length - 1).toBe(hireMonths);
    expect(html).toMatch(/Hire \d+ SDRs? in (Oct|Nov|Dec) 2026/);
    expect(html).toContain(`Headcount cost for the fiscal year: USD ${h.total.yearCost.toLocaleString('en-US', { maximumFractionDigits: 2 })}`);
    expect(html).toContain('<section class="structures">');
  });

  it('refuses a bad role naming its field, in the language asked for', () => {
    const bad = { ...plan, headcount: { roles: [{ ...SDR, attritionPerYear: 1.2 }, { id: 'mgr', driver: { span: 8, of: ['sdrs'] }, monthlyCost: 1 }] } };
    const r = runCli(['--lang', 'zh-TW', 'plan', file('bad.json', JSON.stringify(bad))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('headcount.roles[0].attritionPerYear: 年流失率應不小於 0 且小於 1');
    expect(r.stderr).toContain('headcount.roles[1].driver.of[0]: 應為計畫中的角色 id 之一（sdr, mgr），實際為 "sdrs"');
  });
});

/**
 * The Headcount sheet (design.md §9): a summary by team (heads and cost by month, the FY's cost),
 * the structures side by side, then one block per role — its work, demand, hires, heads,
 * effective FTE, shortfall and cost by month from plan start to FY end.
 *
 * The hires are the engine's plan written as values in shaded cells; heads, effective FTE,
 * shortfall and cost are live formulas of them and of the role's ramp, attrition, current staff
 * and cost on the Inputs sheet's Roles list, so a user who moves a hire sees the gap open and
 * close (a conditional format turns the months short red). Work is the engine's; demand is live
 * of the capacity (a work driver), of the heads of the roles a manager or support role counts
 * (span, ratio), or of the fixed number. Each formula sums in the engine's order (cohorts.ts:
 * current staff first, then cohorts by start month; per hire, retention × ramp), so the cached
 * values are the engine's to the last bit and a spreadsheet recalculates them alike:
 *
 *   retained(k)  = POWER(POWER(1 − attrition, 1/12), k)        k = tenure month
 *   perHire(k)   = retained(k) × ramp(k)                        ramp(k) = the Ramp month k+1 cell, 1 when blank or past the list
 *   heads(m)     = current × retained(m) + Σ_{s ≤ m} hires(s) × retained(m − s)
 *   effective(m) = current × retained(m) + Σ_{s ≤ m} hires(s) × perHire(m − s)
 *   shortfall(m) = 0 where effective ≥ demand − max(1e-9, 1e-12·|demand|) (hiringPlan.ts), else demand − effective
 *   cost(m)      = heads × monthly cost × 100 read at 15 significant digits, rounded half up, / 100
 *                  (cents per role and month, as the engine's costMinorOf: a typed 1.005 a month is 1.01)
 */
import type { RolePlan, ValidRole } from '../../core/headcount/headcountTypes';
import { cohortWeights } from '../../core/headcount/cohorts';
import { FTE_RELATIVE_TOLERANCE, FTE_TOLERANCE } from '../../core/headcount/hiringPlan';
import { HeadcountPlan, planHeadcount } from '../../core/headcount/planHeadcount';
import { roleName } from '../../core/headcount/roleName';
import { tradeOff } from '../../core/headcount/structures';
import { messages } from '../../core/i18n/catalogue';
import { stageLabel } from '../../core/stages';
import { teamName } from '../../core/teams/teamName';
import type { PlanTimeline } from '../../core/time/planTimeline';
import { area, areaAddress, cellAddress } from '../a1';
import { COUNT_FORMAT, PERCENT_FORMAT, STYLE, moneyFormat } from '../formats';
import { Grid } from '../grid';
import { text } from '../labels';
import type { Area, Cell, ConditionalFormatRule } from '../port';
import type { SheetLayout } from '../sheetLayout';
import type { CellAt, RoleCells } from './inputsGeometry';
import { inputsRef } from './inputsGeometry';
import { inputsGeometryOf } from './inputsLayout';
import type { LayoutInput } from './layoutInput';
import { timelineOf } from './layoutTimeline';
import { SHEET } from './sheetNames';

const HEADER_ROW = 5;
const FTE_FORMAT = '0.0';
const WEIGHT_FORMAT = '0.000';
const MUTED_HEADER = { ...STYLE.header, color: '#80868b', italic: true } as const;
const SHORT = { background: '#fce8e6', color: '#c5221f' } as const;

const computed = new WeakMap<PlanTimeline, HeadcountPlan>();

/** The plan's headcount, computed once per timeline however many callers ask; undefined without a timeline (no fiscal year). */
export function headcountOf(input: LayoutInput): HeadcountPlan | undefined {
  const timeline = timelineOf(input);
  if (!timeline) return undefined;
  let h = computed.get(timeline);
  if (!h) {
    h = planHeadcount(input.plan, timeline);
    computed.set(timeline, h);
  }
  return h;
}

/** Who a role belongs to in the summary: the funnel's teams (marketing, SDR, AE, CSM), leadership, analytics and design, or other. */
export type HeadcountTeam = 'leadership' | 'marketing' | 'sdr' | 'ae' | 'csm' | 'support' | 'other';

const DEFAULT_ROLE_TEAMS: Readonly<Record<string, HeadcountTeam>> = {
  cso: 'leadership',
  marketingDirector: 'leadership',
  salesDirector: 'leadership',
  contentMarketer: 'marketing',
  seoSem: 'marketing',
  socialMedia: 'marketing',
  marketingAutomation: 'marketing',
  sdr: 'sdr',
  sdrManager: 'sdr',
  ae: 'ae',
  salesManager: 'ae',
  csm: 'csm',
  dataAnalyst: 'support',
  design: 'support',
};

const TEAM_ORDER: readonly HeadcountTeam[] = ['leadership', 'marketing', 'sdr', 'ae', 'csm', 'support', 'other'];

/**
 * A role's team: a default role's own; a stage driver's the team that works or delivers the
 * stage (teams/teamSpec.ts); the account base CSM's; a manager (span) his reports' team; a
 * support role (ratio) analytics and design; a fixed one "other".
 */
export function roleTeam(role: ValidRole, roles: readonly ValidRole[], stages: readonly string[], handoffStage: string | undefined, depth = 0): HeadcountTeam {
  if (Object.prototype.hasOwnProperty.call(DEFAULT_ROLE_TEAMS, role.id)) return DEFAULT_ROLE_TEAMS[role.id];
  const d = role.driver;
  if (d.kind === 'accounts') return 'csm';
  if (d.kind === 'ratio') return 'support';
  if (d.kind === 'fixed') return 'other';
  if (d.kind === 'span') {
    const first = roles.find((r) => r.id === d.of[0]);
    return first && depth < roles.length ? roleTeam(first, roles, stages, handoffStage, depth + 1) : 'other';
  }
  const k = stages.indexOf(d.stage);
  const won = stages.length - 1;
  const handoff = handoffStage === undefined ? -1 : stages.indexOf(handoffStage);
  if (k >= won) return 'csm';
  if (handoff >= 0 ? k > handoff : k === won - 1) return 'ae';
  if (handoff >= 2 && k >= handoff - 1) return 'sdr';
  return 'marketing';
}

/** An amount of minor units as the trade-off sentence shows it: "USD 2,639,694.14". */
function moneyText(currency: string, minor: number, digits: number): string {
  const scale = 10 ** digits;
  const whole = Math.floor(Math.abs(minor) / scale);
  const part = Math.abs(minor) % scale;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency} ${minor < 0 ? '-' : ''}${grouped}${digits > 0 ? `.${String(part).padStart(digits, '0')}` : ''}`;
}

/** A number as a formula literal: plain decimals (HyperFormula reads no 1E-7). */
function literal(n: number): string {
  const plain = String(n);
  return /e/i.test(plain) ? n.toFixed(20).replace(/\.?0+$/, '') : plain;
}

/** Where a role's block is on the sheet. */
interface RoleRows {
  readonly title: number;
  readonly work?: number;
  readonly demand: number;
  readonly hires: number;
  readonly heads: number;
  readonly effective: number;
  readonly shortfall: number;
  readonly cost: number;
  readonly ramp: number;
  readonly retained: number;
  readonly perHire: number;
}

export function headcountLayout(input: LayoutInput): SheetLayout {
  const { plan, lang, stamp } = input;
  const grid = new Grid();
  grid.set(1, 1, { value: text('headcountTitle', lang), style: STYLE.title });
  grid.set(2, 1, { value: text('generated', lang, { version: stamp.version, date: stamp.generatedOn }), style: STYLE.generated });
  const base = { name: SHEET.headcount, kind: 'headcount', namedRanges: [], validations: [] };
  const h = headcountOf(input);
  if (!h) {
    grid.set(3, 1, { value: text('monthlyNoTiming', lang), style: STYLE.help });
    return { ...base, blocks: [grid.toBlock()], frozenRows: 0, frozenCols: 0, columnWidths: [420], conditionalFormats: [] };
  }
  grid.set(3, 1, { value: text('headcountHelp', lang), style: STYLE.help });

  const t = messages(lang).teams;
  const M = h.months.length;
  const col = (i: number) => 2 + i;
  const totalCol = col(M);
  const fyCol = totalCol + 1;
  const scale = 10 ** h.minorDigits;
  const money = moneyFormat(plan.currency, h.minorDigits > 0);
  const roundMoney = (expr: string) => `ROUND(${expr},${h.minorDigits})`;
  const fyRange = (row: number) => areaAddress(area(row, col(h.fyFrom), 1, M - h.fyFrom));
  const sumFy = (minor: readonly number[]) => minor.slice(h.fyFrom).reduce((a, b) => a + b, 0);
  const cells = inputsGeometryOf(input).headcount;
  const roleCells: readonly (RoleCells | undefined)[] = h.roles.map((_, j) => (cells && cells.roles.length === h.roles.length ? cells.roles[j] : undefined));
  /** An input of the role: its Inputs cell when the sheet has one, else the value as planned. */
  const param = (cell: CellAt | undefined, value: number) => (cell ? inputsRef(cell) : literal(value));

  grid.set(HEADER_ROW, 1, { value: t.month, style: { ...STYLE.header, align: 'left' } });
  h.months.forEach((key, i) => {
    const before = i < h.fyFrom;
    grid.set(HEADER_ROW, col(i), { value: before ? `${key} ${t.carryIn}` : key, style: before ? MUTED_HEADER : STYLE.header });
  });
  grid.set(HEADER_ROW, totalCol, { value: text('hcPlanTotal', lang), style: STYLE.header });
  grid.set(HEADER_ROW, fyCol, { value: t.fiscalYear, style: STYLE.header });

  // Where everything goes: the summary by team, the structures, then the role blocks.
  const teamOf = h.roles.map((p) => roleTeam(p.role, h.roles.map((r) => r.role), plan.stages, plan.handoffStage));
  const teams = TEAM_ORDER.filter((team) => teamOf.includes(team));
  const summaryTitle = HEADER_ROW + 2;
  const teamRow = (k: number) => summaryTitle + 1 + 2 * k;
  const totalHeadsRow = teamRow(teams.length);
  const totalCostRow = totalHeadsRow + 1;
  const structures = h.structures;
  const structureTitle = totalCostRow + 2;
  let next = structures ? structureTitle + 6 : totalCostRow + 2;
  const blocks: RoleRows[] = h.roles.map((p) => {
    const title = next;
    const work = p.work ? title + 1 : undefined;
    const demand = (work ?? title) + 1;
    const rows: RoleRows = {
      title,
      ...(work !== undefined ? { work } : {}),
      demand,
      hires: demand + 1,
      heads: demand + 2,
      effective: demand + 3,
      shortfall: demand + 4,
      cost: demand + 5,
      ramp: demand + 6,
      retained: demand + 7,
      perHire: demand + 8,
    };
    next = rows.perHire + 2;
    return rows;
  });
  const at = (row: number, i: number) => cellAddress(row, col(i));

  const roleBlock = (p: RolePlan, rows: RoleRows, rc: RoleCells | undefined): void => {
    const role = p.role;
    grid.set(rows.title, 1, { value: text('hcRoleTitle', lang, { name: roleName(role, lang), id: role.id }), style: STYLE.section });
    for (let i = 0; i < M; i++) grid.set(rows.title, col(i), { value: null, style: STYLE.section });
    grid.set(rows.title, totalCol, { value: null, style: STYLE.section });
    grid.set(rows.title, fyCol, { value: null, style: STYLE.section });
    const d = role.driver;
    const w = cohortWeights(role, M);

    if (rows.work !== undefined && p.work) {
      const unit = d.kind === 'stage' ? stageLabel(d.stage, lang) : text('hcAccounts', lang);
      grid.set(rows.work, 1, { value: d.kind === 'stage' ? text('hcWork', lang, { unit }) : unit, style: STYLE.muted });
      p.work.forEach((v, i) => grid.set(rows.work!, col(i), { value: v, format: COUNT_FORMAT, style: STYLE.muted }));
    }
    grid.set(rows.demand, 1, { value: text('hcDemand', lang) });
    for (let i = 0; i < M; i++) {
      let formula: string;
      if (d.kind === 'stage' || d.kind === 'accounts') formula = `${at(rows.work!, i)}/${param(rc?.capacityPerMonth, role.capacityPerMonth ?? 1)}`;
      else if (d.kind === 'fixed') formula = param(rc?.driverValue, d.fte);
      else {
        const heads = d.of.map((id) => at(blocks[h.roles.findIndex((r) => r.role.id === id)].heads, i));
        formula = `(${heads.join('+')})/${param(rc?.driverValue, d.per)}`;
      }
      grid.set(rows.demand, col(i), { formula, value: p.demand[i], format: FTE_FORMAT });
    }

    grid.set(rows.hires, 1, { value: text('hcHires', lang), style: STYLE.total });
    p.hires.forEach((n, i) => grid.set(rows.hires, col(i), { value: n, format: COUNT_FORMAT, style: { ...STYLE.input, bold: true } }));
    grid.set(rows.hires, totalCol, { formula: `SUM(${areaAddress(area(rows.hires, col(0), 1, M))})`, value: p.hires.reduce((a, b) => a + b, 0), format: COUNT_FORMAT, style: STYLE.total });

    const current = param(rc?.current, role.current);
    const sumOf = (i: number, weightRow: number) => {
      const terms = [`${current}*${at(rows.retained, i)}`];
      for (let s = 0; s <= i; s++) terms.push(`${at(rows.hires, s)}*${at(weightRow, i - s)}`);
      return terms.join('+');
    };
    grid.set(rows.heads, 1, { value: text('hcHeads', lang) });
    grid.set(rows.effective, 1, { value: text('hcEffective', lang) });
    for (let i = 0; i < M; i++) {
      grid.set(rows.heads, col(i), { formula: sumOf(i, rows.retained), value: p.heads[i], format: FTE_FORMAT });
      grid.set(rows.effective, col(i), { formula: sumOf(i, rows.perHire), value: p.effective[i], format: FTE_FORMAT, style: STYLE.total });
    }

    const covered = p.firstCovered < M ? h.months[p.firstCovered] : undefined;
    const note = covered
      ? text('hcShortfallNote', lang, { covered, start: h.months[p.earliestStart] })
      : text('hcShortfallNoCover', lang);
    grid.set(rows.shortfall, 1, { value: text('hcShortfall', lang), note });
    for (let i = 0; i < M; i++) {
      const e = at(rows.effective, i);
      const dm = at(rows.demand, i);
      const tolerance = `MAX(${literal(FTE_TOLERANCE)},${literal(FTE_RELATIVE_TOLERANCE)}*ABS(${dm}))`;
      grid.set(rows.shortfall, col(i), { formula: `IF(${e}>=${dm}-${tolerance},0,${dm}-${e})`, value: p.shortfall[i], format: FTE_FORMAT });
    }

    const cost = param(rc?.monthlyCost, role.monthlyCost);
    grid.set(rows.cost, 1, { value: text('hcCost', lang) });
    for (let i = 0; i < M; i++) {
      // Read at 15 significant digits, then rounded half up (planHeadcount.ts costMinorOf): a typed 1.005 is 1.01, in every engine.
      const x = `${at(rows.heads, i)}*${cost}*${scale}`;
      const formula = `IF(${x}=0,0,ROUND(ROUND(${x},MAX(0,14-INT(LOG10(ABS(${x}))))),0))/${scale}`;
      grid.set(rows.cost, col(i), { formula, value: p.costMinor[i] / scale, format: money });
    }
    grid.set(rows.cost, fyCol, { formula: roundMoney(`SUM(${fyRange(rows.cost)})`), value: sumFy(p.costMinor) / scale, format: money, style: STYLE.total });

    // The cohort weights by tenure month (columns are tenure 0, 1, 2… here, not calendar months).
    grid.set(rows.ramp, 1, { value: text('hcRamp', lang), style: STYLE.muted });
    grid.set(rows.retained, 1, { value: text('hcRetained', lang), style: STYLE.muted });
    grid.set(rows.perHire, 1, { value: text('hcEffectivePerHire', lang), style: STYLE.muted });
    const attrition = param(rc?.attritionPerYear, role.attritionPerYear);
    for (let k = 0; k < M; k++) {
      const rampValue = k < role.ramp.length ? role.ramp[k] : 1;
      const rampCell = rc ? rc.ramp[k] : undefined;
      const ramp: Cell = rampCell
        ? { formula: `IF(${inputsRef(rampCell)}="",1,${inputsRef(rampCell)})`, value: rampValue }
        : { value: rampValue };
      grid.set(rows.ramp, col(k), { ...ramp, format: PERCENT_FORMAT, style: STYLE.muted });
      grid.set(rows.retained, col(k), { formula: `POWER(POWER(1-${attrition},1/12),${k})`, value: w.heads[k], format: WEIGHT_FORMAT, style: STYLE.muted });
      grid.set(rows.perHire, col(k), { formula: `${at(rows.retained, k)}*${at(rows.ramp, k)}`, value: w.effective[k], format: WEIGHT_FORMAT, style: STYLE.muted });
    }
  };
  h.roles.forEach((p, j) => roleBlock(p, blocks[j], roleCells[j]));

  // The summary by team: heads (Σ of the team's roles, in the plan's order) and cost (rounded to the cent) by month.
  grid.set(summaryTitle, 1, { value: text('hcSummary', lang), style: STYLE.section });
  const teamLabel = (team: HeadcountTeam) =>
    team === 'leadership' ? text('hcTeamLeadership', lang) : team === 'support' ? text('hcTeamSupport', lang) : team === 'other' ? text('hcTeamOther', lang) : teamName(team, lang);
  const sumRows = (row: number, members: readonly number[], label: string, kind: 'heads' | 'cost', style: object) => {
    grid.set(row, 1, { value: label, style });
    for (let i = 0; i < M; i++) {
      const refs = members.map((j) => at(kind === 'heads' ? blocks[j].heads : blocks[j].cost, i)).join('+');
      if (kind === 'heads') {
        let value = 0;
        for (const j of members) value += h.roles[j].heads[i];
        grid.set(row, col(i), { formula: refs, value, format: FTE_FORMAT, style });
      } else {
        let minor = 0;
        for (const j of members) minor += h.roles[j].costMinor[i];
        grid.set(row, col(i), { formula: roundMoney(refs), value: minor / scale, format: money, style });
      }
    }
    if (kind === 'cost') {
      let minor = 0;
      for (const j of members) minor += sumFy(h.roles[j].costMinor);
      grid.set(row, fyCol, { formula: roundMoney(`SUM(${fyRange(row)})`), value: minor / scale, format: money, style: STYLE.total });
    }
  };
  teams.forEach((team, k) => {
    const members = h.roles.map((_, j) => j).filter((j) => teamOf[j] === team);
    sumRows(teamRow(k), members, text('hcTeamHeads', lang, { team: teamLabel(team) }), 'heads', STYLE.label);
    sumRows(teamRow(k) + 1, members, text('hcTeamCost', lang, { team: teamLabel(team) }), 'cost', STYLE.label);
  });
  const everyone = h.roles.map((_, j) => j);
  sumRows(totalHeadsRow, everyone, text('hcTotalHeads', lang), 'heads', STYLE.total);
  sumRows(totalCostRow, everyone, text('hcTotalCost', lang), 'cost', STYLE.total);

  // The structures as planned (values): the vertical one is a plan of its own, not on this sheet.
  if (structures) {
    const hm = messages(lang).headcount;
    grid.set(structureTitle, 1, { value: text('hcStructures', lang), style: STYLE.section });
    const header = structureTitle + 1;
    const headers = [text('hcHeadsAtFyEnd', lang), text('hcYearCost', lang), text('hcStructureHires', lang), text('hcRampMonths', lang), text('hcShortMonths', lang)];
    grid.set(header, 1, { value: text('hcStructure', lang), style: { ...STYLE.header, align: 'left' } });
    headers.forEach((label, c) => grid.set(header, 2 + c, { value: label, style: { ...STYLE.header, wrap: true } }));
    const line = (row: number, label: string, s: typeof structures.horizontal) => {
      grid.set(row, 1, { value: label });
      grid.set(row, 2, { value: s.headsAtFyEnd, format: FTE_FORMAT });
      grid.set(row, 3, { value: s.yearCostMinor / scale, format: money });
      grid.set(row, 4, { value: s.hires, format: COUNT_FORMAT });
      grid.set(row, 5, { value: s.rampMonths, format: COUNT_FORMAT });
      grid.set(row, 6, { value: s.shortfallMonths, format: COUNT_FORMAT });
    };
    line(header + 1, hm.horizontal, structures.horizontal);
    line(header + 2, hm.vertical, structures.vertical);
    grid.set(header + 3, 1, { value: tradeOff(structures, lang, (minor) => moneyText(plan.currency, minor, h.minorDigits)), style: STYLE.help });
  }

  // One rule for every role's shortfall row (a list of areas, one or many): red where a month is short, however many roles.
  const shortAreas: Area[] = blocks.map((b) => area(b.shortfall, col(0), 1, M));
  const conditionalFormats: ConditionalFormatRule[] = shortAreas.length > 0 ? [{ area: shortAreas[0], moreAreas: shortAreas.slice(1), kind: 'notEqual', value: 0, ...SHORT }] : [];

  return {
    ...base,
    blocks: [grid.toBlock()],
    frozenRows: HEADER_ROW,
    frozenCols: 1,
    columnWidths: [300, ...h.months.map(() => 90), 90, 110],
    conditionalFormats,
  };
}

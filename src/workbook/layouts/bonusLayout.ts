/**
 * The Bonus sheet (design.md §10): the shared pool scenario by scenario — on plan, the plan's
 * named scenarios and the worst case at the caps, one column each — then the revenue × marketing
 * share grid of totals (a heat map), the plan's explanation bucket by bucket and the findings.
 *
 * The attainments (and the heads paid) are shaded input cells; everything else is a live formula
 * of them and of the Inputs sheet's Bonus sections (pool, gate, curve points, weights, shares,
 * fitToPool), in the engine's operations and order (payScenario.ts), so a spreadsheet recalculates
 * the engine's numbers to the cent:
 *
 *   curve(a)     = 0 below the first point; with k = MATCH(a, attainments, 1):
 *                  y_k (stepped, or the last point), else y_k + (a − x_k)·(y_{k+1} − y_k)/(x_{k+1} − x_k)
 *   funded       = RM(pool amount (or % × target × revenue) × (gate met ? funding curve(revenue) : 0) × 100)
 *   raw_b        = share_b × funded × Σ weight × curve(KPI), or 0 for a bucket with nobody to pay
 *   total        = RM(Σ raw_b), or funded when fitToPool and RM(Σ raw_b) > funded
 *   payout_b     = the total split over raw_b by largest remainder (so the buckets add up to it)
 *   role parts   = the payout split over roleWeight × heads by largest remainder; per head ⌊part ÷ heads⌋,
 *                  (part mod heads) heads one minor unit more
 *
 * where RM(x) = ROUND(ROUND(x, 14 − INT(LOG10(|x|))), 0) reads x at 15 significant digits before
 * rounding half up (core/money/roundMinor.ts); a largest-remainder quota within a double's error
 * of a whole number is that number, and remainders that close are a tie (the engine's quotas are
 * exact fractions). The workings (minor units) are at the bottom of the sheet.
 */
import { bonusPlan, PLAN_SCENARIO } from '../../core/bonus/bonusPlan';
import { bonusNames } from '../../core/bonus/bonusNames';
import type { BonusPlan, Curve, ScenarioResult, ValidBonus } from '../../core/bonus/bonusTypes';
import { hasHeads } from '../../core/bonus/payScenario';
import { curveValue } from '../../core/bonus/curve';
import { BonusNames, explainScenario, findingLines, kpiName } from '../../core/bonus/explainPayout';
import { roundMinor } from '../../core/money/roundMinor';
import type { Lang } from '../../core/stages';
import { area, areaAddress, cellAddress } from '../a1';
import type { BonusCells, CurveCells } from '../bonusInputs';
import { COUNT_FORMAT, PERCENT_FORMAT, STYLE, moneyFormat } from '../formats';
import { Grid } from '../grid';
import { text } from '../labels';
import type { Cell, ConditionalFormatRule } from '../port';
import type { SheetLayout } from '../sheetLayout';
import { isLine, spanArea } from '../tables/writeTables';
import { headcountOf } from './headcountLayout';
import type { CellAt } from './inputsGeometry';
import { inputsRef } from './inputsGeometry';
import { inputsGeometryOf } from './inputsLayout';
import type { LayoutInput } from './layoutInput';
import { SHEET } from './sheetNames';

const HEADER_ROW = 5;
const MULTIPLIER_FORMAT = '0.000';
const MINOR_FORMAT = '#,##0';
const RAW_FORMAT = '#,##0.000';
const COST_FORMAT = '0.00%';
const HEAT = { minColor: '#ffffff', maxColor: '#f4b400' } as const;
const WORKING = { color: '#80868b' } as const;

/** A number as a formula literal: plain decimals (HyperFormula reads no 1E-7). */
function literal(n: number): string {
  const plain = String(n);
  return /e/i.test(plain) ? n.toFixed(20).replace(/\.?0+$/, '') : plain;
}

/** RM(x): x read at 15 significant digits, then rounded half up to a whole number (roundMinor). */
const rmFormula = (x: string) => `IF(${x}=0,0,ROUND(ROUND(${x},MAX(0,14-INT(LOG10(ABS(${x}))))),0))`;
/**
 * Largest remainder in doubles, to the engine's exact split: a quota within 1e-12 (at least 1e-9)
 * below a whole number is that number (a double's error, not a fraction), and two remainders
 * within 1e-14 of the total (at least 1e-9) are a tie. Plain arithmetic, so every spreadsheet
 * computes the same doubles as these mirrors.
 */
const FLOOR_ABS = 1e-9;
const FLOOR_REL = 1e-12;
const TIE_REL = 1e-14;
const floorOf = (q: number): number => Math.floor(q + Math.max(FLOOR_ABS, FLOOR_REL * q));
const floorFormula = (q: string) => `INT(${q}+MAX(${literal(FLOOR_ABS)},${literal(FLOOR_REL)}*${q}))`;
const tieOf = (total: number): number => TIE_REL * total + FLOOR_ABS;
const tieFormula = (total: string) => `(${literal(TIE_REL)}*${total}+${literal(FLOOR_ABS)})`;

/** An input of the bonus: its Inputs cell when the sheet has it, else the value as planned. */
const param = (cell: CellAt | undefined, value: number) => (cell ? inputsRef(cell) : literal(value));
const flag = (cell: CellAt | undefined, value: boolean) => (cell ? `${inputsRef(cell)}=TRUE()` : value ? 'TRUE()' : 'FALSE()');

/**
 * A curve's multiplier at attainment `a` as a formula: INDEX/MATCH over its points' cells on
 * Inputs when they are one contiguous column each (a point inserted between them widens the
 * range), else nested IFs over each point (its cell, or its value).
 */
export function curveFormula(a: string, curve: Curve, cells: CurveCells | undefined, stepped: string): string {
  const n = curve.points.length;
  const whole = cells && cells.attainments.length === n && cells.multipliers.length === n;
  if (whole && n > 0 && isLine(cells.attainments) && isLine(cells.multipliers) && spanArea(cells.attainments).cols === 1 && spanArea(cells.multipliers).cols === 1) {
    const X = inputsRangeOf(cells.attainments);
    const Y = inputsRangeOf(cells.multipliers);
    const k = `MATCH(${a},${X},1)`;
    const linear = `INDEX(${Y},${k})+(${a}-INDEX(${X},${k}))*(INDEX(${Y},${k}+1)-INDEX(${Y},${k}))/(INDEX(${X},${k}+1)-INDEX(${X},${k}))`;
    return `IF(${a}<INDEX(${X},1),0,IF(OR(${stepped},${k}=ROWS(${X})),INDEX(${Y},${k}),${linear}))`;
  }
  const x = (k: number) => (whole ? inputsRef(cells.attainments[k]) : literal(curve.points[k].attainment));
  const y = (k: number) => (whole ? inputsRef(cells.multipliers[k]) : literal(curve.points[k].multiplier));
  let formula = y(n - 1);
  for (let k = n - 2; k >= 0; k--) {
    const linear = `${y(k)}+(${a}-${x(k)})*(${y(k + 1)}-${y(k)})/(${x(k + 1)}-${x(k)})`;
    formula = `IF(${a}<${x(k + 1)},IF(${stepped},${y(k)},${linear}),${formula})`;
  }
  return `IF(${a}<${x(0)},0,${formula})`;
}

function inputsRangeOf(cells: readonly CellAt[]): string {
  const span = spanArea(cells);
  const first = inputsRef({ row: span.row, col: span.col });
  const last = inputsRef({ row: span.row + span.rows - 1, col: span.col + span.cols - 1 });
  return `${first}:${last.split('!')[1]}`;
}

/** The plan's bonus, computed once per layout input. */
const computed = new WeakMap<object, BonusPlan>();
export function bonusOf(input: LayoutInput): BonusPlan | undefined {
  const bonus = input.plan.bonus;
  if (!bonus) return undefined;
  let b = computed.get(input.plan);
  if (!b) {
    b = bonusPlan(bonus, input.plan.revenueTarget.value, input.plan.currency, headcountOf(input));
    computed.set(input.plan, b);
  }
  return b;
}

/** The columns: on plan, each named scenario (a "Plan" that changes nothing is the plan's own), the worst case. */
function scenarioColumns(b: BonusPlan, lang: Lang): { title: string; result: ScenarioResult }[] {
  const same = (s: ScenarioResult) => s.name === PLAN_SCENARIO && Object.values(s.kpis).every((a) => a === 1);
  return [
    { title: text('bnPlan', lang), result: b.plan },
    ...b.scenarios.filter((s) => !same(s)).map((s) => ({ title: s.name, result: s })),
    { title: text('bnWorstCase', lang), result: b.worstCase },
  ];
}

const capitalized = (s: string, lang: Lang) => (lang === 'en' ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/** A formula cell: its formula and the value it computes (the cached result). */
type F = { readonly formula: string; readonly value: number };

export function bonusLayout(input: LayoutInput): SheetLayout {
  const { plan, lang, stamp } = input;
  const grid = new Grid();
  grid.set(1, 1, { value: text('bonusTitle', lang), style: STYLE.title });
  grid.set(2, 1, { value: text('generated', lang, { version: stamp.version, date: stamp.generatedOn }), style: STYLE.generated });
  const base = { name: SHEET.bonus, kind: 'bonus', namedRanges: [], validations: [] };
  const b = bonusOf(input);
  if (!b || !plan.bonus) {
    grid.set(3, 1, { value: text('bonusNoPool', lang), style: STYLE.help });
    return { ...base, blocks: [grid.toBlock()], frozenRows: 0, frozenCols: 0, columnWidths: [520], conditionalFormats: [] };
  }
  grid.set(3, 1, { value: text('bonusHelp', lang), style: STYLE.help });

  const bonus: ValidBonus = plan.bonus;
  const cells: BonusCells | undefined = inputsGeometryOf(input).bonus;
  const ig = inputsGeometryOf(input);
  const names: BonusNames = bonusNames(headcountOf(input), lang);
  const scale = 10 ** b.minorDigits;
  const money = moneyFormat(plan.currency, b.minorDigits > 0);
  const columns = scenarioColumns(b, lang);
  const C = columns.length;
  const col = (s: number) => 2 + s;
  const at = (row: number, s: number) => cellAddress(row, col(s));
  const target = inputsRef(ig.revenueTarget);
  const targetValue = plan.revenueTarget.value;

  // The bucket cells as read from Inputs, where they match the plan's bonus (same buckets, roles, KPIs and points).
  const bucketCells = bonus.buckets.map((bucket, i) => {
    const c = cells?.buckets[i];
    return c && c.roleWeights.length === bucket.roles.length && c.kpis.length === bucket.kpis.length ? c : undefined;
  });
  const fit = flag(cells?.fitToPool, bonus.fitToPool);
  const gateMin = bonus.gate ? param(cells?.gateMin, bonus.gate.min) : undefined;
  const poolBase = (revenue: string): string =>
    bonus.pool.kind === 'amount' ? param(cells?.poolAmount, bonus.pool.amount) : `${param(cells?.poolPercent, bonus.pool.percent)}*${target}*${revenue}`;
  const poolBaseValue = (revenue: number): number => (bonus.pool.kind === 'amount' ? bonus.pool.amount : bonus.pool.percent * targetValue * revenue);
  const kpiCurve = (i: number, k: number, a: string) => {
    const kpi = bonus.buckets[i].kpis[k];
    const kc = bucketCells[i]?.kpis[k];
    return curveFormula(a, kpi.curve, kc?.curve, flag(kc?.stepped, kpi.curve.stepped));
  };
  const fundingCurve = (a: string) => (bonus.fundingCurve ? curveFormula(a, bonus.fundingCurve, cells?.funding, flag(cells?.fundingStepped, bonus.fundingCurve.stepped)) : '1');
  /** The funding multiplier and the funded pool (minor) at these attainments, as formulas and values. */
  const funding = (att: (kpi: string) => { ref: string; value: number }): { multiplier: F; funded: (multiplierRef: string) => F } => {
    const rev = att('revenue');
    const gateAtt = bonus.gate ? att(bonus.gate.kpi) : undefined;
    const gateMet = !bonus.gate || (gateAtt as { value: number }).value >= bonus.gate.min;
    const mValue = !gateMet ? 0 : bonus.fundingCurve ? curveValue(bonus.fundingCurve, rev.value) : 1;
    const mFormula = bonus.gate ? `IF(${gateAtt!.ref}>=${gateMin},${fundingCurve(rev.ref)},0)` : fundingCurve(rev.ref);
    return {
      multiplier: { formula: mFormula, value: mValue },
      funded: (m) => ({ formula: rmFormula(`${poolBase(rev.ref)}*${m}*${scale}`), value: roundMinor(poolBaseValue(rev.value) * mValue * scale) }),
    };
  };

  // Rows, top to bottom.
  let row = HEADER_ROW;
  const next = (n = 1) => {
    const r = row + 1;
    row += n;
    return r;
  };
  const attRow = new Map<string, number>();
  const attTitle = next(1);
  for (const kpi of b.kpis) attRow.set(kpi, next());
  next();
  const roleIds = [...new Set(bonus.buckets.flatMap((x) => x.roles))];
  const headsTitle = next();
  const headsRow = new Map(roleIds.map((r) => [r, next()]));
  next();
  const poolTitle = next();
  const fundingRow = next();
  const fundedRow = next();
  next();
  const bucketRows = bonus.buckets.map((bucket) => {
    const title = next();
    const curves = bucket.kpis.map(() => next());
    const multiplier = next();
    const payout = next();
    const roles = bucket.roles.map(() => ({ part: next(), perHead: next(), extra: next() }));
    next();
    return { title, curves, multiplier, payout, roles };
  });
  const totalRow = next();
  const costRow = next();
  next();
  // The grid of totals.
  const R = b.grid.revenue.length;
  const M = b.grid.marketingShare.length;
  const gridTitle = next();
  const gridHeader = next();
  const gridRow = (i: number) => gridHeader + 1 + i;
  next(R);
  next();
  const explainTitle = next();
  const explainLines = explainScenario(b, b.plan, lang, names);
  const explainRow = (i: number) => explainTitle + 1 + i;
  next(explainLines.length);
  next();
  const findingsTitle = next();
  const findings = findingLines(b, lang, names);
  const findingRow = (i: number) => findingsTitle + 1 + i;
  next(findings.length);
  next();
  // Workings, in minor units: per scenario column, then the grid's.
  const workTitle = next();
  const revenueMinorRow = next();
  const fundedMinorRow = next();
  const B = bonus.buckets.length;
  const rawRow = (i: number) => fundedMinorRow + 1 + i;
  const roundedRow = (i: number) => fundedMinorRow + 1 + B + i;
  const overRow = fundedMinorRow + 1 + 2 * B;
  const quotaRow = (i: number) => overRow + 1 + i;
  const floorRow = (i: number) => overRow + 1 + B + i;
  const remRow = (i: number) => overRow + 1 + 2 * B + i;
  const payoutMinorRow = (i: number) => overRow + 1 + 3 * B + i;
  next(1 + 6 * B);
  const roleWork = bonus.buckets.map((bucket) => {
    const n = bucket.roles.length;
    const first = row + 1;
    next(5 * n);
    return { weight: (r: number) => first + r, quota: (r: number) => first + n + r, floor: (r: number) => first + 2 * n + r, rem: (r: number) => first + 3 * n + r, part: (r: number) => first + 4 * n + r };
  });
  next();
  const gridWorkTitle = (t: number) => row + 1 + t * (R + 2);
  const gridWorkRow = (t: number, i: number) => gridWorkTitle(t) + 1 + i;

  // Header and titles.
  grid.set(HEADER_ROW, 1, { value: text('bnScenario', lang), style: { ...STYLE.header, align: 'left' } });
  columns.forEach((c, s) => grid.set(HEADER_ROW, col(s), { value: c.title, style: { ...STYLE.header, wrap: true } }));
  const section = (r: number, label: string, width = C) => {
    grid.set(r, 1, { value: label, style: STYLE.section });
    for (let s = 0; s < width; s++) grid.set(r, col(s), { value: null, style: STYLE.section });
  };
  section(attTitle, text('bnAttainment', lang));
  section(headsTitle, text('bnHeads', lang));
  section(poolTitle, text('bnPool', lang));
  const kpiLabel = (kpi: string) => capitalized(kpiName(kpi, lang, names), lang);
  const bucketLabel = (i: number) => bonus.buckets[i].name ?? bonus.buckets[i].id;

  // Attainments: inputs.
  for (const [kpi, r] of attRow) {
    grid.set(r, 1, { value: kpiLabel(kpi) });
    columns.forEach((c, s) => grid.set(r, col(s), { value: c.result.kpis[kpi] ?? 1, format: PERCENT_FORMAT, style: { ...STYLE.input, bold: true } }));
  }
  // Heads paid: inputs (the headcount plan's at the FY end).
  for (const [role, r] of headsRow) {
    grid.set(r, 1, { value: text('bnRoleHeads', lang, { role: names.role(role), id: role }) });
    grid.set(r, 2, { value: b.heads[role] ?? 0, format: COUNT_FORMAT, style: { ...STYLE.input, bold: true } });
  }
  const headsRef = (role: string) => `$B$${headsRow.get(role)}`;
  const headsValue = (role: string) => b.heads[role] ?? 0;
  /** Whether bucket i has someone to pay: a role with a weight and a head (payScenario.ts hasHeads), live of the heads and weights. */
  const paidCondition = (i: number) => `OR(${bonus.buckets[i].roles.map((role, j) => `AND(${param(bucketCells[i]?.roleWeights[j], bonus.buckets[i].roleWeights[role])}>0,${headsRef(role)}>0)`).join(',')})`;

  grid.set(fundingRow, 1, { value: text('bnFunding', lang) });
  grid.set(fundedRow, 1, { value: text('bnFunded', lang), style: STYLE.total });
  bucketRows.forEach((rows, i) => {
    const bucket = bonus.buckets[i];
    section(rows.title, `${text('bnBucket', lang, { name: bucketLabel(i), id: bucket.id })} — ${text('bucketShare', lang)} ${Number((bucket.share * 100).toPrecision(12))}%`);
    bucket.kpis.forEach((k, j) => grid.set(rows.curves[j], 1, { value: text('bnCurve', lang, { kpi: kpiLabel(k.kpi) }) }));
    grid.set(rows.multiplier, 1, { value: text('bnBucketMultiplier', lang) });
    grid.set(rows.payout, 1, { value: text('bnPayout', lang), style: STYLE.total });
    bucket.roles.forEach((role, j) => {
      const name = names.role(role);
      grid.set(rows.roles[j].part, 1, { value: text('bnRolePart', lang, { role: name }) });
      grid.set(rows.roles[j].perHead, 1, { value: text('bnRolePerHead', lang, { role: name }) });
      grid.set(rows.roles[j].extra, 1, { value: text('bnRoleExtra', lang, { role: name }), style: STYLE.muted });
    });
  });
  grid.set(totalRow, 1, { value: text('bnTotal', lang), style: STYLE.total });
  grid.set(costRow, 1, { value: text('bnCostOfRevenue', lang) });

  // Workings labels.
  section(workTitle, text('bnWorkings', lang));
  const work = (r: number, label: string) => grid.set(r, 1, { value: label, style: STYLE.muted });
  work(revenueMinorRow, text('bnRevenueMinor', lang));
  work(fundedMinorRow, text('bnFundedMinor', lang));
  work(overRow, text('bnOverPool', lang));
  for (let i = 0; i < B; i++) {
    const name = bucketLabel(i);
    work(rawRow(i), text('bnRawMinor', lang, { name }));
    work(roundedRow(i), text('bnRoundedMinor', lang, { name }));
    work(quotaRow(i), text('bnFitQuota', lang, { name }));
    work(floorRow(i), `${text('bnFitQuota', lang, { name })} ⌊ ⌋`);
    work(remRow(i), `${text('bnFitQuota', lang, { name })} − ⌊ ⌋`);
    work(payoutMinorRow(i), text('bnFitPayout', lang, { name }));
    bonus.buckets[i].roles.forEach((role, j) => {
      const w = roleWork[i];
      const r = names.role(role);
      work(w.weight(j), `${text('bnRoleQuota', lang, { name, role: r })}: ${text('bonusRoleWeight', lang)} × ${text('bnHeads', lang)}`);
      work(w.quota(j), text('bnRoleQuota', lang, { name, role: r }));
      work(w.floor(j), `${text('bnRoleQuota', lang, { name, role: r })} ⌊ ⌋`);
      work(w.rem(j), `${text('bnRoleQuota', lang, { name, role: r })} − ⌊ ⌋`);
      work(w.part(j), text('bnRolePartMinor', lang, { name, role: r }));
    });
  }

  const put = (r: number, s: number, f: F, format: string, style?: Cell['style']) => grid.set(r, col(s), { formula: f.formula, value: f.value, format, ...(style ? { style } : {}) });
  const muted = (r: number, s: number, f: F, format = RAW_FORMAT) => put(r, s, f, format, WORKING);
  const range = (r0: number, n: number, s: number) => areaAddress(area(r0, col(s), n, 1));
  /** Largest remainder: 1 + how many remainders rank before this one (larger, or tied and earlier), as IF terms. */
  const rank = (rems: readonly string[], i: number, tie: string) =>
    [`1`, ...rems.flatMap((r, j) => (j === i ? [] : [`IF(${r}-${rems[i]}>${tie},1,0)`, ...(j < i ? [`IF(ABS(${r}-${rems[i]})<=${tie},1,0)`] : [])]))].join('+');
  const rankValue = (rems: readonly number[], i: number, tie: number) =>
    1 + rems.reduce((n, r, j) => n + (j !== i && (r - rems[i] > tie || (j < i && Math.abs(r - rems[i]) <= tie)) ? 1 : 0), 0);

  columns.forEach((c, s) => {
    const res = c.result;
    const att = (kpi: string) => ({ ref: at(attRow.get(kpi)!, s), value: res.kpis[kpi] ?? 1 });
    const f = funding(att);
    put(fundingRow, s, f.multiplier, MULTIPLIER_FORMAT);
    const funded = f.funded(at(fundingRow, s));
    muted(fundedMinorRow, s, funded, MINOR_FORMAT);
    put(fundedRow, s, { formula: `${at(fundedMinorRow, s)}/${scale}`, value: funded.value / scale }, money, STYLE.total);
    muted(revenueMinorRow, s, { formula: rmFormula(`${target}*${att('revenue').ref}*${scale}`), value: roundMinor(targetValue * att('revenue').value * scale) }, MINOR_FORMAT);

    // Each bucket's curves, multiplier, raw and rounded payout.
    const raws: number[] = [];
    const rounded: number[] = [];
    bonus.buckets.forEach((bucket, i) => {
      const rows = bucketRows[i];
      let mValue = 0;
      const terms: string[] = [];
      bucket.kpis.forEach((k, j) => {
        const a = att(k.kpi);
        const cv = curveValue(k.curve, a.value);
        put(rows.curves[j], s, { formula: kpiCurve(i, j, a.ref), value: cv }, MULTIPLIER_FORMAT);
        mValue += k.weight * cv;
        terms.push(`${param(bucketCells[i]?.kpis[j].weight, k.weight)}*${at(rows.curves[j], s)}`);
      });
      put(rows.multiplier, s, { formula: terms.join('+'), value: mValue }, MULTIPLIER_FORMAT);
      // A bucket with nobody to pay takes no part of the pool (payScenario.ts).
      const raw = hasHeads(bucket, b.heads) ? bucket.share * funded.value * mValue : 0;
      raws.push(raw);
      rounded.push(roundMinor(raw));
      muted(rawRow(i), s, { formula: `IF(${paidCondition(i)},${param(bucketCells[i]?.share, bucket.share)}*${at(fundedMinorRow, s)}*${at(rows.multiplier, s)},0)`, value: raw });
      muted(roundedRow(i), s, { formula: rmFormula(at(rawRow(i), s)), value: roundMinor(raw) }, MINOR_FORMAT);
    });
    // What the buckets pay together: their raw sum rounded, or the funded pool when fitToPool binds; split over the raw amounts by largest remainder.
    const fundedRef = at(fundedMinorRow, s);
    // Added left to right, as the engine does (LibreOffice's SUM compensates, and would differ in the last bit).
    const rawTotal = `(${bonus.buckets.map((_, j) => at(rawRow(j), s)).join('+')})`;
    const rawSum = raws.reduce((x, y) => x + y, 0);
    const wanted = roundMinor(rawSum);
    const paidTotal = bonus.fitToPool && wanted > funded.value ? funded.value : wanted;
    muted(overRow, s, { formula: `IF(AND(${fit},${rmFormula(rawTotal)}>${fundedRef}),${fundedRef},${rmFormula(rawTotal)})`, value: paidTotal }, MINOR_FORMAT);
    const totalRef = at(overRow, s);
    const quotas = raws.map((raw) => (rawSum > 0 ? (paidTotal * raw) / rawSum : 0));
    const floors = quotas.map(floorOf);
    const rems = quotas.map((q, i) => Math.max(0, q - floors[i]));
    const left = paidTotal - floors.reduce((x, y) => x + y, 0);
    const tie = tieOf(paidTotal);
    const payouts = bonus.buckets.map((_, i) => floors[i] + (rankValue(rems, i, tie) <= left ? 1 : 0));
    const remRefs = bonus.buckets.map((_, i) => at(remRow(i), s));
    bonus.buckets.forEach((bucket, i) => {
      muted(quotaRow(i), s, { formula: `IF(${rawTotal}>0,${totalRef}*${at(rawRow(i), s)}/${rawTotal},0)`, value: quotas[i] });
      muted(floorRow(i), s, { formula: floorFormula(at(quotaRow(i), s)), value: floors[i] }, MINOR_FORMAT);
      muted(remRow(i), s, { formula: `MAX(0,${at(quotaRow(i), s)}-${at(floorRow(i), s)})`, value: rems[i] }, RAW_FORMAT);
      const leftover = `(${totalRef}-SUM(${range(floorRow(0), B, s)}))`;
      muted(payoutMinorRow(i), s, { formula: `${at(floorRow(i), s)}+IF(${rank(remRefs, i, tieFormula(totalRef))}<=${leftover},1,0)`, value: payouts[i] }, MINOR_FORMAT);
      put(bucketRows[i].payout, s, { formula: `${at(payoutMinorRow(i), s)}/${scale}`, value: payouts[i] / scale }, money, STYLE.total);

      // The bucket's roles: its payout split over weight × heads, then per head.
      const w = roleWork[i];
      const n = bucket.roles.length;
      const weights = bucket.roles.map((role) => bucket.roleWeights[role] * headsValue(role));
      const wSum = weights.reduce((x, y) => x + y, 0);
      const payoutRef = at(payoutMinorRow(i), s);
      const rq = weights.map((wt) => (payouts[i] === 0 || !(wSum > 0) ? 0 : (payouts[i] * wt) / wSum));
      const rf = rq.map(floorOf);
      const rr = rq.map((q, j) => Math.max(0, q - rf[j]));
      const rLeft = payouts[i] - rf.reduce((x, y) => x + y, 0);
      const rTie = tieOf(payouts[i]);
      const parts = bucket.roles.map((_, j) => (payouts[i] > 0 && wSum > 0 ? rf[j] + (rankValue(rr, j, rTie) <= rLeft ? 1 : 0) : 0));
      const wRange = `(${bucket.roles.map((_, j) => at(w.weight(j), s)).join('+')})`;
      const rRefs = bucket.roles.map((_, j) => at(w.rem(j), s));
      bucket.roles.forEach((role, j) => {
        const heads = headsValue(role);
        muted(w.weight(j), s, { formula: `${param(bucketCells[i]?.roleWeights[j], bucket.roleWeights[role])}*${headsRef(role)}`, value: weights[j] });
        muted(w.quota(j), s, { formula: `IF(OR(${payoutRef}=0,${wRange}<=0),0,${payoutRef}*${at(w.weight(j), s)}/${wRange})`, value: rq[j] });
        muted(w.floor(j), s, { formula: floorFormula(at(w.quota(j), s)), value: rf[j] }, MINOR_FORMAT);
        muted(w.rem(j), s, { formula: `MAX(0,${at(w.quota(j), s)}-${at(w.floor(j), s)})`, value: rr[j] });
        const rLeftover = `(${payoutRef}-SUM(${range(w.floor(0), n, s)}))`;
        muted(w.part(j), s, { formula: `IF(OR(${payoutRef}=0,${wRange}<=0),0,${at(w.floor(j), s)}+IF(${rank(rRefs, j, tieFormula(payoutRef))}<=${rLeftover},1,0))`, value: parts[j] }, MINOR_FORMAT);
        const rows = bucketRows[i].roles[j];
        const partRef = at(w.part(j), s);
        put(rows.part, s, { formula: `${partRef}/${scale}`, value: parts[j] / scale }, money);
        put(rows.perHead, s, { formula: `IF(${headsRef(role)}>0,INT(${partRef}/${headsRef(role)}),0)/${scale}`, value: (heads > 0 ? Math.floor(parts[j] / heads) : 0) / scale }, money);
        put(rows.extra, s, { formula: `IF(${headsRef(role)}>0,MOD(${partRef},${headsRef(role)}),0)`, value: heads > 0 ? parts[j] % heads : 0 }, COUNT_FORMAT, STYLE.muted);
      });
    });
    const totalMinor = payouts.reduce((x, y) => x + y, 0);
    const payoutSum = `SUM(${range(payoutMinorRow(0), B, s)})`;
    put(totalRow, s, { formula: `${payoutSum}/${scale}`, value: totalMinor / scale }, money, STYLE.total);
    const revenueMinor = roundMinor(targetValue * att('revenue').value * scale);
    grid.set(costRow, col(s), {
      formula: `IF(${at(revenueMinorRow, s)}>0,${payoutSum}/${at(revenueMinorRow, s)},"")`,
      value: revenueMinor > 0 ? totalMinor / revenueMinor : '',
      format: COST_FORMAT,
    });
  });

  // The grid: revenue attainments down, marketing share across; each total live of its workings below.
  section(gridTitle, text('bnGrid', lang), M);
  grid.set(gridHeader, 1, { value: text('bnGridCorner', lang), style: { ...STYLE.header, align: 'left' } });
  b.grid.marketingShare.forEach((m, j) => grid.set(gridHeader, col(j), { value: m, format: PERCENT_FORMAT, style: STYLE.header }));
  b.grid.revenue.forEach((r, i) => grid.set(gridRow(i), 1, { value: r, format: PERCENT_FORMAT, style: { ...STYLE.header, align: 'left' } }));
  const gridTables = [text('bnFundedMinor', lang), ...bonus.buckets.map((_, i) => text('bnRawMinor', lang, { name: bucketLabel(i) }))];
  gridTables.forEach((what, t) => {
    grid.set(gridWorkTitle(t), 1, { value: text('bnGridWorkings', lang, { what }), style: STYLE.muted });
    b.grid.marketingShare.forEach((m, j) => grid.set(gridWorkTitle(t), col(j), { formula: cellAddress(gridHeader, col(j), true), value: m, format: PERCENT_FORMAT, style: WORKING }));
    b.grid.revenue.forEach((r, i) => grid.set(gridWorkRow(t, i), 1, { formula: cellAddress(gridRow(i), 1, true), value: r, format: PERCENT_FORMAT, style: WORKING }));
  });
  b.grid.revenue.forEach((r, i) =>
    b.grid.marketingShare.forEach((m, j) => {
      const att = (kpi: string) =>
        kpi === 'revenue'
          ? { ref: cellAddress(gridRow(i), 1, true), value: r }
          : kpi === 'marketingShare'
            ? { ref: cellAddress(gridHeader, col(j), true), value: m }
            : { ref: '1', value: 1 };
      const f = funding(att);
      // The funding multiplier inline: a grid cell has no row of its own for it.
      const funded = f.funded(`(${f.multiplier.formula})`);
      const fundedRef = cellAddress(gridWorkRow(0, i), col(j));
      muted(gridWorkRow(0, i), j, funded, MINOR_FORMAT);
      const rounded = bonus.buckets.map((bucket, k) => {
        let mValue = 0;
        const terms = bucket.kpis.map((kp, q) => {
          const a = att(kp.kpi);
          mValue += kp.weight * curveValue(kp.curve, a.value);
          return `${param(bucketCells[k]?.kpis[q].weight, kp.weight)}*(${kpiCurve(k, q, a.ref)})`;
        });
        const value = hasHeads(bucket, b.heads) ? bucket.share * funded.value * mValue : 0;
        muted(gridWorkRow(1 + k, i), j, { formula: `IF(${paidCondition(k)},${param(bucketCells[k]?.share, bucket.share)}*${fundedRef}*(${terms.join('+')}),0)`, value }, RAW_FORMAT);
        return value;
      });
      const sum = roundMinor(rounded.reduce((x, y) => x + y, 0));
      const sumFormula = rmFormula(`(${bonus.buckets.map((_, k) => cellAddress(gridWorkRow(1 + k, i), col(j))).join('+')})`);
      const total = bonus.fitToPool && sum > funded.value ? funded.value : sum;
      grid.set(gridRow(i), col(j), { formula: `IF(AND(${fit},${sumFormula}>${fundedRef}),${fundedRef},${sumFormula})/${scale}`, value: total / scale, format: money });
    }),
  );

  // The plan in words, and the findings (as generated).
  section(explainTitle, text('bnExplain', lang), 1);
  explainLines.forEach((line, i) => grid.set(explainRow(i), 1, { value: line }));
  section(findingsTitle, text('bnFindings', lang), 1);
  findings.forEach((line, i) => grid.set(findingRow(i), 1, { value: line }));

  const heat: ConditionalFormatRule = { area: area(gridRow(0), col(0), R, M), kind: 'colorScale', ...HEAT };
  return {
    ...base,
    blocks: [grid.toBlock()],
    frozenRows: HEADER_ROW,
    frozenCols: 1,
    columnWidths: [360, ...Array.from({ length: Math.max(C, M) }, () => 130)],
    conditionalFormats: [heat],
  };
}

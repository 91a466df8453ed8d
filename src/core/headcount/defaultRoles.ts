/**
 * The roles a plan gets when its `headcount` section does not list its own (seeds 000 and
 * 004: leadership, the marketing specialists, SDR → AE → CSM, managers in layers, analysts and
 * design), with benchmark figures where one is published (docs/headcount.md lists the sources).
 * A role the plan lists under a default id (`{ "id": "sdr", "current": 6 }`) takes these values
 * for every field it leaves out.
 *
 * Sources of the figures:
 * - SDR ramp ~3 months: Bridge Group 2018 via Xactly, "the average ramp time for a sales
 *   development rep (SDR) is 3.2 months" — https://www.xactlycorp.com/blog/6-facts-know-sales-rep-turnover ;
 *   "most companies spend three to four months ramping up their SDRs" — https://reply.io/fight-sales-turnover
 * - SDR output 12–25 qualified meetings (SQLs) a month: outbound 12–15, inbound 20–25 —
 *   https://www.marketbetter.ai/blog/tags/benchmarks (15 here: a mixed inbound/outbound team)
 * - SDR attrition 30–34 %/year: Bridge Group 2015 (34 %) and 2017 (30 %) —
 *   https://www.somametrics.com/sdr-attrition-rate/
 * - Manager span ~8: Bridge Group 1 : 8.1 SDRs per manager (TOPO 1 : 8.7) —
 *   https://engagio.relayto.com/e/the-clear-complete-guide-to-abs-5u8g6gw10wojl/IFszL3SG118
 * - AE ramp ~5 months: Bridge Group 2024 median 5.0 months — https://pulserevops.com/industry-kpis/q17
 * - AE quota ≈ 5 × OTE: https://revenue.fyi/snippets/relationship-between-quota-and-ote ,
 *   https://thecroreport.com/glossary/quota-to-ote-ratio ; an AE at 5 × a 150k OTE carries
 *   750k a year, about 2.3 deals a month at 25–30k, i.e. about 8 opportunities a month at the
 *   seed plan's 25–30 % win rate: capacity 8.
 * - AE attrition ~25 %/year: "estimates of annual turnover among U.S. salespeople run as high
 *   as 27 %" (HBR 2017, via SBI) — https://sbigrowth.com/insights/blog/sales-rep-turnover-why-it-happens-and-how-to-reduce-it
 * - Time to hire 1–2 months: SDR 21–35 days, mid-market AE 28–45 days, sales manager 45–70
 *   days — https://salesfolks.com/post/sales-hiring-timeline
 * - CSM 30–50 mid-market accounts (or 1–2M ARR) each: https://cust.co/customer-success-manager/ ,
 *   https://www.saastr.com/dear-saastr-at-20000-acv-how-many-customers-should-each-customer-success-manager-have
 * - Fully loaded cost = base × 1.25–1.40: https://www.glencoyne.com/guides/fully-loaded-cost-us-employee ;
 *   the monthly costs below are illustrative US SaaS on-target earnings × 1.3 ÷ 12 — put your own.
 *
 * Assumptions without a benchmark (say so when you present them): the marketing specialists,
 * leadership, analysts and design; the CSM, manager and support ramps. Fixed roles default to
 * no attrition: a single seat's expected-value attrition would hire a second person in the first
 * covered month; its backfill is a replacement when someone actually leaves.
 */
import type { ValidRole, ValidVertical } from './headcountTypes';

/** Ids of the default roles, in the order they are listed. */
export const DEFAULT_ROLE_IDS = [
  'cso',
  'marketingDirector',
  'salesDirector',
  'contentMarketer',
  'seoSem',
  'socialMedia',
  'marketingAutomation',
  'sdr',
  'ae',
  'csm',
  'sdrManager',
  'salesManager',
  'dataAnalyst',
  'design',
] as const;

export type DefaultRoleId = (typeof DEFAULT_ROLE_IDS)[number];

/** The id of the full-cycle role of the vertical structure. */
export const FULL_CYCLE_ID = 'fullCycleRep';

/** Where the plan's funnel puts the default drivers. */
export interface DefaultRoleContext {
  readonly stages: readonly string[];
  /** The SDR team delivers it (default sql). */
  readonly handoffStage: string | undefined;
  readonly sourceIds: readonly string[];
}

const fixed = (id: DefaultRoleId, monthlyCost: number): ValidRole => ({
  id,
  name: undefined,
  driver: { kind: 'fixed', fte: 1 },
  capacityPerMonth: undefined,
  ramp: [],
  attritionPerYear: 0,
  hireLeadMonths: 2,
  monthlyCost,
  current: 1,
});

/** The stage the AE team works (teams/teamSpec.ts): the one after the handoff, or the one above won. */
function aeStage(stages: readonly string[], handoffStage: string | undefined): string | undefined {
  const won = stages.length - 1;
  const h = handoffStage === undefined ? -1 : stages.indexOf(handoffStage);
  const k = h >= 0 && h + 1 < won ? h + 1 : won - 1;
  return k >= 0 ? stages[k] : undefined;
}

/**
 * The default roles for a plan's funnel. The SDR role needs a handoff stage below the first
 * two (as the SDR team does), the AE role a stage above won; managers come with the roles they
 * manage. Current staff: the fixed seats are filled, every other role starts from 0 — list the
 * role with its `current` to say otherwise.
 *
 * @example
 * defaultRoles({ stages: ['lead', 'mql', 'sql', 'opportunity', 'won'], handoffStage: 'sql', sourceIds: ['marketing', 'outbound'] })
 *   .find((r) => r.id === 'sdr');
 * // → { driver: { kind: 'stage', stage: 'sql', sources: ['marketing', 'outbound'] }, capacityPerMonth: 15,
 * //     ramp: [0.25, 0.5, 0.75], attritionPerYear: 0.32, hireLeadMonths: 1, monthlyCost: 8000, current: 0, … }
 */
export function defaultRoles(context: DefaultRoleContext): ValidRole[] {
  const { stages, handoffStage, sourceIds } = context;
  const h = handoffStage === undefined ? -1 : stages.indexOf(handoffStage);
  const aeWorks = aeStage(stages, handoffStage);
  const roles: ValidRole[] = [
    fixed('cso', 27_000),
    fixed('marketingDirector', 19_500),
    fixed('salesDirector', 20_500),
    fixed('contentMarketer', 8_700),
    fixed('seoSem', 9_200),
    fixed('socialMedia', 7_600),
    fixed('marketingAutomation', 10_300),
  ];
  const front: string[] = [];
  if (h >= 2) {
    roles.push({
      id: 'sdr',
      name: undefined,
      driver: { kind: 'stage', stage: stages[h], sources: [...sourceIds] },
      capacityPerMonth: 15,
      ramp: [0.25, 0.5, 0.75],
      attritionPerYear: 0.32,
      hireLeadMonths: 1,
      monthlyCost: 8_000,
      current: 0,
    });
    front.push('sdr');
  }
  if (aeWorks !== undefined) {
    roles.push({
      id: 'ae',
      name: undefined,
      driver: { kind: 'stage', stage: aeWorks, sources: [...sourceIds] },
      capacityPerMonth: 8,
      ramp: [0, 0.2, 0.4, 0.6, 0.8],
      attritionPerYear: 0.25,
      hireLeadMonths: 2,
      monthlyCost: 16_000,
      current: 0,
    });
    front.push('ae');
  }
  roles.push({
    id: 'csm',
    name: undefined,
    driver: { kind: 'accounts', existing: 0 },
    capacityPerMonth: 40,
    ramp: [0.5, 0.75],
    attritionPerYear: 0.2,
    hireLeadMonths: 2,
    monthlyCost: 11_000,
    current: 0,
  });
  front.push('csm');
  const manager = (id: DefaultRoleId, of: string, monthlyCost: number): ValidRole => ({
    id,
    name: undefined,
    driver: { kind: 'span', per: 8, of: [of] },
    capacityPerMonth: undefined,
    ramp: [0.5],
    attritionPerYear: 0.2,
    hireLeadMonths: 2,
    monthlyCost,
    current: 0,
  });
  if (front.includes('sdr')) roles.push(manager('sdrManager', 'sdr', 15_000));
  if (front.includes('ae')) roles.push(manager('salesManager', 'ae', 24_000));
  const supported = ['contentMarketer', 'seoSem', 'socialMedia', 'marketingAutomation', ...front];
  const support = (id: DefaultRoleId, per: number, monthlyCost: number): ValidRole => ({
    id,
    name: undefined,
    driver: { kind: 'ratio', per, of: supported },
    capacityPerMonth: undefined,
    ramp: [0.5],
    attritionPerYear: 0.15,
    hireLeadMonths: 2,
    monthlyCost,
    current: 0,
  });
  roles.push(support('dataAnalyst', 25, 10_300), support('design', 30, 8_700));
  return roles;
}

/**
 * The vertical structure to compare with (seed 004): full-cycle reps who prospect, qualify and
 * close, in place of the SDR and AE roles the plan has; they work the AE's stage at the
 * specialists' combined pace unless the plan gives a capacity (structures.ts derives it), ramp
 * longer than an AE (6 months: the whole cycle to learn), leave like AEs, and cost more — "their
 * salary or commission is usually high, and they are in demand" (seed 004, 他们的薪水或佣金通常很高).
 * The current SDRs and AEs are taken as retrained. Null without an SDR or AE role driven by work.
 *
 * @example
 * defaultVertical(defaultRoles(context));
 * // → { id: 'fullCycleRep', replaces: ['sdr', 'ae'], driver: the AE's, capacityPerMonth: undefined,
 * //     ramp: [0, 0.15, 0.3, 0.5, 0.7, 0.85], attritionPerYear: 0.25, hireLeadMonths: 2, monthlyCost: 18000, current: 0 }
 */
export function defaultVertical(roles: readonly ValidRole[]): ValidVertical | null {
  const replaced = roles.filter((r) => (r.id === 'sdr' || r.id === 'ae') && (r.driver.kind === 'stage' || r.driver.kind === 'accounts'));
  if (replaced.length === 0) return null;
  const driverFrom = replaced.find((r) => r.id === 'ae') ?? replaced[replaced.length - 1];
  return {
    id: FULL_CYCLE_ID,
    name: undefined,
    driver: driverFrom.driver,
    capacityPerMonth: undefined,
    ramp: [0, 0.15, 0.3, 0.5, 0.7, 0.85],
    attritionPerYear: 0.25,
    hireLeadMonths: 2,
    monthlyCost: 18_000,
    current: replaced.reduce((n, r) => n + r.current, 0),
    replaces: replaced.map((r) => r.id),
  };
}

/**
 * What the sidebar and the Apps Script server say to each other through google.script.run.
 * Plain JSON only (google.script.run drops functions, Dates become strings).
 */
import type { ValidBonus } from '../core/bonus/bonusTypes';
import type { Confidence } from '../core/confidence/confidence';
import type { PlanInput } from '../core/planInput';
import type { Lang } from '../core/stages';

export interface SidebarState {
  /** The plan to prefill the form with: the Inputs sheet when there is one, else the default template. */
  readonly input: PlanInput;
  /** Where `input` came from. */
  readonly source: 'inputs-sheet' | 'default-template';
  /** Problems reading the Inputs sheet, if any (the form then shows the default template). */
  readonly readProblems: readonly string[];
  /** Digest of the Inputs sheet as loaded, so Generate can tell whether it changed meanwhile. */
  readonly inputsFingerprint: string | null;
  readonly lang: Lang;
}

/** One validation message, keyed by the field path the form uses (`sources[0].conversionRates.lead`). */
export interface SidebarFieldError {
  readonly path: string;
  readonly message: string;
}

export interface SidebarSummary {
  readonly currency: string;
  readonly revenueTarget: number;
  readonly stages: readonly { readonly id: string; readonly label: string; readonly total: number }[];
  readonly sources: readonly { readonly id: string; readonly name: string; readonly counts: Readonly<Record<string, number>>; readonly revenue: number }[];
  readonly marketingTarget: { readonly stage: string; readonly label: string; readonly count: number } | null;
  /** The plan over the fiscal year; null when the plan has no fiscal year to lay out. */
  readonly months: SidebarMonths | null;
  /** The hiring plan (core/headcount); null when the plan has no fiscal year to lay out. */
  readonly hiring: SidebarHiring | null;
  /** The shared bonus pool, paid in the page as the attainments move; null when the plan has none. */
  readonly bonus: SidebarBonus | null;
}

/** What the page pays the shared bonus pool with (core/bonus/payScenario.ts, in the browser): the validated bonus and its context. */
export interface SidebarBonus {
  readonly bonus: ValidBonus;
  /** Every KPI the bonus reads (bonusKpis). */
  readonly kpis: readonly string[];
  /** Whole heads paid per role: the headcount plan's at FY end, rounded half up (headsAtFyEnd). */
  readonly heads: Readonly<Record<string, number>>;
  /** The plan's revenue target, in the currency. */
  readonly revenueTarget: number;
  readonly currency: string;
  /** Of the currency's minor unit (2 for cents). */
  readonly minorDigits: number;
  /** Each bucket's name (as written, else its id) and each of their roles', in the plan's language. */
  readonly bucketNames: Readonly<Record<string, string>>;
  readonly roleNames: Readonly<Record<string, string>>;
}

/** What the sidebar shows of the headcount plan: who to hire when, the FY cost, each role's hires and heads, the ramp-up gap. */
export interface SidebarHiring {
  /** "Hire 4 AEs in Nov 2026, 1 sales manager in Nov 2026, 3 SDRs in Jan 2027." */
  readonly sentence: string;
  /** "Headcount cost for the fiscal year: USD 1,008,000; 10.0 heads at its end (expected, with attrition)." */
  readonly costLine: string;
  readonly currency: string;
  /** The FY's headcount cost, in the currency. */
  readonly yearCost: number;
  /** Every role, in the plan's order. */
  readonly roles: readonly {
    readonly id: string;
    readonly name: string;
    readonly hires: number;
    readonly headsAtFyEnd: number;
    readonly yearCost: number;
    /** The months short (the ramp-up gap), in order; empty when the role covers every month. */
    readonly gap: readonly { readonly label: string; readonly fte: number }[];
  }[];
}

/** What the sidebar shows of the plan's months (core/time/planTimeline.ts): marketing's headline by month and the channels' budgets. */
export interface SidebarMonths {
  /** From the first month with work (carry-in months before the FY first) to the FY's last. */
  readonly months: readonly { readonly label: string; readonly carryIn: boolean }[];
  /** The marketing team's headline stage (its SQLs) by month, one value per month; null without marketing-sourced revenue. */
  readonly marketing: {
    readonly stage: string;
    readonly label: string;
    readonly values: readonly number[];
    readonly quarters: readonly number[];
    readonly fiscalYear: number;
  } | null;
  /** Every channel of every source with its budget over the FY's months; null without a cost per lead. Empty when no source has channels. */
  readonly channels: readonly { readonly id: string; readonly name: string; readonly source: string; readonly budget: number | null }[];
  /** The sum of the marketing-sourced channels' budgets over the FY; null when none has a cost per lead. */
  readonly marketingBudget: number | null;
}

export type GenerateResponse =
  | { readonly ok: true; readonly summary: SidebarSummary; readonly sheets: readonly string[]; readonly backups: readonly string[] }
  | { readonly ok: false; readonly reason: 'invalid'; readonly errors: readonly SidebarFieldError[] }
  | { readonly ok: false; readonly reason: 'busy' | 'failed'; readonly message: string };

/**
 * The server functions the sidebar calls (top-level globals in Code.js):
 * - getSidebarState(): SidebarState
 * - previewPlan(input: PlanInput): GenerateResponse — validate and plan without writing (ok → summary, sheets: [])
 * - generateFromSidebar(input: PlanInput, inputsFingerprint: string | null, confidence: Confidence | null): GenerateResponse — writes
 *   every sheet; `confidence` is `planConfidence(plan, funnel)` as the page ran it for exactly this input (default options), or
 *   null when it could not: the server checks it (gas/readConfidence.ts) and writes the Confidence sheet from it, or, with null,
 *   the sheet that says the simulation runs in the sidebar. A malformed one, or one of another plan, is refused ('failed').
 */
export interface SidebarServer {
  getSidebarState(): SidebarState;
  previewPlan(input: PlanInput): GenerateResponse;
  generateFromSidebar(input: PlanInput, inputsFingerprint: string | null, confidence?: Confidence | null): GenerateResponse;
}

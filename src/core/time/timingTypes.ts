/** The validated `timing` of a plan (readTiming.ts reads it). */
import type { Fraction } from '../fraction';
import type { FiscalYearStart } from './fiscalYear';

export interface ValidTiming {
  /** Undefined when neither the plan nor the caller's today names a year: no months then. */
  readonly fiscalYearStart: FiscalYearStart | undefined;
  /** 12 weights of won deals by FY month, exact. */
  readonly seasonality: readonly Fraction[];
  /** Whether the weights were typed (false: even). */
  readonly seasonalityGiven: boolean;
  /** Next year's target = this year's × (1 + growth); 0 = steady state. */
  readonly nextYearGrowth: Fraction;
  readonly nextYearGrowthValue: number;
  /** "YYYY-MM-DD", sorted, unique. */
  readonly holidays: readonly string[];
  /** Records already at a stage on FY start, by stage id. */
  readonly openPipeline: Readonly<Record<string, number>>;
}

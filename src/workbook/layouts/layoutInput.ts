/** What every layout is computed from: the validated plan, its funnel, the language and the stamp. */
import type { Confidence } from '../../core/confidence/confidence';
import type { FunnelPlan } from '../../core/funnelPlan';
import type { ValidPlan } from '../../core/planInput';
import type { Lang } from '../../core/stages';
import type { LayoutStamp } from '../sheetLayout';
import type { InputsGeometry } from './inputsGeometry';
import type { PlanTimeline } from '../../core/time/planTimeline';

export interface LayoutInput {
  readonly plan: ValidPlan;
  readonly funnel: FunnelPlan;
  readonly lang: Lang;
  readonly stamp: LayoutStamp;
  /** Where an existing Inputs sheet keeps each input (read back from it, sections moved or not); default: where inputsLayout puts them. */
  readonly inputsGeometry?: InputsGeometry;
  /**
   * The plan over the year when the caller has it already (the CLI, with lags measured from a
   * CRM export): the Monthly and Teams sheets then show the same months as the JSON and report.
   */
  readonly timeline?: PlanTimeline;
  /**
   * How sure the plan is, simulated where the user is (the CLI in Node, the sidebar in the
   * browser); absent where no simulation may run (Google Sheets' menu Generate): the Confidence
   * sheet then says where it runs instead of showing numbers.
   */
  readonly confidence?: Confidence;
}

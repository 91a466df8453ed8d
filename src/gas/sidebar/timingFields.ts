/**
 * The plan's `timing` (design.md §7): fiscal-year start, next year's growth, seasonality of won
 * deals (even, from a CRM export, or twelve weights) and holidays. `openPipeline`, and anything
 * else the plan's timing holds, is not edited here and goes back as it came.
 */
import { isRecord } from '../../core/isRecord';
import { calendarMonth, parseFiscalYearStart } from '../../core/time/fiscalYear';
import { clear, el } from './dom';
import type { FieldErrors } from './fieldErrors';
import { SelectField, TextField, bareInput, selectField, sent, textField } from './formFields';
import { fieldValue, holidaysList, holidaysText, put, seasonalityMode } from './formValue';
import { amountText, percentText, plainText } from './numberText';
import type { SidebarText } from './sidebarText';

export class TimingFields {
  readonly element: HTMLElement;
  private readonly timing: Record<string, unknown>;
  private readonly start: TextField;
  private readonly growth: TextField;
  private readonly mode: SelectField;
  private readonly holidays: TextField;
  private readonly weights: HTMLElement;
  private readonly shownWeights: readonly string[];
  private readonly typedWeights = new Map<number, string>();

  constructor(private readonly original: unknown, private readonly text: SidebarText, private readonly errors: FieldErrors) {
    const t = text;
    this.timing = isRecord(original) ? original : {};
    const season = this.timing.seasonality;
    this.start = textField(t.fiscalYearStart, 'timing.fiscalYearStart', plainText(this.timing.fiscalYearStart), errors, 'field half');
    this.start.input.placeholder = 'YYYY-MM';
    this.growth = textField(t.nextYearGrowth, 'timing.nextYearGrowth', percentText(this.timing.nextYearGrowth), errors, 'field half');
    this.mode = selectField(
      t.seasonality,
      'timing.seasonality',
      [['even', t.seasonalityEven], ['history', t.seasonalityHistory], ['custom', t.seasonalityCustom]],
      seasonalityMode(season),
      errors,
    );
    this.shownWeights = Array.from({ length: 12 }, (_, i) => (Array.isArray(season) ? amountText(season[i]) : ''));
    this.weights = el('div', { className: 'weights' });
    this.holidays = textField(t.holidays, 'timing.holidays', holidaysText(this.timing.holidays), errors);

    this.mode.select.addEventListener('change', () => {
      // Switching an even year to weights starts from an even year typed out: 1 a month.
      if (this.mode.select.value === 'custom' && this.shownWeights.every((w, i) => (this.typedWeights.get(i) ?? w) === '')) this.shownWeights.forEach((_, i) => this.typedWeights.set(i, '1'));
      this.renderWeights();
    });
    // Weights are labelled by calendar month, so they follow the fiscal-year start as it is typed.
    this.start.input.addEventListener('input', () => this.renderWeights());
    this.element = el('section', { className: 'section' }, [
      el('h2', { text: t.timingSection }),
      el('div', { className: 'pair' }, [this.start.row, this.growth.row]),
      el('p', { className: 'hint', text: t.timingHint }),
      this.mode.row,
      this.weights,
      this.holidays.row,
    ]);
    this.renderWeights();
  }

  /** The plan's `timing`: its own object with the fields shown here as edited; left out when it had none and none is filled in. */
  collect(): unknown {
    const timing: Record<string, unknown> = { ...this.timing };
    put(timing, 'fiscalYearStart', sent(this.start, this.timing.fiscalYearStart, true));
    put(timing, 'nextYearGrowth', sent(this.growth, this.timing.nextYearGrowth, true));
    put(timing, 'seasonality', this.seasonality());
    const typed = this.holidays.input.value;
    put(timing, 'holidays', typed === this.holidays.shown ? this.timing.holidays : holidaysList(typed));
    return isRecord(this.original) || Object.keys(timing).length > 0 ? timing : this.original;
  }

  private seasonality(): unknown {
    const mode = this.mode.select.value;
    const before = this.timing.seasonality;
    const typed = (i: number) => this.typedWeights.get(i) ?? this.shownWeights[i];
    const weightsEdited = this.shownWeights.some((shown, i) => typed(i) !== shown);
    if (mode === this.mode.shown && !(mode === 'custom' && weightsEdited)) return before;
    if (mode === 'even') return undefined;
    if (mode === 'history') return 'history';
    const list: readonly unknown[] = Array.isArray(before) ? before : [];
    return this.shownWeights.map((shown, i) => fieldValue(list[i], shown, typed(i), false) ?? '');
  }

  /** Twelve weights in FY month order, each labelled with its calendar month; shown only for custom weights. */
  private renderWeights(): void {
    this.errors.unregisterUnder('timing.seasonality[');
    clear(this.weights);
    this.weights.hidden = this.mode.select.value !== 'custom';
    if (this.weights.hidden) return;
    const start = parseFiscalYearStart(this.start.input.value) ?? { year: 2000, month: 1 };
    this.shownWeights.forEach((shown, i) => {
      const field = bareInput(`timing.seasonality[${i}]`, this.typedWeights.get(i) ?? shown, this.errors);
      field.input.addEventListener('input', () => this.typedWeights.set(i, field.input.value));
      const label = el('label', { text: this.text.monthShort(calendarMonth(start, i).month), attrs: { for: field.input.id } });
      this.weights.appendChild(el('div', { className: 'field weight' }, [label, field.input, field.message]));
    });
    this.weights.appendChild(el('p', { className: 'hint', text: this.text.weightsHint }));
  }
}

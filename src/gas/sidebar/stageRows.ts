/**
 * A source's conversion rates and stage days: one row per stage from the entry stage down to
 * the one above won, the rate and the days to the next stage side by side. What was typed
 * survives moving the entry stage back and forth; stages no longer shown go back as they were.
 */
import { isRecord } from '../../core/isRecord';
import { clear, el } from './dom';
import type { FieldErrors } from './fieldErrors';
import { bareInput } from './formFields';
import { keyedValue } from './formValue';
import { amountText, percentText } from './numberText';
import type { SidebarText } from './sidebarText';

interface Column {
  readonly key: 'conversionRates' | 'stageDays';
  readonly original: unknown;
  readonly text: (value: unknown) => string;
  /** A rate must be given for every stage shown; days may be left blank (no lag). */
  readonly required: boolean;
  readonly typed: Map<string, string>;
}

export class StageRows {
  readonly element: HTMLElement;
  private readonly columns: readonly Column[];

  constructor(
    private readonly path: string,
    rates: unknown,
    stageDays: unknown,
    private readonly text: SidebarText,
    private readonly errors: FieldErrors,
  ) {
    const column = (key: Column['key'], original: unknown, text: Column['text'], required: boolean): Column => ({ key, original, text, required, typed: new Map() });
    this.columns = [
      column('conversionRates', rates, percentText, true),
      column('stageDays', stageDays, amountText, false),
    ];
    this.element = el('div', { className: 'rates' });
  }

  /** `needed`: the stages from the entry stage down to the one above won. */
  render(stages: readonly string[], needed: readonly string[]): void {
    for (const c of this.columns) this.errors.unregisterUnder(`${this.path}.${c.key}.`);
    clear(this.element);
    const t = this.text;
    this.element.appendChild(el('p', { className: 'group-label', text: t.rates }));
    if (needed.length === 0) {
      this.element.appendChild(el('p', { className: 'muted', text: t.noRates }));
      return;
    }
    this.element.appendChild(
      el('div', { className: 'stage-head', attrs: { 'aria-hidden': 'true' } }, [el('span'), el('span', { text: t.rate }), el('span', { text: t.days })]),
    );
    for (const stage of needed) {
      const next = stages[stages.indexOf(stage) + 1];
      const [rate, days] = this.columns.map((c) => {
        const field = bareInput(`${this.path}.${c.key}.${stage}`, c.typed.get(stage) ?? this.shown(c, stage), this.errors, c.key === 'stageDays' ? { 'aria-label': t.daysTo(stage, next) } : {});
        field.input.addEventListener('input', () => c.typed.set(stage, field.input.value));
        return field;
      });
      this.element.appendChild(
        el('div', { className: 'field rate' }, [el('label', { text: `${stage} → ${next}`, attrs: { for: rate.input.id } }), rate.input, days.input, rate.message, days.message]),
      );
    }
    this.element.appendChild(el('p', { className: 'hint', text: t.daysHint }));
  }

  /** The source's `conversionRates` and `stageDays` as the plan should get them (undefined: leave the key out). */
  collect(needed: readonly string[]): Record<Column['key'], unknown> {
    const [rates, days] = this.columns.map((c) => keyedValue(c.original, needed, (stage) => this.shown(c, stage), c.typed, c.required));
    return { conversionRates: rates, stageDays: days };
  }

  private shown(column: Column, stage: string): string {
    return isRecord(column.original) ? column.text(column.original[stage]) : '';
  }
}

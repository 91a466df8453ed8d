/**
 * A source's conversion rates, their ranges and stage days: one row per stage from the entry
 * stage down to the one above won, the rate, its range ("30%, 50%", for the confidence card) and
 * the days to the next stage side by side. What was typed survives moving the entry stage back
 * and forth; stages no longer shown go back as they were, but for ranges once the entry stage
 * moved (core refuses a range for a stage the source does not convert).
 */
import { isRecord } from '../../core/isRecord';
import { clear, el } from './dom';
import type { FieldErrors } from './fieldErrors';
import { bareInput } from './formFields';
import { keyedValue } from './formValue';
import { rangeParts } from '../../core/input/rangeParts';
import { amountText, percentText, rangeText } from './numberText';
import type { SidebarText } from './sidebarText';

interface Column {
  readonly key: 'conversionRates' | 'conversionRanges' | 'stageDays';
  readonly original: unknown;
  readonly text: (value: unknown) => string;
  /** A rate must be given for every stage shown; ranges and days may be left blank (no spread, no lag). */
  readonly required: boolean;
  readonly typed: Map<string, string>;
  /** What an edited text becomes in the plan: a range's two ends, read as the Inputs sheet reads them. */
  readonly read?: (text: string) => unknown;
}

export class StageRows {
  readonly element: HTMLElement;
  private readonly columns: readonly Column[];

  constructor(
    private readonly path: string,
    rates: unknown,
    ranges: unknown,
    stageDays: unknown,
    private readonly text: SidebarText,
    private readonly errors: FieldErrors,
  ) {
    const column = (key: Column['key'], original: unknown, text: Column['text'], required: boolean, read?: Column['read']): Column => ({ key, original, text, required, typed: new Map(), read });
    this.columns = [
      column('conversionRates', rates, percentText, true),
      column('conversionRanges', ranges, rangeText, false, rangeParts),
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
      el('div', { className: 'stage-head', attrs: { 'aria-hidden': 'true' } }, [t.rate, t.range, t.days].map((head) => el('span', { text: head }))),
    );
    for (const stage of needed) {
      const next = stages[stages.indexOf(stage) + 1];
      const label: Record<Column['key'], Record<string, string>> = {
        conversionRates: {},
        conversionRanges: { 'aria-label': t.rangeOf(stage, next) },
        stageDays: { 'aria-label': t.daysTo(stage, next) },
      };
      const fields = this.columns.map((c) => {
        const field = bareInput(`${this.path}.${c.key}.${stage}`, c.typed.get(stage) ?? this.shown(c, stage), this.errors, label[c.key]);
        field.input.addEventListener('input', () => c.typed.set(stage, field.input.value));
        return field;
      });
      this.element.appendChild(
        el('div', { className: 'field rate' }, [
          el('label', { text: `${stage} → ${next}`, attrs: { for: fields[0].input.id } }),
          ...fields.map((f) => f.input),
          ...fields.map((f) => f.message),
        ]),
      );
    }
    this.element.appendChild(el('p', { className: 'hint', text: t.rangeHint }));
    this.element.appendChild(el('p', { className: 'hint', text: t.daysHint }));
  }

  /**
   * The source's `conversionRates`, `conversionRanges` and `stageDays` as the plan should get them
   * (undefined: leave the key out). `entryMoved`: the entry stage is not the plan's, so ranges
   * keep only the stages shown.
   */
  collect(needed: readonly string[], entryMoved: boolean): Record<Column['key'], unknown> {
    const [rates, ranges, days] = this.columns.map((c) => keyedValue(c.original, needed, (stage) => this.shown(c, stage), c.typed, c.required, c.read));
    return { conversionRates: rates, conversionRanges: entryMoved ? shownOnly(ranges, needed) : ranges, stageDays: days };
  }

  private shown(column: Column, stage: string): string {
    return isRecord(column.original) ? column.text(column.original[stage]) : '';
  }
}

/** A range for a stage the source no longer converts goes, as its field went; the rest as collected. */
function shownOnly(ranges: unknown, needed: readonly string[]): unknown {
  if (!isRecord(ranges)) return ranges;
  const kept = Object.fromEntries(Object.entries(ranges).filter(([stage]) => needed.includes(stage)));
  return Object.keys(kept).length > 0 ? kept : undefined;
}

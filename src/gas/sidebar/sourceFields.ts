/**
 * One revenue source in the form: name, share, deal size, entry stage and the conversion
 * rates its entry stage needs. Its id and kind are not editable and travel back unchanged.
 */
import type { NumberLike, SourceInput } from '../../core/planInput';
import { clear, el } from './dom';
import type { FieldErrors } from './fieldErrors';
import { selectField, textField } from './formFields';
import { amountText, percentText, plainText } from './numberText';
import type { SidebarText } from './sidebarText';

export class SourceFields {
  readonly element: HTMLFieldSetElement;
  private readonly path: string;
  private readonly name: HTMLInputElement;
  private readonly share: HTMLInputElement;
  private readonly dealSize: HTMLInputElement;
  private readonly entry: HTMLSelectElement;
  private readonly rates: HTMLElement;
  /** Rate texts for every stage ever shown, so switching the entry stage back and forth keeps what was typed. */
  private readonly rateTexts = new Map<string, string>();

  constructor(
    private readonly original: SourceInput,
    index: number,
    private readonly stages: readonly string[],
    private readonly text: SidebarText,
    private readonly errors: FieldErrors,
  ) {
    this.path = `sources[${index}]`;
    for (const [stage, rate] of Object.entries(original.conversionRates ?? {})) this.rateTexts.set(stage, percentText(rate));

    const legend = el('legend', { text: this.title(plainText(original.name)) });
    const name = textField(text.sourceName, `${this.path}.name`, plainText(original.name), errors);
    const share = textField(text.share, `${this.path}.share`, percentText(original.share), errors, 'field half');
    const dealSize = textField(text.avgDealSize, `${this.path}.avgDealSize`, amountText(original.avgDealSize), errors, 'field half');
    const entryValue = plainText(original.entryStage) || stages[0] || '';
    // An entry stage the plan does not list stays selectable, so the validator's message has a field to stand by.
    const entryOptions = stages.includes(entryValue) || entryValue === '' ? stages : [...stages, entryValue];
    const entry = selectField(text.entryStage, `${this.path}.entryStage`, entryOptions, entryValue, errors);
    this.name = name.input;
    this.share = share.input;
    this.dealSize = dealSize.input;
    this.entry = entry.select;
    this.rates = el('div', { className: 'rates' });

    this.name.addEventListener('input', () => (legend.textContent = this.title(this.name.value)));
    this.entry.addEventListener('change', () => this.renderRates());
    this.element = el('fieldset', { className: 'source' }, [
      legend,
      name.row,
      el('div', { className: 'pair' }, [share.row, dealSize.row]),
      entry.row,
      this.rates,
    ]);
    this.renderRates();
  }

  collect(): SourceInput {
    const source: SourceInput = {
      ...this.original,
      share: this.share.value,
      avgDealSize: this.dealSize.value,
      entryStage: this.entry.value,
      conversionRates: this.collectRates(),
    };
    if (this.name.value.trim() === '' && this.original.name === undefined) delete source.name;
    else source.name = this.name.value;
    return source;
  }

  private title(name: string): string {
    return name.trim() || this.original.id || this.path;
  }

  /** The rates from the entry stage down to the one above won; the won stage converts to nothing. */
  private neededStages(): string[] {
    const from = this.stages.indexOf(this.entry.value);
    return from < 0 ? [] : this.stages.slice(from, -1);
  }

  private collectRates(): Record<string, NumberLike> {
    const needed = this.neededStages();
    const rates: Record<string, NumberLike> = {};
    for (const stage of needed) rates[stage] = this.rateTexts.get(stage) ?? '';
    // Rates the sheet had above the entry stage are unused but are the user's data: they go back as they came.
    for (const [stage, raw] of Object.entries(this.original.conversionRates ?? {})) {
      if (!needed.includes(stage)) rates[stage] = this.stages.includes(stage) ? this.rateTexts.get(stage) ?? raw : raw;
    }
    return rates;
  }

  private renderRates(): void {
    const ratePath = `${this.path}.conversionRates.`;
    this.errors.unregisterUnder(ratePath);
    clear(this.rates);
    const needed = this.neededStages();
    this.rates.appendChild(el('p', { className: 'group-label', text: this.text.rates }));
    if (needed.length === 0) this.rates.appendChild(el('p', { className: 'muted', text: this.text.noRates }));
    for (const stage of needed) {
      const next = this.stages[this.stages.indexOf(stage) + 1];
      const field = textField(`${stage} → ${next}`, `${ratePath}${stage}`, this.rateTexts.get(stage) ?? '', this.errors, 'field rate');
      field.input.addEventListener('input', () => this.rateTexts.set(stage, field.input.value));
      this.rates.appendChild(field.row);
    }
  }
}

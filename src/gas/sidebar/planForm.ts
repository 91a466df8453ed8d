/** The whole form: plan fields and one fieldset per source, built from the state's PlanInput and read back into one. */
import type { PlanInput } from '../../core/planInput';
import { DEFAULT_STAGES } from '../../core/stages';
import type { SidebarState } from '../sidebarContract';
import { el } from './dom';
import { FieldErrors } from './fieldErrors';
import { textField } from './formFields';
import { amountText, plainText } from './numberText';
import type { SidebarText } from './sidebarText';
import { SourceFields } from './sourceFields';

export class PlanForm {
  readonly element: HTMLFormElement;
  readonly errors: FieldErrors;
  private readonly name: HTMLInputElement;
  private readonly target: HTMLInputElement;
  private readonly currency: HTMLInputElement;
  private readonly sources: SourceFields[];

  constructor(private readonly original: PlanInput, text: SidebarText) {
    const general = el('div', { className: 'form-errors', attrs: { role: 'alert' } });
    const sourcesArea = el('div', { className: 'form-errors', attrs: { role: 'alert' } });
    this.errors = new FieldErrors(general, sourcesArea);

    const name = textField(text.planName, 'name', plainText(original.name), this.errors);
    const target = textField(text.revenueTarget, 'revenueTarget', amountText(original.revenueTarget), this.errors, 'field wide');
    const currency = textField(text.currency, 'currency', plainText(original.currency), this.errors, 'field narrow');
    this.name = name.input;
    this.target = target.input;
    this.currency = currency.input;

    // The stage list is the plan's, not the form's: a sheet with a BQL stage keeps it.
    const stages = Array.isArray(original.stages) ? original.stages.filter((s): s is string => typeof s === 'string') : [...DEFAULT_STAGES];
    const rawSources = Array.isArray(original.sources) ? original.sources : [];
    this.sources = rawSources.map((source, i) => new SourceFields(source, i, stages, text, this.errors));

    this.element = el('form', { className: 'plan-form', attrs: { novalidate: '' } }, [
      general,
      el('section', { className: 'section' }, [
        el('h2', { text: text.planSection }),
        name.row,
        el('div', { className: 'pair' }, [target.row, currency.row]),
        el('p', { className: 'hint', text: text.numbersHint }),
      ]),
      el('section', { className: 'section' }, [
        el('h2', { text: text.sourcesSection }),
        sourcesArea,
        ...this.sources.map((s) => s.element),
      ]),
    ]);
    this.element.addEventListener('submit', (event) => event.preventDefault());
  }

  /** The plan as typed: numbers stay text for the core to read; stages, handoff stage and ids come back untouched. */
  collect(): PlanInput {
    const input: PlanInput = {
      ...this.original,
      revenueTarget: this.target.value,
      sources: this.sources.map((s) => s.collect()),
    };
    setOptional(input, 'name', this.name.value, this.original.name);
    setOptional(input, 'currency', this.currency.value, this.original.currency);
    return input;
  }
}

/** A blank optional field the input never had stays absent rather than becoming "". */
function setOptional(input: PlanInput, key: 'name' | 'currency', value: string, before: unknown): void {
  if (value.trim() === '' && before === undefined) delete input[key];
  else input[key] = value;
}

/** The whole form: plan fields, timing, one fieldset per source and the roles, built from the state's PlanInput and read back into one. */
import type { PlanInput } from '../../core/planInput';
import { DEFAULT_STAGES } from '../../core/stages';
import { el } from './dom';
import { FieldErrors } from './fieldErrors';
import { TextField, sent, textField } from './formFields';
import { put } from './formValue';
import { amountText, plainText } from './numberText';
import { RoleFields } from './roleFields';
import type { SidebarText } from './sidebarText';
import { SourceFields } from './sourceFields';
import { TimingFields } from './timingFields';

export class PlanForm {
  readonly element: HTMLFormElement;
  readonly errors: FieldErrors;
  private readonly name: TextField;
  private readonly target: TextField;
  private readonly currency: TextField;
  private readonly timing: TimingFields;
  private readonly sources: SourceFields[];
  private readonly roles: RoleFields;

  constructor(private readonly original: PlanInput, text: SidebarText) {
    const general = el('div', { className: 'form-errors', attrs: { role: 'alert' } });
    const sourcesArea = el('div', { className: 'form-errors', attrs: { role: 'alert' } });
    const rolesArea = el('div', { className: 'form-errors', attrs: { role: 'alert' } });
    this.errors = new FieldErrors(general, sourcesArea, rolesArea);

    this.name = textField(text.planName, 'name', plainText(original.name), this.errors);
    this.target = textField(text.revenueTarget, 'revenueTarget', amountText(original.revenueTarget), this.errors, 'field wide');
    this.currency = textField(text.currency, 'currency', plainText(original.currency), this.errors, 'field narrow');
    this.timing = new TimingFields(original.timing, text, this.errors);

    // The stage list is the plan's, not the form's: a sheet with a BQL stage keeps it.
    const stages = Array.isArray(original.stages) ? original.stages.filter((s): s is string => typeof s === 'string') : [...DEFAULT_STAGES];
    const rawSources = Array.isArray(original.sources) ? original.sources : [];
    const channelIds = () => this.sources.flatMap((s) => s.channels.ids());
    this.sources = rawSources.map((source, i) => new SourceFields(source, i, stages, text, this.errors, channelIds));
    this.roles = new RoleFields(original, text, this.errors, rolesArea);

    this.element = el('form', { className: 'plan-form', attrs: { novalidate: '' } }, [
      general,
      el('section', { className: 'section' }, [
        el('h2', { text: text.planSection }),
        this.name.row,
        el('div', { className: 'pair' }, [this.target.row, this.currency.row]),
        el('p', { className: 'hint', text: text.numbersHint }),
      ]),
      this.timing.element,
      el('section', { className: 'section' }, [
        el('h2', { text: text.sourcesSection }),
        sourcesArea,
        ...this.sources.map((s) => s.element),
      ]),
      this.roles.element,
    ]);
    this.element.addEventListener('submit', (event) => event.preventDefault());
  }

  /**
   * The plan as typed: edited numbers stay text for the core to read; what was not edited
   * (stages, handoff stage, ids, history, every untouched field) comes back as it came.
   */
  collect(): PlanInput {
    const input: Record<string, unknown> = { ...this.original };
    put(input, 'name', sent(this.name, this.original.name, true));
    put(input, 'revenueTarget', sent(this.target, this.original.revenueTarget, false));
    put(input, 'currency', sent(this.currency, this.original.currency, true));
    put(input, 'timing', this.timing.collect());
    if (Array.isArray(this.original.sources)) input.sources = this.sources.map((s) => s.collect());
    put(input, 'headcount', this.roles.collect());
    return input as unknown as PlanInput;
  }

  /** Before focus moves to the first field marked: a role's fields are folded away until opened. */
  openInvalid(): void {
    this.roles.openInvalid();
  }
}

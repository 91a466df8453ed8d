/**
 * One revenue source in the form: name, share, deal size and its spread, entry stage, the
 * conversion rates (with their ranges) and stage days its entry stage needs, and its channels. Its id and kind are not editable
 * and travel back unchanged, as does every field the form does not show.
 */
import type { SourceInput } from '../../core/planInput';
import { ChannelFields } from './channelFields';
import { el } from './dom';
import type { FieldErrors } from './fieldErrors';
import { selectField, sent, textField, type SelectField, type TextField } from './formFields';
import { put } from './formValue';
import { amountText, percentText, plainText } from './numberText';
import type { SidebarText } from './sidebarText';
import { StageRows } from './stageRows';

export class SourceFields {
  readonly element: HTMLFieldSetElement;
  readonly channels: ChannelFields;
  private readonly path: string;
  private readonly name: TextField;
  private readonly share: TextField;
  private readonly dealSize: TextField;
  private readonly dealSizeCv: TextField;
  private readonly entry: SelectField;
  private readonly stageRows: StageRows;

  /** `takenChannelIds`: every channel id in the form, for a channel added to this source. */
  constructor(
    private readonly original: SourceInput,
    index: number,
    private readonly stages: readonly string[],
    text: SidebarText,
    errors: FieldErrors,
    takenChannelIds: () => string[],
  ) {
    this.path = `sources[${index}]`;
    const legend = el('legend', { text: this.title(plainText(original.name)) });
    this.name = textField(text.sourceName, `${this.path}.name`, plainText(original.name), errors);
    this.share = textField(text.share, `${this.path}.share`, percentText(original.share), errors, 'field half');
    this.dealSize = textField(text.avgDealSize, `${this.path}.avgDealSize`, amountText(original.avgDealSize), errors, 'field half');
    this.dealSizeCv = textField(text.dealSizeCv, `${this.path}.dealSizeCv`, percentText(original.dealSizeCv), errors);
    this.dealSizeCv.row.appendChild(el('p', { className: 'hint', text: text.dealSizeCvHint }));
    const entryValue = plainText(original.entryStage) || stages[0] || '';
    // An entry stage the plan does not list stays selectable, so the validator's message has a field to stand by.
    const entryOptions = stages.includes(entryValue) || entryValue === '' ? stages : [...stages, entryValue];
    this.entry = selectField(text.entryStage, `${this.path}.entryStage`, entryOptions, entryValue, errors);
    this.stageRows = new StageRows(this.path, original.conversionRates, original.conversionRanges, original.stageDays, text, errors);
    this.channels = new ChannelFields(original.channels, this.path, plainText(original.id), text, errors, takenChannelIds);

    this.name.input.addEventListener('input', () => (legend.textContent = this.title(this.name.input.value)));
    this.entry.select.addEventListener('change', () => this.stageRows.render(stages, this.neededStages()));
    this.element = el('fieldset', { className: 'source' }, [
      legend,
      this.name.row,
      el('div', { className: 'pair' }, [this.share.row, this.dealSize.row]),
      this.dealSizeCv.row,
      this.entry.row,
      this.stageRows.element,
      this.channels.element,
    ]);
    this.stageRows.render(stages, this.neededStages());
  }

  collect(): SourceInput {
    const source: Record<string, unknown> = { ...this.original };
    put(source, 'name', sent(this.name, this.original.name, true));
    put(source, 'share', sent(this.share, this.original.share, false));
    put(source, 'avgDealSize', sent(this.dealSize, this.original.avgDealSize, false));
    put(source, 'dealSizeCv', sent(this.dealSizeCv, this.original.dealSizeCv, true));
    put(source, 'entryStage', sent(this.entry, this.original.entryStage, false));
    const entryMoved = this.entry.select.value !== this.entry.shown;
    const { conversionRates, conversionRanges, stageDays } = this.stageRows.collect(this.neededStages(), entryMoved);
    put(source, 'conversionRates', conversionRates);
    put(source, 'conversionRanges', conversionRanges);
    put(source, 'stageDays', stageDays);
    put(source, 'channels', this.channels.collect());
    return source as unknown as SourceInput;
  }

  private title(name: string): string {
    return name.trim() || this.original.id || this.path;
  }

  /** The stages from the entry stage down to the one above won; the won stage converts to nothing. */
  private neededStages(): string[] {
    const from = this.stages.indexOf(this.entry.select.value);
    return from < 0 ? [] : this.stages.slice(from, -1);
  }
}

/**
 * A source's channels (design.md §8): one row each with name, share of the source and cost per
 * lead, rows added and removed. A channel's id, and its own rates and deal size where the plan
 * has them, are not edited here and travel back unchanged.
 */
import { isRecord } from '../../core/isRecord';
import { clear, el } from './dom';
import type { FieldErrors } from './fieldErrors';
import { textField } from './formFields';
import { fieldValue, newChannelId, put } from './formValue';
import { amountText, percentText, plainText } from './numberText';
import type { SidebarText } from './sidebarText';

type Texts = Record<'name' | 'share' | 'costPerLead', string>;

interface Row {
  /** The plan's entry; undefined for a channel added in the form. */
  readonly original: unknown;
  readonly id: string;
  readonly shown: Texts;
  readonly typed: Texts;
}

export class ChannelFields {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly add: HTMLButtonElement;
  private readonly originals: readonly unknown[];
  private readonly rows: Row[];

  /** `takenIds`: every channel id of the plan as the form has it, so an added channel's is unique. */
  constructor(
    private readonly original: unknown,
    private readonly path: string,
    private readonly sourceId: string,
    private readonly text: SidebarText,
    private readonly errors: FieldErrors,
    private readonly takenIds: () => string[],
  ) {
    this.originals = Array.isArray(original) ? original : [];
    this.rows = this.originals.map((entry) => {
      const c = isRecord(entry) ? entry : {};
      const shown = { name: plainText(c.name), share: percentText(c.share), costPerLead: amountText(c.costPerLead) };
      return { original: entry, id: plainText(c.id), shown, typed: { ...shown } };
    });
    this.list = el('div', { className: 'channel-list' });
    this.add = el('button', { className: 'link', text: text.addChannel, attrs: { type: 'button' } });
    this.add.addEventListener('click', () => this.addRow());
    // The channels' own messages (shares that do not add up) stand at the top of the group.
    const message = el('p', { className: 'field-error', attrs: { id: `${path}-channels-msg` } });
    message.hidden = true;
    this.element = el('div', { className: 'channels', attrs: { role: 'group', tabindex: '-1', 'aria-describedby': message.id } }, [
      el('p', { className: 'group-label', text: text.channels }),
      message,
      this.list,
      this.add,
    ]);
    this.element.setAttribute('aria-label', text.channels);
    errors.register(`${path}.channels`, this.element, message);
    this.render();
  }

  ids(): string[] {
    return this.rows.map((r) => r.id);
  }

  /** The source's `channels`: the plan's own while no row was added, removed or edited. */
  collect(): unknown {
    const same = (r: Row, k: number) => r.original === this.originals[k] && (Object.keys(r.shown) as (keyof Texts)[]).every((f) => r.typed[f] === r.shown[f]);
    if (this.rows.length === this.originals.length && this.rows.every(same)) return this.original;
    if (this.rows.length === 0) return undefined;
    return this.rows.map((r) => {
      const before = isRecord(r.original) ? r.original : {};
      const channel: Record<string, unknown> = isRecord(r.original) ? { ...r.original } : { id: r.id };
      put(channel, 'name', fieldValue(before.name, r.shown.name, r.typed.name, true));
      put(channel, 'share', fieldValue(before.share, r.shown.share, r.typed.share, false));
      put(channel, 'costPerLead', fieldValue(before.costPerLead, r.shown.costPerLead, r.typed.costPerLead, true));
      return channel;
    });
  }

  private addRow(): void {
    const blank = { name: '', share: '', costPerLead: '' };
    // A source's first channel carries all of it; later ones start blank for the user to share out.
    const typed = { ...blank, share: this.rows.length === 0 ? '100%' : '' };
    this.rows.push({ original: undefined, id: newChannelId(this.sourceId, this.takenIds()), shown: blank, typed });
    this.render();
    this.list.lastElementChild?.querySelector('input')?.focus();
    this.changed();
  }

  private remove(row: Row): void {
    this.rows.splice(this.rows.indexOf(row), 1);
    this.render();
    this.add.focus();
    this.changed();
  }

  /** Adding or removing a row fires no input event: the form learns of it as of a typed change. */
  private changed(): void {
    this.element.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** Paths are by position, so every row is built again when one goes. */
  private render(): void {
    const t = this.text;
    this.errors.unregisterUnder(`${this.path}.channels[`);
    clear(this.list);
    this.rows.forEach((row, k) => {
      const at = `${this.path}.channels[${k}]`;
      const name = textField(t.channelName, `${at}.name`, row.typed.name, this.errors);
      const share = textField(t.channelShare, `${at}.share`, row.typed.share, this.errors, 'field half');
      const cost = textField(t.costPerLead, `${at}.costPerLead`, row.typed.costPerLead, this.errors, 'field half');
      const title = el('span');
      const remove = el('button', { className: 'link', text: t.removeChannel, attrs: { type: 'button' } });
      remove.addEventListener('click', () => this.remove(row));
      const retitle = () => {
        title.textContent = row.typed.name.trim() || row.id;
        remove.setAttribute('aria-label', t.removeChannelNamed(title.textContent));
      };
      retitle();
      for (const [field, key] of [[name, 'name'], [share, 'share'], [cost, 'costPerLead']] as const) {
        field.input.addEventListener('input', () => {
          row.typed[key] = field.input.value;
          if (key === 'name') retitle();
        });
      }
      const overrides = isRecord(row.original) && (row.original.conversionRates !== undefined || row.original.avgDealSize !== undefined);
      this.list.appendChild(
        el('div', { className: 'channel' }, [
          el('div', { className: 'channel-head' }, [title, remove]),
          name.row,
          el('div', { className: 'pair' }, [share.row, cost.row]),
          ...(overrides ? [el('p', { className: 'hint', text: t.channelKeeps })] : []),
        ]),
      );
    });
  }
}

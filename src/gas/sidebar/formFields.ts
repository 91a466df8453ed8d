/** One labelled text field (or select) with its message slot: the building block of the form. */
import { el, freshId } from './dom';
import type { FieldErrors } from './fieldErrors';
import { fieldValue } from './formValue';

export interface TextField {
  readonly row: HTMLElement;
  readonly input: HTMLInputElement;
  /** The text the field was built with: while it still reads so, the plan's own value goes back. */
  readonly shown: string;
}

export interface SelectField {
  readonly row: HTMLElement;
  readonly select: HTMLSelectElement;
  readonly shown: string;
}

function messageSlot(id: string): HTMLElement {
  const message = el('p', { className: 'field-error', attrs: { id: `${id}-msg` } });
  message.hidden = true;
  return message;
}

/** A text input and its message, registered under `path`, for rows that lay out their own labels. */
export function bareInput(path: string, value: string, errors: FieldErrors, attrs: Readonly<Record<string, string>> = {}): { input: HTMLInputElement; message: HTMLElement } {
  const id = freshId('f');
  const input = el('input', {
    attrs: { id, type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-msg`, ...attrs },
  });
  input.value = value;
  const message = messageSlot(id);
  errors.register(path, input, message);
  return { input, message };
}

export function textField(label: string, path: string, value: string, errors: FieldErrors, className = 'field'): TextField {
  const { input, message } = bareInput(path, value, errors);
  const row = el('div', { className }, [el('label', { text: label, attrs: { for: input.id } }), input, message]);
  return { row, input, shown: value };
}

/** Options are [value, label] pairs, or plain values that are their own labels. */
export function selectField(label: string, path: string, options: readonly (string | readonly [string, string])[], value: string, errors: FieldErrors): SelectField {
  const id = freshId('f');
  const select = el('select', { attrs: { id, 'aria-describedby': `${id}-msg` } });
  for (const option of options) {
    const [v, text] = typeof option === 'string' ? [option, option] : option;
    select.appendChild(el('option', { text, attrs: { value: v } }));
  }
  select.value = value;
  const message = messageSlot(id);
  const row = el('div', { className: 'field' }, [el('label', { text: label, attrs: { for: id } }), select, message]);
  errors.register(path, select, message);
  return { row, select, shown: value };
}

/** What a field sends (formValue.ts): the plan's value untouched, else the text; blank optional fields send nothing. */
export function sent(field: TextField | SelectField, original: unknown, optional: boolean): unknown {
  return fieldValue(original, field.shown, 'input' in field ? field.input.value : field.select.value, optional);
}

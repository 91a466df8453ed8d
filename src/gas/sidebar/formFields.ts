/** One labelled text field with its message slot: the building block of the form. */
import { el, freshId } from './dom';
import type { FieldErrors } from './fieldErrors';

export interface TextField {
  readonly row: HTMLElement;
  readonly input: HTMLInputElement;
}

export function textField(label: string, path: string, value: string, errors: FieldErrors, className = 'field'): TextField {
  const id = freshId('f');
  const messageId = `${id}-msg`;
  const input = el('input', {
    attrs: { id, type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': messageId },
  });
  input.value = value;
  const message = el('p', { className: 'field-error', attrs: { id: messageId } });
  message.hidden = true;
  const row = el('div', { className }, [el('label', { text: label, attrs: { for: id } }), input, message]);
  errors.register(path, input, message);
  return { row, input };
}

export function selectField(label: string, path: string, options: readonly string[], value: string, errors: FieldErrors): { row: HTMLElement; select: HTMLSelectElement } {
  const id = freshId('f');
  const messageId = `${id}-msg`;
  const select = el('select', { attrs: { id, 'aria-describedby': messageId } });
  for (const option of options) select.appendChild(el('option', { text: option, attrs: { value: option } }));
  select.value = value;
  const message = el('p', { className: 'field-error', attrs: { id: messageId } });
  message.hidden = true;
  const row = el('div', { className: 'field' }, [el('label', { text: label, attrs: { for: id } }), select, message]);
  errors.register(path, select, message);
  return { row, select };
}

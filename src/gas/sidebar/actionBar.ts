/** The Preview and Generate buttons, their busy state, and the line that reports what went wrong. */
import { clear, el } from './dom';
import type { SidebarText } from './sidebarText';

export type Action = 'preview' | 'generate';

export class ActionBar {
  readonly element: HTMLElement;
  private readonly buttons: Record<Action, HTMLButtonElement>;
  private readonly progress: HTMLElement;
  private readonly message: HTMLElement;

  constructor(private readonly text: SidebarText, onAction: (action: Action) => void) {
    this.buttons = {
      generate: el('button', { className: 'action primary', text: text.generate, attrs: { type: 'button', 'data-action': 'generate' } }),
      preview: el('button', { className: 'action', text: text.preview, attrs: { type: 'button', 'data-action': 'preview' } }),
    };
    for (const action of ['generate', 'preview'] as const) this.buttons[action].addEventListener('click', () => onAction(action));
    this.progress = el('span', { className: 'visually-hidden', attrs: { role: 'status' } });
    this.message = el('p', { className: 'action-message', attrs: { role: 'alert' } });
    this.message.hidden = true;
    this.element = el('div', { className: 'action-bar' }, [
      el('div', { className: 'buttons' }, [this.buttons.generate, this.buttons.preview]),
      this.progress,
      this.message,
    ]);
  }

  setBusy(action: Action): void {
    const label = action === 'generate' ? this.text.generating : this.text.previewing;
    for (const button of Object.values(this.buttons)) button.disabled = true;
    const busy = this.buttons[action];
    clear(busy);
    busy.appendChild(el('span', { className: 'spinner', attrs: { 'aria-hidden': 'true' } }));
    busy.appendChild(document.createTextNode(label));
    this.element.setAttribute('aria-busy', 'true');
    this.progress.textContent = label;
    this.showMessage('');
  }

  setIdle(): void {
    this.buttons.generate.textContent = this.text.generate;
    this.buttons.preview.textContent = this.text.preview;
    for (const button of Object.values(this.buttons)) button.disabled = false;
    this.element.removeAttribute('aria-busy');
    this.progress.textContent = '';
  }

  /** Hides the line if it still says `text`, leaving other news (a server's message) in place. */
  clearMessage(text: string): void {
    if (this.message.textContent === text) this.showMessage('');
  }

  /** Plain text, as the server or the validator worded it; empty hides the line. */
  showMessage(text: string): void {
    this.message.textContent = text;
    this.message.hidden = text === '';
  }
}

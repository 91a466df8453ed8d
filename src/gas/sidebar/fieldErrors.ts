/**
 * Where and when validation messages show: next to the field their path names (an item of a
 * list typed in one field, `timing.holidays[2]`, next to that field), or, for paths without a
 * field (the shares sum is `sources`), in a message area. A field's message waits
 * until the user has left that field once, so typing "1" on the way to "15%" is not scolded.
 */
import { clear, el } from './dom';
import type { SidebarFieldError } from '../sidebarContract';

interface Slot {
  readonly input: HTMLElement;
  readonly message: HTMLElement;
}

export class FieldErrors {
  private readonly slots = new Map<string, Slot>();
  private readonly touched = new Set<string>();
  private revealed = false;
  private errors: readonly SidebarFieldError[] = [];

  /** `general` takes unmatched paths outside `sources` and `headcount`; `sources` and `headcount` the unmatched ones inside them (without a headcount area, the general one). */
  constructor(private readonly general: HTMLElement, private readonly sources: HTMLElement, private readonly headcount?: HTMLElement) {}

  register(path: string, input: HTMLElement, message: HTMLElement): void {
    this.slots.set(path, { input, message });
    input.setAttribute('data-path', path);
    this.render();
  }

  /** Fields that left the form (rates above a new entry stage) must not keep swallowing their messages. */
  unregisterUnder(prefix: string): void {
    for (const path of [...this.slots.keys()]) if (path.startsWith(prefix)) this.slots.delete(path);
  }

  touch(path: string): void {
    this.touched.add(path);
    this.render();
  }

  /** Before sending, and for the server's verdict: every message shows, touched or not. */
  revealAll(): void {
    this.revealed = true;
    this.render();
  }

  set(errors: readonly SidebarFieldError[]): void {
    this.errors = errors;
    this.render();
  }

  /** The first field showing a message, in page order, so focus can go where the fixing starts. */
  firstInvalid(): HTMLElement | undefined {
    const invalid = [...this.slots.values()].filter((s) => s.input.getAttribute('aria-invalid') === 'true').map((s) => s.input);
    invalid.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return invalid[0];
  }

  private render(): void {
    const byPath = new Map<string, string[]>();
    const unmatched: SidebarFieldError[] = [];
    for (const error of this.errors) {
      const path = this.slotOf(error.path);
      if (path === undefined) unmatched.push(error);
      else byPath.set(path, [...(byPath.get(path) ?? []), error.message]);
    }
    for (const [path, slot] of this.slots) {
      const messages = this.revealed || this.touched.has(path) ? byPath.get(path) ?? [] : [];
      slot.message.textContent = messages.join(' ');
      slot.message.hidden = messages.length === 0;
      if (messages.length > 0) slot.input.setAttribute('aria-invalid', 'true');
      else slot.input.removeAttribute('aria-invalid');
    }
    const showUnmatched = this.revealed || this.touched.size > 0;
    const shown = showUnmatched ? unmatched : [];
    const own = (e: SidebarFieldError) => isUnder(e.path, 'sources') || (this.headcount !== undefined && isUnder(e.path, 'headcount'));
    this.fill(this.general, shown.filter((e) => !own(e)));
    this.fill(this.sources, shown.filter((e) => isUnder(e.path, 'sources')));
    if (this.headcount) this.fill(this.headcount, shown.filter((e) => isUnder(e.path, 'headcount')));
  }

  private slotOf(path: string): string | undefined {
    if (this.slots.has(path)) return path;
    const list = path.replace(/\[\d+\]$/, '');
    return list !== path && this.slots.has(list) ? list : undefined;
  }

  private fill(area: HTMLElement, errors: readonly SidebarFieldError[]): void {
    clear(area);
    // `sources` itself reads as a sentence; any deeper path is named, since no field stands beside it.
    for (const e of errors) area.appendChild(el('p', { text: e.path === 'sources' ? e.message : `${e.path}: ${e.message}` }));
    area.hidden = errors.length === 0;
  }
}

function isUnder(path: string, top: string): boolean {
  return path === top || path.startsWith(`${top}[`) || path.startsWith(`${top}.`);
}

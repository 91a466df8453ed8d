/** Builds DOM nodes with textContent and setAttribute only, so text from the sheet or the user can never become markup. */

export interface ElementOptions {
  readonly className?: string;
  readonly text?: string;
  /** Only fixed attribute names belong here; values are set as plain strings. */
  readonly attrs?: Readonly<Record<string, string>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: readonly (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

let nextId = 0;

/** Element ids come from a counter, never from data (paths and names may hold any character). */
export function freshId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** Sheet texts, a view of the catalogue (core/i18n `labels`). The Inputs reader accepts any language's labels. */
import { fill, LANGS, messages } from '../core/i18n/catalogue';
import type { Messages } from '../core/i18n/en';
import type { Lang } from '../core/stages';

export type TextKey = keyof Messages['labels'];

export function text(key: TextKey, lang: Lang, params: Readonly<Record<string, string | number>> = {}): string {
  return fill(messages(lang).labels[key], params);
}

/** Every language's wording of a label, normalised for matching what a user's sheet says. */
export function labelVariants(key: TextKey): string[] {
  return [...new Set(LANGS.map((lang) => normalizeLabel(messages(lang).labels[key])))];
}

export function normalizeLabel(label: unknown): string {
  return typeof label === 'string' ? label.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ') : '';
}

/**
 * Sheet texts, a view of the catalogue (core/i18n `labels`, `headcountLabels` for the headcount
 * plan's sections and sheet and `bonusLabels` for the bonus pool's, which the sidebar page does not carry). The Inputs reader
 * accepts any language's labels.
 */
import { fill, LANGS, messages } from '../core/i18n/catalogue';
import type { Messages } from '../core/i18n/en';
import type { Lang } from '../core/stages';

export type TextKey = keyof Messages['labels'] | keyof Messages['headcountLabels'] | keyof Messages['bonusLabels'];

const has = (section: object, key: string): boolean => Object.prototype.hasOwnProperty.call(section, key);

/** The template of a key in a language, from whichever section holds it. */
function template(key: TextKey, lang: Lang): string {
  const m = messages(lang);
  if (has(m.labels, key)) return m.labels[key as keyof Messages['labels']];
  if (has(m.headcountLabels, key)) return m.headcountLabels[key as keyof Messages['headcountLabels']];
  return m.bonusLabels[key as keyof Messages['bonusLabels']];
}

export function text(key: TextKey, lang: Lang, params: Readonly<Record<string, string | number>> = {}): string {
  return fill(template(key, lang), params);
}

/** Every language's wording of a label, normalised for matching what a user's sheet says. */
export function labelVariants(key: TextKey): string[] {
  return [...new Set(LANGS.map((lang) => normalizeLabel(template(key, lang))))];
}

export function normalizeLabel(label: unknown): string {
  return typeof label === 'string' ? label.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ') : '';
}

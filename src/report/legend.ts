/** The colour key shared by the funnel chart and the sources table. */
import { SourceFunnel } from '../core/funnelPlan';
import { escapeHtml } from './escapeHtml';
import { sourceColour } from './palette';

/** An SVG swatch rather than a CSS background, which browsers drop when printing by default. */
export function swatch(index: number): string {
  return `<svg class="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" rx="2" fill="${sourceColour(index)}"/></svg>`;
}

export function legend(sources: readonly SourceFunnel[]): string {
  const items = sources.map((s, i) => `<li>${swatch(i)}<span>${escapeHtml(s.name)}</span></li>`).join('');
  return `<ul class="legend">${items}</ul>`;
}

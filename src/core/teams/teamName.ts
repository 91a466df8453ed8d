/** A team's name in the user's language: the default teams from the catalogue, any other by its id. */
import { messages } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';
import type { DefaultTeamId } from './teamSpec';

const DEFAULT_TEAMS: readonly DefaultTeamId[] = ['marketing', 'sdr', 'ae', 'csm'];

/**
 * @example
 * teamName('marketing', 'zh-TW'); // → '市場部'
 * teamName('partners', 'en');     // → 'partners' (not a default team: its id)
 */
export function teamName(id: string, lang: Lang): string {
  return (DEFAULT_TEAMS as readonly string[]).includes(id) ? messages(lang).teams[id as DefaultTeamId] : id;
}

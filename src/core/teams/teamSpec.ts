/**
 * Who owns which stretch of the funnel (design.md §8): a team works the records at one stage
 * and delivers the next milestone, for some of the plan's sources.
 */

/** The teams a plan has by default; `teams` in the input may redraw them. */
export type DefaultTeamId = 'marketing' | 'sdr' | 'ae' | 'csm';

export interface TeamStage {
  readonly stage: string;
  /** Source ids whose counts at the stage are this team's. */
  readonly sources: readonly string[];
}

export interface TeamSpec {
  readonly id: string;
  /** The records the team works: leads for marketing, MQLs for SDRs, opportunities for AEs. */
  readonly works: TeamStage;
  /** What it hands on: MQLs, SQLs, won deals. */
  readonly delivers: TeamStage;
  /** Marketing's headline (seed 001): the handoff-stage count of marketing-sourced revenue. */
  readonly headline?: TeamStage;
}

/**
 * The default teams from the funnel's shape: marketing works the top stage of
 * marketing-sourced sources and delivers the next (its headline is their handoff stage, the
 * SQLs); the SDR team works the stage above the handoff for every source (inbound MQLs; an
 * outbound source entering at SQL has none) and delivers the handoff stage; the AE team works
 * the stage after the handoff and delivers won deals (its revenue quota); CSM onboards the won
 * deals. A funnel too short for a team leaves it out (two stages: marketing and AE only).
 *
 * @example
 * defaultTeams(['lead', 'mql', 'sql', 'opportunity', 'won'], 'sql', ['marketing'], ['marketing', 'outbound'])
 * // → marketing: works lead, delivers mql, headline sql (marketing only);
 * //   sdr: works mql, delivers sql; ae: works opportunity, delivers won; csm: works won, delivers won
 * //   (sdr, ae, csm for marketing and outbound)
 */
export function defaultTeams(
  stages: readonly string[],
  handoffStage: string | undefined,
  marketingSources: readonly string[],
  allSources: readonly string[],
): TeamSpec[] {
  const won = stages.length - 1;
  const h = handoffStage === undefined ? -1 : stages.indexOf(handoffStage);
  const teams: TeamSpec[] = [];
  const at = (k: number, sources: readonly string[]): TeamStage => ({ stage: stages[k], sources });
  if (marketingSources.length > 0 && won >= 1) {
    teams.push({
      id: 'marketing',
      works: at(0, marketingSources),
      delivers: at(1, marketingSources),
      ...(h > 0 ? { headline: at(h, marketingSources) } : {}),
    });
  }
  // The SDR team sits between marketing's delivery and the handoff: it needs a stage of its own.
  if (h >= 2) teams.push({ id: 'sdr', works: at(h - 1, allSources), delivers: at(h, allSources) });
  const aeWorks = h >= 0 && h + 1 < won ? h + 1 : won - 1;
  if (aeWorks >= 0 && aeWorks < won) teams.push({ id: 'ae', works: at(aeWorks, allSources), delivers: at(won, allSources) });
  teams.push({ id: 'csm', works: at(won, allSources), delivers: at(won, allSources) });
  return teams;
}
